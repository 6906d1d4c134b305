// The taskforce update card: a reporting period at a glance — committed vs delivered for every theme
// (never only one total), new awards, top successes and commitments at risk, with a link to the dashboard.
import { formatPounds, IsoDate, MeasureUnit, Pence, Rag, ReportingPeriod, THEMES, ThemeId, themeById, ThemeTotals } from '../../domain';
import { HubTabLink, hubTabDeepLink } from '../deepLinks';
import { AdaptiveCardJson, card, CardElement, heading, note, openUrl, plainText, safeLinkUrl } from './elements';
import { CardLimits, fitCard, listWithMore } from './fit';
import { formatCardDate, formatPercent, formatQuantity } from './format';
import { supplierBadges } from './successCard';

export interface NewAward {
  reference: string;
  title: string;
  supplier: { name: string; isSme: boolean; isVcse: boolean; isLocal?: boolean };
  awardValuePence?: Pence;
  committedPence?: Pence;
}

export interface TopSuccess {
  reference: string;
  title: string;
  supplierName: string;
  themeId: ThemeId;
  measureText: string;
  quantity: number;
  unit: MeasureUnit | string;
  valuePence?: Pence;
}

export interface AtRiskCommitment {
  reference: string;
  title: string;
  measureText: string;
  /** From the domain's commitmentProgress. */
  rag: Rag;
  percentDelivered?: number;
  dueDate: IsoDate;
}

export interface UpdateCardInput {
  /** The domain's reporting period (periodById('2026-27 Q1')), or any label with dates. */
  period: Pick<ReportingPeriod, 'label' | 'end'> & { start?: IsoDate };
  /** committedByTheme(…) of the contracts live in the period: all six themes and the total. */
  committed: ThemeTotals;
  /** deliveredByTheme(…) of the period's outcome logs. */
  delivered: ThemeTotals;
  newAwards: readonly NewAward[];
  /** Already ordered, best first. */
  topSuccesses: readonly TopSuccess[];
  /** Already ordered, most urgent first. */
  atRisk: readonly AtRiskCommitment[];
  dashboardUrl: string;
  hubTab?: HubTabLink;
}

function money(pence: Pence): string {
  return formatPounds(pence, { pence: false });
}

/** One row per theme in the policy's order, then the whole: committed, delivered and the share delivered. */
function themeTable(committed: ThemeTotals, delivered: ThemeTotals): CardElement {
  const pence = (totals: ThemeTotals, themeId: ThemeId): Pence => {
    const found = totals.themes.filter((t) => t.themeId === themeId)[0];
    return found ? found.valuePence : 0;
  };
  const rows = THEMES.map((theme) => ({ label: theme.label, committed: pence(committed, theme.id), delivered: pence(delivered, theme.id) }));
  const all = { label: 'All themes', committed: committed.totalPence, delivered: delivered.totalPence };
  const cell = (text: string, bold: boolean, right: boolean, width: string): CardElement => ({
    type: 'Column',
    width,
    items: [{ type: 'TextBlock', text, wrap: true, weight: bold ? 'Bolder' : 'Default', horizontalAlignment: right ? 'Right' : 'Left' }],
  });
  const row = (label: string, committed: string, delivered: string, share: string, bold: boolean): CardElement => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [cell(label, bold, false, 'stretch'), cell(committed, bold, true, '90px'), cell(delivered, bold, true, '90px'), cell(share, bold, true, '50px')],
  });
  const share = (r: { committed: Pence; delivered: Pence }): string =>
    r.committed > 0 ? formatPercent((r.delivered / r.committed) * 100) || '' : '—';
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      row('Theme', 'Committed', 'Delivered', '%', true),
      ...rows.map((r) => row(r.label, money(r.committed), money(r.delivered), share(r), false)),
      row(all.label, money(all.committed), money(all.delivered), share(all), true),
    ],
  };
}

function section(title: string, items: CardElement[], empty: string): CardElement[] {
  const head: CardElement = { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true, spacing: 'Large', separator: true };
  return items.length ? [head, ...items] : [head, note(empty, { subtle: true })];
}

function award(a: NewAward, limits: CardLimits): CardElement {
  const badges = supplierBadges(a.supplier);
  const figures = [
    a.awardValuePence === undefined ? '' : `award ${money(a.awardValuePence)}`,
    a.committedPence === undefined ? '' : `${money(a.committedPence)} social value committed`,
  ].filter(Boolean);
  const supplier = `${a.supplier.name}${badges.length ? ` (${badges.join(', ')})` : ''}`;
  return plainText(`${a.reference} ${a.title} — ${supplier}${figures.length ? `: ${figures.join(', ')}` : ''}`, {
    maxLength: limits.textMax * 2,
  });
}

function success(s: TopSuccess, limits: CardLimits): CardElement {
  const value = s.valuePence === undefined ? '' : ` (${money(s.valuePence)})`;
  return plainText(
    `${formatQuantity(s.quantity, s.unit)} ${s.measureText}${value} — ${s.supplierName}, ${s.reference} ${s.title}; ${themeById(s.themeId).label}`,
    { maxLength: limits.textMax * 2 },
  );
}

function risk(r: AtRiskCommitment, limits: CardLimits): CardElement {
  const percent = formatPercent(r.percentDelivered);
  return plainText(
    `${r.rag}: ${r.reference} ${r.title} — ${r.measureText}${percent ? `, ${percent} delivered` : ''}, due ${formatCardDate(r.dueDate)}`,
    { maxLength: limits.textMax * 2 },
  );
}

export function buildUpdateCard(input: UpdateCardInput): AdaptiveCardJson {
  const dashboard = safeLinkUrl(input.dashboardUrl);
  if (!dashboard) throw new Error(`The dashboard link must be an https address; got "${input.dashboardUrl}".`);
  const periodText = `${input.period.start ? `${formatCardDate(input.period.start)} to ` : 'Period ending '}${formatCardDate(input.period.end)}`;
  const actions = [openUrl('Open the dashboard', dashboard)];
  if (input.hubTab) actions.push(openUrl('Open the Social Value Hub', hubTabDeepLink(input.hubTab)));

  return fitCard((limits) =>
    card(
      [
        heading('Social Value Taskforce update', 'Medium'),
        plainText(input.period.label, { maxLength: 80, weight: 'Bolder' }),
        note(periodText, { subtle: true, spacing: 'None' }),
        note('Committed and delivered social value by theme', { spacing: 'Medium' }),
        themeTable(input.committed, input.delivered),
        ...section('New awards', listWithMore(input.newAwards, limits.listMax, (a) => award(a, limits), 'award'), 'No new awards this period.'),
        ...section('Top successes', listWithMore(input.topSuccesses, limits.listMax, (s) => success(s, limits), 'success'), 'No verified successes this period yet.'),
        ...section('Commitments at risk', listWithMore(input.atRisk, limits.listMax, (r) => risk(r, limits), 'commitment'), 'No commitments at risk.'),
      ],
      actions,
      `Social Value Taskforce update: ${input.period.label}.`,
    ),
  );
}
