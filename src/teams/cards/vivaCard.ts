// The Viva Connections card's words and its quick view, from the card's content (src/app/vivaCard.ts). The ACE
// (src/adaptiveCardExtensions/socialValueCard) puts the words into SharePoint's card view components; the quick
// view is an Adaptive Card, the same JSON the local page renders with the official renderer (/_local/viva).
// People outcomes lead (the taskforce's headline), then £; each to-do is a button into the hub at that place.
import * as strings from 'SocialValueHubStrings';
import { formatPounds, sumPence } from '../../domain';
import type { Pence, ReportingPeriod, ThemeId } from '../../domain';
import type { DeliveredOutcome } from './updateCard';
import { format } from '../../loc/format';
import type { HubLinkTarget } from '../deepLinks';
import { hubLink } from '../deepLinks';
import { DASHBOARD_SUB_ENTITY } from '../hubTab';
import { card, heading, note, openUrl, plainText } from './elements';
import type { AdaptiveCardJson, CardElement } from './elements';

const S = strings.Viva;

// The card's content, as src/app/vivaCard.ts works it out from the lists.
export interface VivaTheme {
  themeId: ThemeId;
  label: string;
  verifiedPence: Pence;
  /** The theme's verified quantities, one per unit (the dashboard's theme row). */
  outcomes: DeliveredOutcome[];
}

export interface VivaFigures {
  quarter: ReportingPeriod;
  previous: ReportingPeriod;
  /** This quarter's verified outcomes in their units, people into work first (the dashboard's order). */
  outcomes: DeliveredOutcome[];
  verifiedPence: Pence;
  previousVerifiedPence: Pence;
  themes: VivaTheme[];
}

export type VivaTodoKind = 'verify' | 'return' | 'approval';

export interface VivaTodo {
  kind: VivaTodoKind;
  reference: string;
  /** In words: "GSE-01 for Q2 2026-27", "Return for Q2 2026-27: 2 of 3 measures not reported", "Awaiting your decision". */
  what: string;
}

export interface VivaTodos {
  toVerify: number;
  /** More logs await verification than the card read: "500+". */
  toVerifyMore: boolean;
  returnsToChase: number;
  awaitingApproval: number;
  /** Approvals first (someone waits on them), then returns, then verifications. */
  items: VivaTodo[];
}

export type VivaCard =
  | { state: 'ready'; figures: VivaFigures; todos: VivaTodos }
  | { state: 'not-provisioned'; missingLists: string[] }
  | { state: 'no-access' }
  | { state: 'failed'; message: string };

/** What the card shows (its property pane). */
export interface VivaCardOptions {
  showPeople: boolean;
  showMoney: boolean;
  showTodos: boolean;
}

export const DEFAULT_VIVA_OPTIONS: VivaCardOptions = { showPeople: true, showMoney: true, showTodos: true };

/** A button into the hub: a subEntityId (a screen, or a procurement reference) the link target opens. */
export interface VivaButton {
  title: string;
  subEntityId: string;
}

/** The card view: a heading, one line of figures (or of what went wrong), and up to two buttons. */
export interface VivaCardViewWords {
  heading: string;
  body: string;
  buttons: VivaButton[];
  /** The quick view opens on selecting the card only when there are figures to show. */
  hasQuickView: boolean;
}

/** "Q3 2026-27": short enough for a card's one line. */
export function shortQuarter(period: ReportingPeriod): string {
  return `Q${period.quarter} ${period.financialYear}`;
}

const pounds = (pence: number): string => formatPounds(pence, { pence: false });
const count = (n: number, one: string, many: string): string => (n === 1 ? one : format(many, n.toLocaleString('en-GB')));

/** "£1,102 more than Q2 2026-27", "the same as Q2 2026-27". */
export function changeWords(figures: VivaFigures): string {
  const change = sumPence([figures.verifiedPence, -figures.previousVerifiedPence]);
  const before = shortQuarter(figures.previous);
  if (change === 0) return format(S.ChangeSame, before);
  return format(change > 0 ? S.ChangeUp : S.ChangeDown, pounds(Math.abs(change)), before);
}

/** The figures' line: people outcomes first, then £ with its change on last quarter. */
export function figuresLine(figures: VivaFigures, options: VivaCardOptions): string {
  const parts: string[] = [];
  if (options.showPeople && figures.outcomes.length > 0) {
    const [first, ...rest] = figures.outcomes;
    const lead = `${first.quantity} ${first.outcome.charAt(0).toLowerCase()}${first.outcome.slice(1)}`;
    parts.push(rest.length > 0 ? format(S.AndMore, lead, rest.length) : lead);
  }
  if (options.showMoney && figures.verifiedPence !== 0) {
    parts.push(`${format(S.Verified, pounds(figures.verifiedPence))} (${changeWords(figures)})`);
  }
  if (parts.length > 0) return parts.join(' · ');
  // Nothing yet for the quarter (its returns are still coming in): never "£0", and what the one before held.
  return options.showMoney && figures.previousVerifiedPence !== 0
    ? `${S.NothingVerified} (${format(S.PreviousOnly, pounds(figures.previousVerifiedPence), shortQuarter(figures.previous))})`
    : S.NothingVerified;
}

/** The to-dos' words: a large card's, and a medium card's (about 200 px for its one button). */
const TODO_WORDS = {
  Large: { approvalOne: S.ApprovalOne, approvalMany: S.ApprovalMany, returnsOne: S.ReturnsOne, returnsMany: S.ReturnsMany, verifyOne: S.ToVerifyOne, verifyMany: S.ToVerifyMany, verifyMoreThan: S.ToVerifyMoreThan, openHub: S.OpenHub },
  // Microsoft's card design guidance: text must not truncate at the card's size ("Designing a Viva Connections
  // custom card for your dashboard", Microsoft Learn); "2 awaiting your approval" was cut off on a medium card.
  Medium: { approvalOne: S.ShortApprovalOne, approvalMany: S.ShortApprovalMany, returnsOne: S.ShortReturnsOne, returnsMany: S.ShortReturnsMany, verifyOne: S.ShortToVerifyOne, verifyMany: S.ShortToVerifyMany, verifyMoreThan: S.ShortToVerifyMoreThan, openHub: S.ShortOpenHub },
};

/** Each kind of to-do with something waiting, as a button: approvals first (someone waits on a decision). */
export function todoButtons(todos: VivaTodos, size: 'Medium' | 'Large' = 'Large'): VivaButton[] {
  const w = TODO_WORDS[size];
  const out: VivaButton[] = [];
  if (todos.awaitingApproval > 0) out.push({ title: count(todos.awaitingApproval, w.approvalOne, w.approvalMany), subEntityId: 'approvals' });
  if (todos.returnsToChase > 0) out.push({ title: count(todos.returnsToChase, w.returnsOne, w.returnsMany), subEntityId: 'chase' });
  if (todos.toVerifyMore) out.push({ title: format(w.verifyMoreThan, todos.toVerify.toLocaleString('en-GB')), subEntityId: 'verify' });
  else if (todos.toVerify > 0) out.push({ title: count(todos.toVerify, w.verifyOne, w.verifyMany), subEntityId: 'verify' });
  return out;
}

/** The card view's words. A medium card has room for one button, a large one for two (SharePoint's card views). */
export function vivaCardViewWords(content: VivaCard, options: VivaCardOptions = DEFAULT_VIVA_OPTIONS, size: 'Medium' | 'Large' = 'Large'): VivaCardViewWords {
  const room = size === 'Medium' ? 1 : 2;
  switch (content.state) {
    case 'not-provisioned':
      return { heading: S.Title, body: S.NotProvisioned, buttons: [{ title: TODO_WORDS[size].openHub, subEntityId: '' }], hasQuickView: false };
    case 'no-access':
      return { heading: S.Title, body: S.NoAccess, buttons: [], hasQuickView: false };
    case 'failed':
      return { heading: S.Title, body: S.Failed, buttons: [], hasQuickView: false };
    default: {
      const todos = options.showTodos ? todoButtons(content.todos, size) : [];
      const buttons = todos.length > 0 ? todos : [{ title: S.OpenDashboard, subEntityId: DASHBOARD_SUB_ENTITY }];
      return {
        heading: format(S.QuarterVerified, shortQuarter(content.figures.quarter)),
        body: figuresLine(content.figures, options),
        buttons: buttons.slice(0, room),
        hasQuickView: true,
      };
    }
  }
}

const TODO_LABEL: Record<VivaTodo['kind'], string> = { approval: S.TodoApproval, return: S.TodoReturn, verify: S.TodoVerify };

/** The most to-dos the quick view lists before "and N more in the hub". */
export const QUICK_VIEW_TODOS = 8;

function themeRows(figures: VivaFigures, options: VivaCardOptions): CardElement[] {
  return figures.themes.map((t) => {
    const parts: string[] = [];
    if (options.showPeople) parts.push(...t.outcomes.map((o) => `${o.quantity} ${o.outcome.charAt(0).toLowerCase()}${o.outcome.slice(1)}`));
    if (options.showMoney && t.verifiedPence !== 0) parts.push(format(S.ThemeVerified, pounds(t.verifiedPence)));
    return {
      type: 'Container',
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: t.label, weight: 'Bolder', wrap: true },
        // Measure outcomes come from the site's library (officers can add measures): plain text, never markdown.
        plainText(parts.length > 0 ? parts.join(' · ') : S.ThemeNothing, { subtle: parts.length === 0, spacing: 'None' }),
      ],
    };
  });
}

function todoRows(todos: VivaTodos, links: HubLinkTarget): CardElement[] {
  const shown = todos.items.slice(0, QUICK_VIEW_TODOS).map(
    (t): CardElement => ({
      type: 'Container',
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: `${TODO_LABEL[t.kind]}: ${t.reference}`, weight: 'Bolder', wrap: true },
        plainText(t.what, { maxLength: 200, spacing: 'None' }),
        { type: 'ActionSet', actions: [openUrl(`${t.reference}: ${TODO_LABEL[t.kind]}`, hubLink(links, t.reference))] },
      ],
    }),
  );
  const hidden = todos.items.length - shown.length;
  if (hidden > 0) shown.push(note(format(S.TodosMore, hidden), { subtle: true }));
  return shown;
}

/** The quick view: the six themes with this quarter's figures and the person's to-dos, each linking into the hub. */
export function vivaQuickView(content: VivaCard, links: HubLinkTarget, options: VivaCardOptions = DEFAULT_VIVA_OPTIONS): AdaptiveCardJson {
  if (content.state !== 'ready') {
    const words = vivaCardViewWords(content, options);
    const detail =
      content.state === 'not-provisioned'
        ? format(S.NotProvisionedBody, content.missingLists.join(', '))
        : content.state === 'no-access'
          ? S.NoAccessBody
          : format(S.FailedBody, content.message);
    return card([heading(words.body), plainText(detail)], [], `${words.body} ${detail}`);
  }
  const { figures, todos } = content;
  const body: (CardElement | undefined)[] = [
    heading(format(S.QuickViewTitle, figures.quarter.label)),
    plainText(figuresLine(figures, options), { spacing: 'Small' }),
    heading(S.ThemesHeading),
    ...themeRows(figures, options),
  ];
  if (options.showTodos) {
    body.push(heading(S.TodosHeading));
    if (todos.items.length === 0) body.push(note(S.NothingWaiting));
    body.push(...todoRows(todos, links));
  }
  return card(body, [openUrl(S.OpenDashboard, hubLink(links, DASHBOARD_SUB_ENTITY))], `${format(S.QuickViewTitle, figures.quarter.label)}: ${figuresLine(figures, options)}`);
}

/**
 * The card view drawn as an Adaptive Card, for the local page only (SharePoint draws the real one from the ACE's
 * card view components): the heading, the figures' line and the buttons, at the card's size.
 */
export function cardViewPreview(words: VivaCardViewWords, links: HubLinkTarget): AdaptiveCardJson {
  return card(
    [
      { type: 'TextBlock', text: S.Title, size: 'Small', isSubtle: true, wrap: true },
      { type: 'TextBlock', text: words.heading, weight: 'Bolder', wrap: true, spacing: 'None' },
      plainText(words.body, { spacing: 'Small' }),
    ],
    words.buttons.map((b) => openUrl(b.title, hubLink(links, b.subEntityId || undefined))),
    `${words.heading}: ${words.body}`,
  );
}
