// The taskforce update card: a reporting period at a glance — committed vs delivered for every theme
// (never only one total), new awards, top successes and commitments at risk, with a link to the
// dashboard. Its inputs are shaped like the dashboard's figures (src/reporting's DashboardFigures:
// themes, totals, topSuccesses, atRisk fit as they are), so the card and the dashboard agree.
import { formatPounds, IsoDate, Pence, Rag, THEMES, ThemeId, themeById, ThemeTotals } from '../../domain';
import { HubLinkTarget, HubTabLink, hubLink } from '../deepLinks';
import { AdaptiveCardJson, card, CardElement, heading, note, openUrl, plainText, safeLinkUrl } from './elements';
import { CardLimits, fitCard, listWithMore } from './fit';
import { formatCardDate, formatPercent, formatQuantity } from './format';
import { supplierBadges } from './successCard';

/** One theme's £ in the period. Delivered means verified. */
export interface ThemeAmounts {
  themeId: ThemeId;
  committedPence: Pence;
  verifiedPence: Pence;
  /** Verified ÷ committed, % (the dashboard's figure); worked out for display when absent. */
  deliveredPercent?: number;
}

export interface UpdateTotals {
  committedPence: Pence;
  verifiedPence: Pence;
  deliveredPercent?: number;
}

export interface NewAward {
  reference: string;
  title?: string;
  supplier?: { name: string; isSme: boolean; isVcse: boolean; isLocal?: boolean };
  awardValuePence?: Pence;
  /** £ of social value committed at award. */
  committedPence?: Pence;
}

/** A procurement with the most verified £ in the period. */
export interface TopSuccess {
  reference: string;
  title?: string;
  supplierName?: string;
  verifiedPence: Pence;
  /** Verified £ per theme: the card names the leading themes. */
  verifiedByTheme?: readonly { themeId: ThemeId; pence: Pence }[];
}

export interface AtRiskCommitment {
  procurementReference: string;
  title?: string;
  measureCode: string;
  /** The measure's words; the code is shown when absent. */
  measureText?: string;
  rag: Rag;
  dueDate: IsoDate;
  targetQuantity?: number;
  verifiedQuantity?: number;
  unit?: string;
}

/** One measure's verified delivery, worded for people: quantity "37.5 FTE", outcome "More local people in work". */
export interface DeliveredOutcome {
  quantity: string;
  outcome: string;
}

export interface UpdateCardInput {
  /** The domain's ReportingPeriod fits ('Q1 2026-27 (April to June 2026)', start, end). */
  period: { label: string; start?: IsoDate; end: IsoDate };
  /** What the quarter delivered and verified in people and other quantities, people first: the card leads with it. */
  outcomes?: readonly DeliveredOutcome[];
  /** Per theme; themes missing here show as £0, so the card always covers all six. */
  themes: readonly ThemeAmounts[];
  totals: UpdateTotals;
  newAwards: readonly NewAward[];
  /** Best first. */
  topSuccesses: readonly TopSuccess[];
  /** Most urgent first. */
  atRisk: readonly AtRiskCommitment[];
  dashboardUrl: string;
  hubTab?: HubTabLink | HubLinkTarget;
}

/** The per-theme amounts and totals from the domain's committedByTheme and deliveredByTheme. */
export function themeAmounts(committed: ThemeTotals, delivered: ThemeTotals): { themes: ThemeAmounts[]; totals: UpdateTotals } {
  const pence = (totals: ThemeTotals, themeId: ThemeId): Pence => {
    const found = totals.themes.filter((t) => t.themeId === themeId)[0];
    return found ? found.valuePence : 0;
  };
  return {
    themes: THEMES.map((t) => ({ themeId: t.id, committedPence: pence(committed, t.id), verifiedPence: pence(delivered, t.id) })),
    totals: { committedPence: committed.totalPence, verifiedPence: delivered.totalPence },
  };
}

function money(pence: Pence): string {
  return formatPounds(pence, { pence: false });
}

function share(a: { committedPence: Pence; verifiedPence: Pence; deliveredPercent?: number }): string {
  if (a.deliveredPercent !== undefined) return `${a.deliveredPercent}%`;
  return a.committedPence > 0 ? formatPercent((a.verifiedPence / a.committedPence) * 100) || '' : '—';
}

/** One row per theme in the policy's order, then the whole: committed, delivered and the share delivered. */
function themeTable(themes: readonly ThemeAmounts[], totals: UpdateTotals): CardElement {
  const cell = (text: string, bold: boolean, right: boolean, width: string): CardElement => ({
    type: 'Column',
    width,
    items: [{ type: 'TextBlock', text, wrap: true, weight: bold ? 'Bolder' : 'Default', horizontalAlignment: right ? 'Right' : 'Left' }],
  });
  const row = (label: string, committed: string, delivered: string, percent: string, bold: boolean): CardElement => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [cell(label, bold, false, 'stretch'), cell(committed, bold, true, '90px'), cell(delivered, bold, true, '90px'), cell(percent, bold, true, '55px')],
  });
  const rows = THEMES.map((theme) => {
    const a = themes.filter((t) => t.themeId === theme.id)[0] || { committedPence: 0, verifiedPence: 0 };
    return row(theme.label, money(a.committedPence), money(a.verifiedPence), share(a), false);
  });
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      row('Theme', 'Committed', 'Delivered', '%', true),
      ...rows,
      row('All themes', money(totals.committedPence), money(totals.verifiedPence), share(totals), true),
    ],
  };
}

function section(title: string, items: CardElement[], empty: string): CardElement[] {
  const head: CardElement = { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true, spacing: 'Large', separator: true };
  return items.length ? [head, ...items] : [head, note(empty, { subtle: true })];
}

const named = (reference: string, title?: string): string => (title ? `${reference} ${title}` : reference);

function award(a: NewAward, limits: CardLimits): CardElement {
  const figures = [
    a.awardValuePence === undefined ? '' : `award ${money(a.awardValuePence)}`,
    a.committedPence === undefined ? '' : `${money(a.committedPence)} social value committed`,
  ].filter(Boolean);
  const badges = a.supplier ? supplierBadges(a.supplier) : [];
  const supplier = a.supplier ? ` — ${a.supplier.name}${badges.length ? ` (${badges.join(', ')})` : ''}` : '';
  return plainText(`${named(a.reference, a.title)}${supplier}${figures.length ? `: ${figures.join(', ')}` : ''}`, { maxLength: limits.textMax * 2 });
}

function success(s: TopSuccess, limits: CardLimits): CardElement {
  const leading = (s.verifiedByTheme || [])
    .filter((t) => t.pence > 0)
    .slice()
    .sort((a, b) => b.pence - a.pence)
    .slice(0, 2)
    .map((t) => themeById(t.themeId).label);
  const supplier = s.supplierName ? ` — ${s.supplierName}` : '';
  return plainText(`${named(s.reference, s.title)}${supplier}: ${money(s.verifiedPence)} verified${leading.length ? ` (${leading.join('; ')})` : ''}`, {
    maxLength: limits.textMax * 2,
  });
}

function risk(r: AtRiskCommitment, limits: CardLimits): CardElement {
  const unit = r.unit || '';
  const progress =
    r.targetQuantity === undefined ? '' : `, ${formatQuantity(r.verifiedQuantity || 0, unit).trim()} of ${formatQuantity(r.targetQuantity, unit).trim()} verified`;
  return plainText(`${r.rag}: ${named(r.procurementReference, r.title)} — ${r.measureText || r.measureCode}${progress}, due ${formatCardDate(r.dueDate)}`, {
    maxLength: limits.textMax * 2,
  });
}

export function buildUpdateCard(input: UpdateCardInput): AdaptiveCardJson {
  const dashboard = safeLinkUrl(input.dashboardUrl);
  if (!dashboard) throw new Error(`The dashboard link must be an https address; got "${input.dashboardUrl}".`);
  const dates = input.period.start ? `${formatCardDate(input.period.start)} to ${formatCardDate(input.period.end)}` : `Period ending ${formatCardDate(input.period.end)}`;
  const actions = [openUrl('Open the dashboard', dashboard)];
  if (input.hubTab) actions.push(openUrl('Open the Social Value Hub', hubLink(input.hubTab)));

  return fitCard((limits) =>
    card(
      [
        heading('Social Value Taskforce update', 'Medium'),
        plainText(input.period.label, { maxLength: 80, weight: 'Bolder' }),
        note(dates, { subtle: true, spacing: 'None' }),
        ...section(
          'Delivered and verified',
          listWithMore(input.outcomes || [], limits.listMax, (o) => plainText(`${o.quantity} · ${o.outcome}`, { maxLength: limits.textMax }), 'outcome'),
          'No outcomes verified this period yet.',
        ),
        note('Committed and delivered (verified) social value by theme', { spacing: 'Medium' }),
        themeTable(input.themes, input.totals),
        ...section('New awards', listWithMore(input.newAwards, limits.listMax, (a) => award(a, limits), 'award'), 'No new awards this period.'),
        ...section('Top successes', listWithMore(input.topSuccesses, limits.listMax, (s) => success(s, limits), 'success'), 'No verified successes this period yet.'),
        ...section('Commitments at risk', listWithMore(input.atRisk, limits.listMax, (r) => risk(r, limits), 'commitment'), 'No commitments at risk.'),
      ],
      actions,
      `Social Value Taskforce update: ${input.period.label}.`,
    ),
  );
}
