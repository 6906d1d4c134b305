// From a procurement's decisions to the social value section of its tender documents, as a document
// model (./model.ts). Pure: the same procurement, library and edition always give the same content.
// Every policy decision (tier, weighting rules, labels, money) comes from src/domain; every sentence that
// is not a fact comes from ./wording.ts.
import {
  CURRENT_POLICY_EDITION,
  THEMES,
  authorityById,
  contractTypeLabel,
  determineTierForPence,
  MEASURES,
  formatPounds,
  measureByCode,
  themeById,
  tierInfo,
  validateWeighting,
  WEIGHTING_DECIMALS,
} from '../../domain';
import type { Measure, PolicyEdition, Procurement, ProcurementMeasureTarget, Tier } from '../../domain';
import type { TableBlock, TenderPackBlock, TenderPackContent, TenderPackWording } from './model';
import {
  FACT_LABELS,
  FACT_TABLE,
  HEADINGS,
  KEYWORDS,
  MEASURES_TEXT,
  NOT_SCORED,
  PASS_FAIL,
  POLICY_INTRO,
  QUESTIONS,
  QUOTATION_CHECKLIST,
  REPORTING,
  SCORING_SCALE,
  TITLES,
  WEIGHTED,
  durationText,
  policyLine,
} from './wording';

export interface TenderPackOptions {
  /** The measure library to look the procurement's measure codes up in (the Measures list); defaults to the domain's library. */
  measures?: readonly Measure[];
  /** The edition the tier is decided under when the procurement has no recorded tier; defaults to the current one. */
  edition?: PolicyEdition;
}

/** A tender pack that cannot be written truthfully (unknown measures, a weighting outside the policy). */
export class TenderPackError extends Error {
  public readonly problems: string[];

  public constructor(message: string, problems: string[]) {
    super(message);
    this.name = 'TenderPackError';
    this.problems = problems;
    // Keeps `instanceof` working when a consumer's toolchain down-levels classes.
    Object.setPrototypeOf(this, TenderPackError.prototype);
  }
}

/** The tier the pack is written for: the one recorded on the procurement, or determineTier's answer for it. */
export function tenderPackTier(procurement: Procurement, edition: PolicyEdition = CURRENT_POLICY_EDITION): Tier {
  if (procurement.tierDecision) return procurement.tierDecision.tier;
  return determineTierForPence(
    {
      estimatedValuePence: procurement.estimatedValuePence,
      contractType: procurement.contractType,
      regime: procurement.regime,
      decisionDate: procurement.decisionDate,
    },
    edition,
  ).tier;
}

/** The measures the procurement lists, in library order within each theme; throws for codes not in the library. */
interface ListedMeasure {
  measure: Measure;
  target: ProcurementMeasureTarget;
}

function listedMeasures(procurement: Procurement, library: readonly Measure[]): ListedMeasure[] {
  const targets = procurement.measureTargets || [];
  const seen: { [code: string]: boolean } = {};
  const found: ListedMeasure[] = [];
  const unknown: string[] = [];
  for (const target of targets) {
    const code = String(target.measureCode).trim().toUpperCase();
    if (seen[code]) continue;
    seen[code] = true;
    const measure = measureByCode(code, library);
    if (measure) found.push({ measure, target });
    else unknown.push(target.measureCode);
  }
  if (unknown.length > 0) {
    const problems = unknown.map((c) => `The measure "${c}" is not in the measure library, so its unit and proxy value are unknown.`);
    throw new TenderPackError(`The tender pack cannot list ${unknown.length === 1 ? 'a measure' : 'some measures'}: ${problems.join(' ')}`, problems);
  }
  return found.sort((a, b) => (a.measure.code < b.measure.code ? -1 : a.measure.code > b.measure.code ? 1 : 0));
}

/**
 * The edition a recorded decision is judged by: the one it was recorded under. A later edition (say a narrower
 * weighting range) does not undo a decision made and approved before it. Of past editions only the built-in
 * one's figures are known here; a decision under another keeps the widest range either edition allows.
 */
function editionDecidedUnder(procurement: Procurement, inForce: PolicyEdition): PolicyEdition {
  const recorded = procurement.tierDecision ? procurement.tierDecision.policyEditionId : inForce.id;
  if (recorded === inForce.id) return inForce;
  if (recorded === CURRENT_POLICY_EDITION.id) return CURRENT_POLICY_EDITION;
  return {
    ...inForce,
    weightingMinPercent: Math.min(inForce.weightingMinPercent, CURRENT_POLICY_EDITION.weightingMinPercent),
    weightingMaxPercent: Math.max(inForce.weightingMaxPercent, CURRENT_POLICY_EDITION.weightingMaxPercent),
  };
}

/** Only what the pack prints must be sound: a percentage in range, or PASS/FAIL criteria. */
function assertPrintableWeighting(procurement: Procurement, tier: Tier, edition: PolicyEdition): void {
  const printed = ['method', 'percent', 'essentialCriteria'];
  const problems = validateWeighting(procurement.weighting, tier, edition)
    .errors.filter((e) => printed.indexOf(e.field) >= 0)
    .map((e) => e.message);
  if (problems.length > 0) {
    throw new TenderPackError(`The tender pack cannot state this weighting decision: ${problems.join(' ')}`, problems);
  }
}

const QUANTITY = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** The weighting as approved: at most WEIGHTING_DECIMALS places, never rounded further (the domain refuses more). */
const WEIGHTING = new Intl.NumberFormat('en-GB', { maximumFractionDigits: WEIGHTING_DECIMALS });

function percentText(n: number, format: Intl.NumberFormat = WEIGHTING): string {
  return `${format.format(n)}%`;
}

function proxyCell(m: Measure): string {
  return m.recordOnly || m.proxyPence === undefined ? MEASURES_TEXT.recordOnlyCell : formatPounds(m.proxyPence);
}

function editionCell(m: Measure): string {
  if (m.recordOnly || m.proxyPence === undefined) return MEASURES_TEXT.noEdition;
  const edition = (m.proxyEdition || '').trim();
  const source = (m.proxySource || '').trim();
  if (!edition && !source) return MEASURES_TEXT.editionUnknown;
  return [edition, source].filter((s) => s !== '').join(': ');
}

function heading(level: 1 | 2 | 3, text: string, wording: TenderPackWording = 'fixed'): TenderPackBlock {
  return { kind: 'heading', level, text, wording };
}

function paragraph(text: string, wording: TenderPackWording = 'fixed', lead?: string): TenderPackBlock {
  return lead ? { kind: 'paragraph', lead, text, wording } : { kind: 'paragraph', text, wording };
}

function factsTable(rows: (readonly [string, string])[]): TableBlock {
  return { kind: 'table', caption: FACT_TABLE.caption, columns: FACT_TABLE.columns, rows: rows.map((r) => [r[0], r[1]]), wording: 'facts' };
}

function authorityName(procurement: Procurement): string {
  const a = authorityById(procurement.authorityId);
  return a ? a.name : procurement.authorityId;
}

function subjectOf(procurement: Procurement): string {
  return `${procurement.reference} ${procurement.title}`;
}

function evaluationBlocks(procurement: Procurement): TenderPackBlock[] {
  const w = procurement.weighting;
  const blocks: TenderPackBlock[] = [heading(2, HEADINGS.evaluation)];
  if (w.method === 'weighted' && typeof w.percent === 'number') {
    const percent = percentText(w.percent);
    const remainder = percentText(Math.round((100 - w.percent) * 10) / 10);
    const exampleMark = 4;
    // The worked example is a score, not the weighting: 4 ÷ 5 × 12.3% = 9.84% needs two places to be exact.
    const example = percentText(Math.round(((w.percent * exampleMark) / 5) * 100) / 100, QUANTITY);
    blocks.push(paragraph(WEIGHTED.statement(percent), 'facts'));
    blocks.push(paragraph(WEIGHTED.remainder(remainder), 'facts'));
    blocks.push(paragraph(WEIGHTED.method));
    blocks.push(paragraph(WEIGHTED.example(exampleMark, percent, example), 'facts'));
    blocks.push(heading(3, HEADINGS.scoringScale));
    blocks.push({ kind: 'table', caption: SCORING_SCALE.caption, columns: SCORING_SCALE.columns, rows: SCORING_SCALE.rows, wording: 'fixed' });
  } else if (w.method === 'pass-fail') {
    const criteria = (w.essentialCriteria || []).filter((c) => c.trim() !== '');
    blocks.push(paragraph(PASS_FAIL.statement));
    blocks.push(paragraph(PASS_FAIL.rule));
    blocks.push(heading(3, HEADINGS.passFailCriteria));
    blocks.push({
      kind: 'table',
      caption: PASS_FAIL.criteriaCaption,
      columns: PASS_FAIL.criteriaColumns,
      rows: criteria.map((c, i) => [PASS_FAIL.criterionId(i + 1), c.trim(), PASS_FAIL.result]),
      wording: 'facts',
    });
    blocks.push(paragraph(PASS_FAIL.measures));
  } else {
    blocks.push(paragraph(NOT_SCORED.statement));
  }
  return blocks;
}

function measureBlocks(listed: ListedMeasure[]): TenderPackBlock[] {
  const blocks: TenderPackBlock[] = [heading(2, HEADINGS.measures), paragraph(MEASURES_TEXT.intro), paragraph(MEASURES_TEXT.proxies)];
  if (listed.length === 0) {
    blocks.push(paragraph(MEASURES_TEXT.none));
    return blocks;
  }
  blocks.push(paragraph(MEASURES_TEXT.recordOnly));
  const withTargets = listed.some((l) => l.target.targetQuantity > 0);
  const columns = withTargets ? MEASURES_TEXT.columns.concat([MEASURES_TEXT.targetColumn]) : MEASURES_TEXT.columns;
  for (const theme of THEMES) {
    const inTheme = listed.filter((l) => l.measure.themeId === theme.id);
    if (inTheme.length === 0) continue;
    // Which themes get a table depends on the measures chosen, so the heading is one of the facts.
    blocks.push(heading(3, theme.label, 'facts'));
    blocks.push({
      kind: 'table',
      caption: MEASURES_TEXT.caption(theme.label),
      columns,
      rows: inTheme.map((l) => {
        const row = [l.measure.code, l.measure.text, l.measure.unit, proxyCell(l.measure), editionCell(l.measure)];
        if (withTargets) row.push(l.target.targetQuantity > 0 ? QUANTITY.format(l.target.targetQuantity) : '');
        return row;
      }),
      wording: 'facts',
    });
  }
  return blocks;
}

function reportingBlocks(tier: Tier): TenderPackBlock[] {
  const blocks: TenderPackBlock[] = [heading(2, HEADINGS.reporting), paragraph(REPORTING.intro)];
  for (const d of REPORTING.duties) blocks.push(paragraph(d.text, 'fixed', d.lead));
  // The policy requires an action plan during the contract at and above the threshold only.
  if (tierInfo(tier).actionPlanRequired) blocks.push(paragraph(REPORTING.actionPlan.text, 'fixed', REPORTING.actionPlan.lead));
  blocks.push(heading(3, HEADINGS.countingRules));
  blocks.push({ kind: 'bullets', items: REPORTING.countingRules, wording: 'fixed' });
  return blocks;
}

function tenderSection(procurement: Procurement, tier: 'toms-considered' | 'toms-included', editionId: string, listed: ListedMeasure[], policyAuthority?: string): TenderPackContent {
  const title = `${TITLES.tenderSection}: ${procurement.title}`;
  const themes = procurement.themeIds.map((id) => themeById(id));
  const blocks: TenderPackBlock[] = [
    heading(1, title, 'facts'),
    heading(2, HEADINGS.about),
    factsTable([
      [FACT_LABELS.title, procurement.title],
      [FACT_LABELS.reference, procurement.reference],
      [FACT_LABELS.authority, authorityName(procurement)],
      [FACT_LABELS.contractType, contractTypeLabel(procurement.contractType)],
      [FACT_LABELS.value, formatPounds(procurement.estimatedValuePence)],
      [FACT_LABELS.duration, durationText(procurement.durationMonths)],
      [FACT_LABELS.themes, themes.map((t) => t.label).join('; ')],
      [FACT_LABELS.policy, policyLine(tierInfo(tier).label, editionId, policyAuthority)],
    ]),
    heading(2, HEADINGS.policy),
    paragraph(POLICY_INTRO.common),
    paragraph(POLICY_INTRO[tier]),
  ];
  if (themes.length > 0) {
    blocks.push(paragraph(POLICY_INTRO.themes));
    blocks.push({ kind: 'bullets', items: themes.map((t) => `${t.label}: ${t.description}`), wording: 'facts' });
  }
  blocks.push(heading(2, HEADINGS.questions));
  for (const q of QUESTIONS[tier]) blocks.push(paragraph(q.text, 'fixed', q.lead));
  blocks.push(...evaluationBlocks(procurement));
  blocks.push(...measureBlocks(listed));
  blocks.push(...reportingBlocks(tier));
  return {
    kind: 'tender-section',
    tier,
    title,
    subject: subjectOf(procurement),
    keywords: KEYWORDS,
    procurementReference: procurement.reference,
    policyEditionId: editionId,
    blocks,
  };
}

function quotationChecklist(procurement: Procurement, editionId: string, listed: ListedMeasure[]): TenderPackContent {
  const title = `${TITLES.quotationChecklist}: ${procurement.title}`;
  const blocks: TenderPackBlock[] = [
    heading(1, title, 'facts'),
    factsTable([
      [FACT_LABELS.title, procurement.title],
      [FACT_LABELS.reference, procurement.reference],
      [FACT_LABELS.authority, authorityName(procurement)],
      [FACT_LABELS.value, formatPounds(procurement.estimatedValuePence)],
    ]),
    paragraph(QUOTATION_CHECKLIST.intro),
    { kind: 'checklist', items: QUOTATION_CHECKLIST.items, wording: 'fixed' },
  ];
  if (listed.length > 0) {
    blocks.push(paragraph(QUOTATION_CHECKLIST.measuresIntro));
    blocks.push({
      kind: 'table',
      caption: QUOTATION_CHECKLIST.caption,
      columns: QUOTATION_CHECKLIST.columns,
      rows: listed.map((l) => [l.measure.code, l.measure.text, l.measure.unit, proxyCell(l.measure)]),
      wording: 'facts',
    });
  } else {
    blocks.push(paragraph(QUOTATION_CHECKLIST.noMeasures));
  }
  blocks.push(paragraph(QUOTATION_CHECKLIST.privacy));
  return {
    kind: 'quotation-checklist',
    tier: 'light-touch',
    title,
    subject: subjectOf(procurement),
    keywords: KEYWORDS,
    procurementReference: procurement.reference,
    policyEditionId: editionId,
    blocks,
  };
}

/**
 * The social value section of a procurement's tender documents: from £50,000 the questions to bidders,
 * evaluation guidance and scoring (the weighting, or the PASS/FAIL essential criteria), the measures
 * bidders may commit to and the reporting duties during the contract; under £50,000 (light touch) a
 * one-page quotation checklist instead. Throws TenderPackError when the pack could not be truthful.
 */
export function tenderPackContent(procurement: Procurement, options: TenderPackOptions = {}): TenderPackContent {
  const edition = options.edition || CURRENT_POLICY_EDITION;
  const tier = tenderPackTier(procurement, edition);
  const editionId = procurement.tierDecision ? procurement.tierDecision.policyEditionId : edition.id;
  const listed = listedMeasures(procurement, options.measures || MEASURES);
  if (tier === 'light-touch') return quotationChecklist(procurement, editionId, listed);
  assertPrintableWeighting(procurement, tier, editionDecidedUnder(procurement, edition));
  // An authority's own edition is named as that authority's policy.
  const policyAuthority = editionId === edition.id && edition.authorityId ? authorityById(edition.authorityId)?.name : undefined;
  return tenderSection(procurement, tier, editionId, listed, policyAuthority);
}
