// Shared checks for card tests: the official adaptivecards library parses the card for schema 1.5
// and must report nothing; the size is measured on the chatMessage the poster would send.
// The package's main entry is extensionless ES modules, which jest does not transform here; its UMD
// bundle is the same library (the one the channel page serves), typed by the package's own .d.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-var-requires
const AC = require('adaptivecards/dist/adaptivecards') as typeof import('adaptivecards');
import { AdaptiveCardJson, CARD_SCHEMA_VERSION, compareCardVersions, MAX_MESSAGE_BYTES } from '../../src/teams/cards';
import { buildCardMessage, messageBytes } from '../../src/teams/posting';

export interface CardReport {
  events: string[];
  validation: string[];
  bytes: number;
}

export function checkCard(card: AdaptiveCardJson): CardReport {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  const validation = parsed.validateProperties().validationEvents.map((e) => e.message);
  return { events, validation, bytes: messageBytes(buildCardMessage(JSON.stringify(card))) };
}

export function expectValidCard(card: AdaptiveCardJson): void {
  const report = checkCard(card);
  expect(report.events).toEqual([]);
  expect(report.validation).toEqual([]);
  expect(compareCardVersions(card.version, CARD_SCHEMA_VERSION)).toBeLessThanOrEqual(0);
  expect(report.bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
}

type Node = Record<string, unknown>;

/** Every element (and inline) of the card, depth first. */
export function elements(card: AdaptiveCardJson): Node[] {
  const out: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Node;
      if (typeof node.type === 'string') out.push(node);
      for (const key of Object.keys(node)) walk(node[key]);
    }
  };
  walk(card.body);
  walk(card.actions);
  return out;
}

/** Text that Teams would read as markdown (TextBlocks, fact values). User text must never be here. */
export function markdownTexts(card: AdaptiveCardJson): string[] {
  return elements(card)
    .filter((n) => n.type === 'TextBlock' || n.type === 'Fact')
    .map((n) => String(n.text !== undefined ? n.text : n.value));
}

/** Plain text shown to people (TextRuns). */
export function runTexts(card: AdaptiveCardJson): string[] {
  return elements(card)
    .filter((n) => n.type === 'TextRun')
    .map((n) => String(n.text));
}
