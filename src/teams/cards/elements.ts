// The few Adaptive Card elements the hub's cards use, as typed JSON builders. Our own words go in
// TextBlocks (markdown is harmless there because we write it); user text only ever goes in TextRuns,
// which Adaptive Cards render literally, after sanitizeCardText.
import { CARD_SCHEMA_VERSION } from './limits';
import { sanitizeCardText, SanitizeOptions } from './sanitize';

export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width?: 'Full' };
  /** Shown by hosts that cannot render the card, and read by screen readers in notifications. */
  fallbackText?: string;
  speak?: string;
}

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function heading(text: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return { type: 'TextBlock', text, size, weight: 'Bolder', wrap: true, style: 'heading' };
}

export function note(text: string, options: { subtle?: boolean; spacing?: string } = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: options.subtle === true, spacing: options.spacing || 'Small' };
}

/** A paragraph that may hold user text: plain text in a TextRun, never markdown. */
export function plainText(
  text: string,
  options: SanitizeOptions & { italic?: boolean; weight?: 'Bolder'; subtle?: boolean; spacing?: string } = {},
): CardElement {
  const run: CardElement = { type: 'TextRun', text: sanitizeCardText(text, options) };
  if (options.italic) run.italic = true;
  if (options.weight) run.weight = options.weight;
  if (options.subtle) run.isSubtle = true;
  const block: CardElement = { type: 'RichTextBlock', inlines: [run] };
  if (options.spacing) block.spacing = options.spacing;
  return block;
}

export interface Fact {
  title: string;
  /** Plain text; sanitised here, so user text is welcome. */
  value: string;
}

/**
 * Label/value rows. A FactSet would treat values as markdown, so the rows are columns with a TextBlock
 * label (our words) and a TextRun value (anyone's words).
 */
export function facts(rows: readonly Fact[], maxValueLength = 200): CardElement {
  return {
    type: 'Container',
    spacing: 'Medium',
    items: rows.map((row) => ({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: row.title, weight: 'Bolder', wrap: true }] },
        { type: 'Column', width: 'stretch', items: [plainText(row.value, { maxLength: maxValueLength })] },
      ],
    })),
  };
}

/** Small labelled chips (SME, VCSE, West Midlands) in a row; our own words only. */
export function badges(labels: readonly string[]): CardElement | undefined {
  if (labels.length === 0) return undefined;
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: labels.map((label) => ({
      type: 'Column',
      width: 'auto',
      items: [
        {
          type: 'Container',
          style: 'accent',
          bleed: false,
          items: [{ type: 'TextBlock', text: label, size: 'Small', weight: 'Bolder', wrap: false }],
        },
      ],
    })),
  };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * A URL for a card's button, or undefined: https only (plus http on this machine, for the local
 * runtime), never javascript: or data:, never with spaces or quotes that could break out of JSON/HTML.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (trimmed.length > 2000 || !/^[^\s<>"]+$/.test(trimmed)) return undefined;
  if (/^https:\/\/[^/]/i.test(trimmed)) return trimmed;
  if (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/i.test(trimmed)) return trimmed;
  return undefined;
}

export function card(body: readonly (CardElement | undefined)[], actions: readonly CardElement[], fallbackText: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: CARD_SCHEMA_VERSION,
    body: body.filter((e): e is CardElement => e !== undefined),
    actions: actions.length ? actions.slice() : undefined,
    msteams: { width: 'Full' },
    fallbackText: sanitizeCardText(fallbackText, { maxLength: 300 }),
  };
}
