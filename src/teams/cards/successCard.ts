// The success card: one verified delivery worth celebrating in the taskforce channel.
import { CommitmentProgress, describeValue, formatPounds, IsoDate, MeasureUnit, Pence, periodLabel, ThemeId, themeById } from '../../domain';
import { HubLinkTarget, HubTabLink, hubLink } from '../deepLinks';
import { AdaptiveCardJson, badges, CardElement, card, Fact, facts, heading, openUrl, plainText, safeLinkUrl } from './elements';
import { fitCard } from './fit';
import { formatCardDate, formatQuantity } from './format';
import { sanitizeCardText } from './sanitize';

export interface SuccessCardInput {
  procurement: { reference: string; title: string };
  supplier: { name: string; isSme: boolean; isVcse: boolean; isLocal?: boolean };
  themeId: ThemeId;
  measure: { code: string; text: string; unit: MeasureUnit | string };
  /** The verified outcome: what was delivered in the period, and its £ value (none for record-only measures). */
  outcome: { quantity: number; valuePence?: Pence; proxyPence?: Pence; periodEnd: IsoDate };
  /** The commitment's progress to date, from the domain's commitmentProgress. */
  progress?: Pick<CommitmentProgress, 'targetQuantity' | 'percentDelivered'>;
  /** Display name of who verified it (a person in the hub, not a beneficiary: cards hold counts, never people). */
  verifiedBy: string;
  verifiedAt?: string;
  quote?: string;
  /** The supplier's or hub's case study page (https). */
  caseStudyUrl?: string;
  /** Where 'Open in the Social Value Hub' goes: the Teams tab or the SharePoint page (src/app/hubLinks.ts). */
  hubTab: HubTabLink | HubLinkTarget;
}

export function supplierBadges(supplier: { isSme: boolean; isVcse: boolean; isLocal?: boolean }): string[] {
  const labels: string[] = [];
  if (supplier.isSme) labels.push('SME');
  if (supplier.isVcse) labels.push('VCSE');
  if (supplier.isLocal) labels.push('West Midlands');
  return labels;
}

function quoteBlock(quote: string, maxLength: number): CardElement | undefined {
  const text = sanitizeCardText(quote, { maxLength, multiline: true });
  return text ? plainText(`“${text}”`, { italic: true, multiline: true, spacing: 'Medium', maxLength: maxLength + 2 }) : undefined;
}

export function buildSuccessCard(input: SuccessCardInput): AdaptiveCardJson {
  const theme = themeById(input.themeId);
  const delivered = formatQuantity(input.outcome.quantity, input.measure.unit);
  const value = input.outcome.valuePence === undefined ? undefined : formatPounds(input.outcome.valuePence, { pence: false });
  const reference = sanitizeCardText(input.procurement.reference, { maxLength: 60 });
  const deepLink = hubLink(input.hubTab, input.procurement.reference);
  const caseStudy = safeLinkUrl(input.caseStudyUrl);
  const period = periodLabel(input.outcome.periodEnd);

  return fitCard((limits) => {
    const rows: Fact[] = [
      { title: 'Supplier', value: input.supplier.name },
      { title: 'Theme', value: theme.label },
      { title: 'Measure', value: `${input.measure.code} ${input.measure.text}` },
      { title: 'Delivered', value: delivered },
    ];
    if (input.progress) {
      const target = formatQuantity(input.progress.targetQuantity, input.measure.unit);
      rows.push({ title: 'Commitment', value: `${input.progress.percentDelivered}% of ${target} delivered to date` });
    }
    if (value) {
      // With the proxy, show how the value was worked out ("£1,760 (104 weeks × £16.93)").
      const working = input.outcome.proxyPence === undefined ? value : describeValue(input.outcome.quantity, String(input.measure.unit), input.outcome.proxyPence);
      rows.push({ title: 'Social value', value: working });
    }
    rows.push({ title: 'Period', value: period });
    const verified = input.verifiedAt ? `${input.verifiedBy}, ${formatCardDate(input.verifiedAt)}` : input.verifiedBy;
    rows.push({ title: 'Verified by', value: verified });

    const actions = [openUrl('Open in the Social Value Hub', deepLink)];
    if (caseStudy) actions.push(openUrl('Read the case study', caseStudy));

    return card(
      [
        heading('Social value delivered', 'Medium'),
        plainText(input.procurement.title, { maxLength: limits.textMax, weight: 'Bolder' }),
        plainText(reference, { subtle: true, spacing: 'None' }),
        badges(supplierBadges(input.supplier)),
        value
          ? plainText(`${delivered} — ${value} of social value for ${theme.label}`, { spacing: 'Medium', maxLength: 400 })
          : plainText(`${delivered} for ${theme.label}`, { spacing: 'Medium', maxLength: 400 }),
        facts(rows, limits.textMax),
        input.quote ? quoteBlock(input.quote, limits.textMax * 2) : undefined,
      ],
      actions,
      `Social value delivered: ${input.procurement.title} (${reference}) — ${delivered}${value ? `, ${value}` : ''}, ${theme.label}.`,
    );
  });
}
