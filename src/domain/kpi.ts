// The key performance indicator duty of the Procurement Act 2023, section 52, exactly where it applies.
//
// Section 52(1) (https://www.legislation.gov.uk/ukpga/2023/54/section/52): before entering into a public contract
// with an estimated value of more than £5 million, a contracting authority must set at least three key
// performance indicators, unless it considers that the supplier's performance could not appropriately be assessed
// by reference to KPIs. Section 52(2) takes out frameworks, concession contracts, light touch contracts and
// utilities contracts awarded by a private utility (the hub's authorities are all public authorities, so the last
// never arises here). Section 52(3) has every KPI set published; section 71(2) has performance against them
// assessed and published at least once every 12 months. The stored copy of the statute's own page was not
// reachable from here; the exceptions are as the Cabinet Office guidance on contract performance notices and the
// law firms' summaries (Foot Anstey, Ward Hadaway, Bird & Bird) state them.
//
// A public contract is one at or above the threshold for its type (section 3), which determineTier finds; the
// Act governs procurements begun on or after its commencement on 24 February 2025. The estimated value counts
// VAT, as the thresholds do. The duty is about contract management: it never moves the social value weighting.
import type { ContractType, Regime } from './contract';
import { DEFAULT_REGIME } from './contract';
import type { IsoDate } from './dates';
import { addMonths, compareIsoDates, formatLongDate, isIsoDate, parseIsoDate } from './dates';
import type { Commitment, Procurement } from './entities';
import type { FieldError } from './errors';
import { PolicyInputError } from './errors';
import type { Measure } from './measures';
import { MEASURES, formatQuantity, measureByCode } from './measures';
import type { Pence } from './money';
import { formatPounds } from './money';
import type { PolicyEdition } from './policyEdition';
import { CURRENT_POLICY_EDITION } from './policyEdition';
import type { CommitmentProgress } from './socialValue';
import { determineTierForPence } from './tier';
import { MAX_TEXT_LENGTH } from './entities';

/** The Procurement Act 2023 came into force on 24 February 2025 (../shared/reference/thresholds.md). */
export const PROCUREMENT_ACT_COMMENCEMENT: IsoDate = '2025-02-24';

/** Section 52(1): "more than £5 million" (so exactly £5,000,000 is not covered), inclusive of VAT. */
export const KPI_DUTY_VALUE_PENCE: Pence = 500000000;

/** Section 52(1): "at least three key performance indicators". */
export const MIN_KPIS = 3;

export interface KpiDutyInput {
  estimatedValuePence: Pence;
  contractType: ContractType;
  regime?: Regime;
  decisionDate: IsoDate;
  /** The procurement awards a framework (section 52(2)). */
  framework?: boolean;
  /** Why the authority considers the supplier's performance could not appropriately be assessed by KPIs (section 52(1)). */
  kpisNotAppropriateReason?: string;
}

export interface KpiDuty {
  /** True when at least three KPIs must be set before the contract is entered into. */
  applies: boolean;
  /** 3 when the duty applies, otherwise 0. */
  minimumKpis: number;
  /** One sentence naming the figures and the provision that decides it. */
  reason: string;
}

function notApplying(reason: string): KpiDuty {
  return { applies: false, minimumKpis: 0, reason };
}

/**
 * Whether section 52 requires KPIs for this procurement, and why. Throws PolicyInputError for input that makes
 * no sense (unknown contract type or regime, a bad date), as determineTier does.
 */
export function kpiDuty(input: KpiDutyInput, edition: PolicyEdition = CURRENT_POLICY_EDITION): KpiDuty {
  if (!input || typeof input !== 'object') throw new PolicyInputError('The KPI duty needs the estimated value, contract type and decision date.');
  const tier = determineTierForPence(
    { estimatedValuePence: input.estimatedValuePence, contractType: input.contractType, regime: input.regime ?? DEFAULT_REGIME, decisionDate: input.decisionDate },
    edition,
  );
  const value = formatPounds(tier.estimatedValuePence);
  if (compareIsoDates(input.decisionDate, PROCUREMENT_ACT_COMMENCEMENT) < 0) {
    return notApplying(
      `Decided before the Procurement Act 2023 came into force on ${formatLongDate(PROCUREMENT_ACT_COMMENCEMENT)}, so the previous regulations govern it and section 52's KPI duty does not apply.`,
    );
  }
  if (tier.estimatedValuePence < tier.thresholdPence) {
    return notApplying(
      `${value} is under the ${formatPounds(tier.thresholdPence)} threshold, so this is not a public contract under the Procurement Act 2023 and section 52's KPI duty does not apply.`,
    );
  }
  if (tier.estimatedValuePence <= KPI_DUTY_VALUE_PENCE) {
    return notApplying(`${value} is not more than ${formatPounds(KPI_DUTY_VALUE_PENCE)}, so section 52's KPI duty does not apply.`);
  }
  if (input.contractType === 'concession') {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a concession contract, so no KPIs are required by law.');
  }
  if (input.contractType === 'light-touch-services') {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a light touch contract, so no KPIs are required by law.');
  }
  if (input.framework) {
    return notApplying('Section 52 of the Procurement Act 2023 does not apply to a framework, so no KPIs are required by law (contracts called off under it may need them).');
  }
  const why = typeof input.kpisNotAppropriateReason === 'string' ? input.kpisNotAppropriateReason.trim() : '';
  if (why !== '') {
    return notApplying(
      `The authority considers the supplier's performance could not appropriately be assessed by key performance indicators (${why}), so section 52 does not require them.`,
    );
  }
  return {
    applies: true,
    minimumKpis: MIN_KPIS,
    reason:
      `${value} is more than ${formatPounds(KPI_DUTY_VALUE_PENCE)} on a public contract, so before it is entered into at least ${MIN_KPIS} key performance indicators ` +
      'must be set and published, and performance against them assessed at least every 12 months (Procurement Act 2023 sections 52 and 71).',
  };
}

/** Section 52's duty for a procurement as recorded (its estimated value, type, regime, decision date and framework). */
export function kpiDutyForProcurement(p: Procurement, edition: PolicyEdition = CURRENT_POLICY_EDITION): KpiDuty {
  return kpiDuty(
    {
      estimatedValuePence: p.estimatedValuePence,
      contractType: p.contractType,
      regime: p.regime,
      decisionDate: p.decisionDate,
      framework: !!p.framework,
      kpisNotAppropriateReason: p.kpisNotAppropriateReason,
    },
    edition,
  );
}

// ---- Contract management for contracts the duty covers -------------------------------------------------------
//
// Section 71(2) has performance against the KPIs assessed and published at least once every 12 months (and on
// termination) in a contract performance notice; regulation 39 of the Procurement Regulations 2024 (SI 2024/692,
// https://www.legislation.gov.uk/uksi/2024/692/regulation/39/made) says what the notice holds (paragraph (4)) and
// prescribes the ratings (paragraph (5)), worded exactly as below. The rating is the authority's judgement: the hub
// puts its delivery figures beside each KPI, it never picks the rating.

export type ContractPerformanceRating = 'Good' | 'Approaching target' | 'Requires improvement' | 'Inadequate' | 'Other';

export const CONTRACT_PERFORMANCE_RATINGS: readonly { id: ContractPerformanceRating; description: string }[] = [
  { id: 'Good', description: 'Performance is meeting or exceeding the key performance indicators' },
  { id: 'Approaching target', description: 'Performance is close to meeting the key performance indicators' },
  { id: 'Requires improvement', description: 'Performance is below the key performance indicators' },
  { id: 'Inadequate', description: 'Performance is significantly below the key performance indicators' },
  { id: 'Other', description: 'Performance cannot be described as good, approaching target, requires improvement or inadequate' },
];

export function isContractPerformanceRating(value: unknown): value is ContractPerformanceRating {
  return CONTRACT_PERFORMANCE_RATINGS.some((r) => r.id === value);
}

/** Section 71(2): at least once every 12 months. */
export const KPI_ASSESSMENT_INTERVAL_MONTHS = 12;

/** A KPI's name and target each fit one line of a list: the assessments list carries them as single lines of text. */
export const MAX_KPI_TEXT = MAX_TEXT_LENGTH;

/** A key performance indicator set at award: what is measured and the target it is assessed against. */
export interface Kpi {
  name: string;
  /** The target in words and figures, e.g. "12 apprenticeship weeks by 31 March 2027". */
  target: string;
  /** When the KPI is a social value commitment: its measure code, so the hub's delivery figures feed the assessment. */
  measureCode?: string;
}

/** One assessment of one KPI for a period (regulation 39(4)(g) and (h)). */
export interface KpiAssessment {
  kpiName: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  rating: ContractPerformanceRating;
  note?: string;
}

/** An assessment as the hub keeps it: for which procurement, and the target the KPI had when it was rated. */
export interface RecordedKpiAssessment extends KpiAssessment {
  procurementReference: string;
  kpiTarget?: string;
}

function blankText(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/** The KPIs set at award: each named with a target; at least three where section 52 applies. */
export function validateKpis(kpis: readonly Partial<Kpi>[], duty: KpiDuty): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  kpis.forEach((k, i) => {
    if (blankText(k.name)) errors.push({ field: `kpis[${i}].name`, message: `Name KPI ${i + 1}: what the supplier’s performance is measured by.` });
    else if (seen.has((k.name as string).trim().toLowerCase())) {
      errors.push({ field: `kpis[${i}].name`, message: `KPI ${i + 1} has the same name as another: each KPI is assessed by its name, so give each its own.` });
    } else seen.add((k.name as string).trim().toLowerCase());
    if (!blankText(k.name) && (k.name as string).trim().length > MAX_KPI_TEXT) {
      errors.push({ field: `kpis[${i}].name`, message: `Shorten KPI ${i + 1}’s name to ${MAX_KPI_TEXT} characters or fewer.` });
    }
    if (!blankText(k.target) && (k.target as string).trim().length > MAX_KPI_TEXT) {
      errors.push({ field: `kpis[${i}].target`, message: `Shorten KPI ${i + 1}’s target to ${MAX_KPI_TEXT} characters or fewer.` });
    }
    if (blankText(k.target)) {
      errors.push({ field: `kpis[${i}].target`, message: `Give KPI ${i + 1} a target (a figure and a date), or remove it: a KPI without a target cannot be assessed.` });
    }
  });
  if (duty.applies && kpis.length < duty.minimumKpis) {
    errors.push({
      field: 'kpis',
      message: `Set at least ${duty.minimumKpis} key performance indicators before the contract is entered into (Procurement Act 2023 section 52); ${kpis.length} set. Social value commitments can be among them.`,
    });
  }
  return errors;
}

/** Social value commitments as KPIs: the measure, and its target in its unit by its due date. */
export function kpisFromCommitments(commitments: readonly Commitment[], library: readonly Measure[] = MEASURES): Kpi[] {
  return commitments.map((c) => {
    const m = measureByCode(c.measureCode, library);
    return {
      name: m ? `${m.code} ${m.text}` : c.measureCode,
      target: `${formatQuantity(c.targetQuantity, c.unit)} by ${formatLongDate(c.dueDate)}`,
      measureCode: c.measureCode,
    };
  });
}

/** One assessment: a known KPI, a period that ends on or after it starts, and one of the prescribed ratings. */
export function validateKpiAssessment(a: Partial<KpiAssessment>, kpis: readonly Kpi[]): FieldError[] {
  const errors: FieldError[] = [];
  if (blankText(a.kpiName) || !kpis.some((k) => k.name === a.kpiName)) errors.push({ field: 'kpiName', message: 'Choose the KPI this assessment is for.' });
  const startOk = isIsoDate(a.periodStart);
  const endOk = isIsoDate(a.periodEnd);
  if (!startOk) errors.push({ field: 'periodStart', message: 'Enter the first day of the period assessed (yyyy-mm-dd).' });
  if (!endOk) errors.push({ field: 'periodEnd', message: 'Enter the last day of the period assessed (yyyy-mm-dd).' });
  if (startOk && endOk && compareIsoDates(a.periodEnd as IsoDate, a.periodStart as IsoDate) < 0) {
    errors.push({ field: 'periodEnd', message: 'The period assessed must end on or after the day it starts.' });
  }
  if (!isContractPerformanceRating(a.rating)) {
    errors.push({
      field: 'rating',
      message: `Choose the rating the Procurement Regulations 2024 prescribe: ${CONTRACT_PERFORMANCE_RATINGS.map((r) => r.id).join(', ')}.`,
    });
  }
  return errors;
}

/**
 * When the next assessment is due: 12 months after the end of the latest period assessed, or after the contract
 * start when none has been made. Overdue when `asOf` is past it.
 */
export function nextKpiAssessmentDue(contractStart: IsoDate, assessments: readonly KpiAssessment[], asOf: IsoDate): { due: IsoDate; overdue: boolean } {
  parseIsoDate(contractStart, 'contract start date');
  parseIsoDate(asOf, 'as-of date');
  let from = contractStart;
  for (const a of assessments) if (compareIsoDates(a.periodEnd, from) > 0) from = a.periodEnd;
  const due = addMonths(from, KPI_ASSESSMENT_INTERVAL_MONTHS);
  return { due, overdue: compareIsoDates(asOf, due) > 0 };
}

/** What the notice needs about the contract (regulation 39(4)); identifiers come from the central digital platform. */
export interface ContractPerformanceNoticeInput {
  contractingAuthority: string;
  procurementTitle: string;
  /** The procurement's unique identifier (from its tender notice). */
  procurementIdentifier?: string;
  /** The contract's unique identifier (from its contract details notice). */
  contractIdentifier?: string;
  supplier: { name: string; postalAddress?: string; email?: string; identifier?: string };
  kpis: readonly Kpi[];
  assessments: readonly KpiAssessment[];
  /** The hub's delivery figures per KPI (by measure code), shown beside the rating: never typed twice. */
  delivery?: { [measureCode: string]: CommitmentProgress };
}

/**
 * The content of a contract performance notice under section 71(2)(b), in the order of regulation 39(4), as lines
 * to copy to the central digital platform. Throws PolicyInputError naming every missing item, so nothing incomplete
 * is copied.
 */
export function contractPerformanceNotice(input: ContractPerformanceNoticeInput): string[] {
  const missing: string[] = [];
  if (blankText(input.procurementIdentifier)) missing.push('the procurement’s unique identifier (from its tender notice)');
  if (blankText(input.contractIdentifier)) missing.push('the contract’s unique identifier (from its contract details notice)');
  if (!input.supplier || blankText(input.supplier.name)) missing.push('the supplier’s name');
  if (input.kpis.length === 0) missing.push('the key performance indicators set under section 52(1)');
  const unrated = input.kpis.filter((k) => !input.assessments.some((a) => a.kpiName === k.name && isContractPerformanceRating(a.rating)));
  if (unrated.length > 0) missing.push(`a rating for ${unrated.map((k) => `"${k.name}"`).join(', ')}`);
  if (missing.length > 0) throw new PolicyInputError(`The contract performance notice is not complete: add ${missing.join('; ')}.`, missing);
  const starts = input.assessments.map((a) => a.periodStart).sort();
  const ends = input.assessments.map((a) => a.periodEnd).sort();
  const s = input.supplier;
  const lines = [
    `Contracting authority: ${input.contractingAuthority}`,
    `Procurement: ${input.procurementTitle}`,
    `Procurement identifier: ${String(input.procurementIdentifier).trim()}`,
    `Contract identifier: ${String(input.contractIdentifier).trim()}`,
    'This notice sets out the contracting authority’s assessment of performance against the key performance indicators.',
    `Supplier: ${s.name}${s.identifier ? ` (identifier ${s.identifier})` : ''}`,
  ];
  if (s.postalAddress) lines.push(`Supplier postal address: ${s.postalAddress}`);
  if (s.email) lines.push(`Supplier email: ${s.email}`);
  for (const k of input.kpis) {
    const a = input.assessments.filter((x) => x.kpiName === k.name).sort((x, y) => compareIsoDates(y.periodEnd, x.periodEnd))[0];
    const rating = CONTRACT_PERFORMANCE_RATINGS.filter((r) => r.id === a.rating)[0];
    let line = `KPI: ${k.name}; target: ${k.target}; rating: ${rating.id} (${rating.description})`;
    const progress = k.measureCode && input.delivery ? input.delivery[k.measureCode] : undefined;
    if (progress) line += `; delivered ${String(progress.deliveredQuantity)} of ${String(progress.targetQuantity)} (${String(progress.verifiedQuantity)} verified)`;
    lines.push(line);
  }
  lines.push(`Period assessed: ${formatLongDate(starts[0])} to ${formatLongDate(ends[ends.length - 1])}`);
  return lines;
}
