// Weighting of social value in tender evaluation (policy section 6.0): weighted between 5% and 30% at
// the Procurement Lead Officer's discretion, or PASS/FAIL where social value is essential.

import type { ContractType } from './contract';
import { CONTRACT_TYPES, contractTypeLabel, isContractType } from './contract';
import type { WeightingDecision } from './entities';
import type { FieldError } from './errors';
import type { KpiDuty } from './kpi';
import { PolicyInputError } from './errors';
import { exactDecimal } from './decimal';
import { formatPounds, poundsToPence } from './money';
import type { PolicyEdition } from './policyEdition';
import { CURRENT_POLICY_EDITION, assertPolicyEdition } from './policyEdition';
import type { Tier } from './tier';
import { TIERS, isTier, tierInfo } from './tier';

export type WeightingMethod = 'weighted' | 'pass-fail' | 'none';

export interface WeightingMethodInfo {
  id: WeightingMethod;
  label: string;
  description: string;
}

export const WEIGHTING_METHODS: readonly WeightingMethodInfo[] = [
  { id: 'weighted', label: 'Weighted', description: 'Social value is scored and carries a share of the evaluation, within the policy range.' },
  { id: 'pass-fail', label: 'PASS/FAIL', description: 'Essential social value deliverables a bid must meet to be considered.' },
  { id: 'none', label: 'No weighting', description: 'Social value is not scored in the evaluation.' },
];

/**
 * A weighting has at most one decimal place (12.5%, not 12.35%), so the figure approved is the figure the list
 * shows and bidders read in the tender pack: the list column and the pack are sized from this.
 */
export const WEIGHTING_DECIMALS = 1;

/** True when `percent` has more decimal places than WEIGHTING_DECIMALS. */
export function weightingTooPrecise(percent: number): boolean {
  return exactDecimal(percent, 'weighting').scale > WEIGHTING_DECIMALS;
}

export function isWeightingMethod(value: unknown): value is WeightingMethod {
  return WEIGHTING_METHODS.some((m) => m.id === value);
}

export interface WeightingValidation {
  ok: boolean;
  errors: FieldError[];
}

function assertTier(tier: unknown): Tier {
  if (!isTier(tier)) {
    throw new PolicyInputError(`Unknown tier "${String(tier)}". Use one of: ${TIERS.map((t) => t.id).join(', ')}.`);
  }
  return tier;
}

function percentText(n: number): string {
  return `${String(n)}%`;
}

/**
 * The policy's weighting rules, field by field (policy section 6.0):
 * - 'weighted': a percentage between the edition's bounds (5 and 30) inclusive, to at most one decimal place.
 * - 'pass-fail': at least one essential criterion, none blank; no percentage.
 * - 'none': no percentage; not allowed at or above the threshold ('toms-included'); between £50,000 and
 *   the threshold only with a justification of why TOMs are not practical.
 * - At and above £50,000 (any tier but light-touch) every decision carries a justification: the policy
 *   leaves weighting to the Procurement Lead Officer's discretion, so the record must say why.
 * - Light touch: no weighting is required, but a weighting that is given must still be valid.
 */
export function validateWeighting(
  decision: WeightingDecision,
  tier: Tier,
  edition: PolicyEdition = CURRENT_POLICY_EDITION,
): WeightingValidation {
  assertTier(tier);
  assertPolicyEdition(edition);
  if (!decision || typeof decision !== 'object') {
    throw new PolicyInputError('The weighting decision is missing: choose weighted, PASS/FAIL or no weighting.');
  }
  const min = edition.weightingMinPercent;
  const max = edition.weightingMaxPercent;
  const range = `between ${percentText(min)} and ${percentText(max)}`;
  const errors: FieldError[] = [];
  const method = decision.method;

  if (!isWeightingMethod(method)) {
    errors.push({ field: 'method', message: 'Choose how social value is weighted: weighted, PASS/FAIL or no weighting.' });
  }

  const percent = decision.percent as unknown;
  if (method === 'weighted') {
    if (percent === undefined || percent === null) {
      errors.push({ field: 'percent', message: `Enter the social value weighting as a percentage ${range}.` });
    } else if (typeof percent !== 'number' || !isFinite(percent)) {
      errors.push({ field: 'percent', message: `The social value weighting must be a number ${range}; "${String(percent)}" is not.` });
    } else if (weightingTooPrecise(percent)) {
      errors.push({
        field: 'percent',
        message: `Give the social value weighting to at most one decimal place (e.g. 12.5%); ${String(percent)}% has more.`,
      });
    } else if (percent < min || percent > max) {
      errors.push({
        field: 'percent',
        message: `The social value weighting must be ${range} (the policy range); ${percentText(percent)} is outside it.`,
      });
    }
  } else if (method === 'pass-fail' || method === 'none') {
    if (percent !== undefined && percent !== null) {
      errors.push({
        field: 'percent',
        message:
          method === 'pass-fail'
            ? 'Clear the weighting percentage: a PASS/FAIL decision is not scored as a percentage.'
            : 'Clear the weighting percentage, or choose "weighted": with no weighting there is no percentage.',
      });
    }
  }

  if (method === 'pass-fail') {
    const criteria = decision.essentialCriteria as unknown;
    if (criteria !== undefined && criteria !== null && !Array.isArray(criteria)) {
      errors.push({ field: 'essentialCriteria', message: 'The essential criteria must be a list, one criterion per line.' });
    } else {
      const list = (criteria || []) as unknown[];
      const filled = list.filter((c) => typeof c === 'string' && c.trim() !== '');
      if (filled.length === 0) {
        errors.push({
          field: 'essentialCriteria',
          message: 'List at least one essential social value criterion that a bid must meet to pass.',
        });
      } else {
        list.forEach((c, i) => {
          if (typeof c !== 'string' || c.trim() === '') {
            errors.push({ field: 'essentialCriteria', message: `Essential criterion ${i + 1} is blank: write it or remove it.` });
          }
        });
      }
    }
  }

  const justification = decision.justification as unknown;
  const justified = typeof justification === 'string' && justification.trim() !== '';
  if (justification !== undefined && justification !== null && typeof justification !== 'string') {
    errors.push({ field: 'justification', message: 'The justification must be text.' });
  } else if (tier === 'toms-included' && method === 'none') {
    errors.push({
      field: 'method',
      message:
        'At or above the procurement threshold social value must be weighted or PASS/FAIL; "no weighting" is not allowed.',
    });
  } else if (tier === 'toms-considered' && method === 'none' && !justified) {
    errors.push({
      field: 'justification',
      message: 'Explain why TOMs are not practical for this procurement: from £50,000 "no weighting" needs a justification.',
    });
  }
  if (tier !== 'light-touch' && !justified && !errors.some((e) => e.field === 'justification')) {
    errors.push({
      field: 'justification',
      message:
        'Give the reason for this weighting decision: from £50,000 the record must say why (the policy leaves weighting to the Procurement Lead Officer).',
    });
  }
  return { ok: errors.length === 0, errors };
}

export type SocialValueRelevance = 'low' | 'medium' | 'high';
export const RELEVANCE_LEVELS: readonly SocialValueRelevance[] = ['low', 'medium', 'high'];

export interface WeightingRecommendationInput {
  tier: Tier;
  /** Estimated whole-life value inc. VAT, in pounds. */
  estimatedValue: number;
  contractType: ContractType;
  /** How much scope the contract gives for social value, in the officer's judgement. */
  relevance: SocialValueRelevance;
  /** Elements of social value are essential to delivering the project (policy: PASS/FAIL may apply). */
  socialValueEssential?: boolean;
  /** The essential criteria, when the officer already knows them (used in the draft decision). */
  essentialCriteria?: string[];
  /** Section 52's KPI duty for the procurement (kpiDuty), to name it where it applies; it never moves the weighting. */
  kpiDuty?: KpiDuty;
}

export interface WeightingRecommendation {
  method: WeightingMethod;
  /** The band to choose a percentage from, always within the edition's range (5–30). */
  min: number;
  max: number;
  /** Only when the method is 'weighted'. */
  suggested?: number;
  /** Why, one line per reason. */
  rationale: string[];
  /** A decision the officer can start from; it passes validateWeighting for the same tier. */
  draft: WeightingDecision;
  policyEditionId: string;
}

/**
 * Starting bands by tier and relevance, before the edition's range clamps them. The top tier starts
 * higher because the policy expects TOMs to be included there; higher relevance moves the band up.
 * Light touch has no weighting requirement, so its band is advice only.
 */
export const WEIGHTING_BANDS: { readonly [T in Tier]: { readonly [R in SocialValueRelevance]: { min: number; max: number; suggested: number } } } = {
  'light-touch': { low: { min: 5, max: 10, suggested: 5 }, medium: { min: 5, max: 10, suggested: 5 }, high: { min: 5, max: 15, suggested: 10 } },
  'toms-considered': { low: { min: 5, max: 10, suggested: 5 }, medium: { min: 5, max: 15, suggested: 10 }, high: { min: 10, max: 20, suggested: 15 } },
  'toms-included': { low: { min: 5, max: 15, suggested: 10 }, medium: { min: 10, max: 20, suggested: 15 }, high: { min: 15, max: 30, suggested: 20 } },
};

const DEFAULT_ESSENTIAL_CRITERION = 'The supplier delivers the essential social value requirements set out in the specification.';

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * A weighting recommendation that explains itself and never contradicts validateWeighting:
 * PASS/FAIL where social value is essential; no weighting under £50,000; otherwise weighted within a band
 * chosen by tier and relevance, narrowed for goods, clamped to 5–30. The KPI duty is named, never weighed.
 */
export function recommendWeighting(
  input: WeightingRecommendationInput,
  edition: PolicyEdition = CURRENT_POLICY_EDITION,
): WeightingRecommendation {
  if (!input || typeof input !== 'object') throw new PolicyInputError('The recommendation needs the tier, value, contract type and relevance.');
  assertPolicyEdition(edition);
  const tier = assertTier(input.tier);
  const valuePence = poundsToPence(input.estimatedValue, 'estimated value');
  if (!isContractType(input.contractType)) {
    throw new PolicyInputError(
      `Unknown contract type "${String(input.contractType)}". Choose one of: ${CONTRACT_TYPES.map((c) => c.id).join(', ')}.`,
    );
  }
  if (RELEVANCE_LEVELS.indexOf(input.relevance) < 0) {
    throw new PolicyInputError(`Unknown relevance "${String(input.relevance)}". Choose low, medium or high.`);
  }
  const lo = edition.weightingMinPercent;
  const hi = edition.weightingMaxPercent;
  const rationale: string[] = [];
  const band = WEIGHTING_BANDS[tier][input.relevance];
  let bandMax = band.max;
  let suggested = band.suggested;
  rationale.push(`The policy allows social value weightings from ${percentText(lo)} to ${percentText(hi)}, set case by case by the Procurement Lead Officer.`);
  const tierLabel = tierInfo(tier).label;
  rationale.push(`${input.relevance.charAt(0).toUpperCase() + input.relevance.slice(1)} social value relevance at the "${tierLabel}" tier suggests ${percentText(band.min)}–${percentText(band.max)}.`);
  if (input.contractType === 'goods') {
    bandMax = Math.max(band.min, bandMax - 5);
    suggested = Math.min(suggested, bandMax);
    rationale.push('Goods contracts usually offer less scope for local jobs and skills than services or works, so the band is narrowed.');
  }
  // Section 52's KPI duty is named where kpiDuty says it applies, and only named: it is about managing the
  // contract, not about how much social value weighs in the evaluation.
  if (input.kpiDuty && input.kpiDuty.applies) {
    rationale.push(
      `${input.kpiDuty.reason} Social value commitments can be among those KPIs; the duty does not change the weighting.`,
    );
  }
  const max = clamp(bandMax, lo, hi);
  const min = Math.min(clamp(band.min, lo, hi), max);
  suggested = clamp(suggested, min, max);
  if (min !== band.min || max !== bandMax) {
    rationale.push(`Kept within this edition's range: ${percentText(min)}–${percentText(max)}.`);
  }

  if (input.socialValueEssential) {
    const given = (input.essentialCriteria || []).filter((c) => typeof c === 'string' && c.trim() !== '');
    rationale.push('Elements of social value are essential to delivering this project, so the policy’s PASS/FAIL weighting is recommended: a bid that does not meet the essential criteria fails.');
    if (given.length === 0) rationale.push('Write the essential criteria as key deliverables in the specification; the draft holds a placeholder to replace.');
    return {
      method: 'pass-fail',
      min,
      max,
      rationale,
      draft: {
        method: 'pass-fail',
        justification: 'Social value is essential to delivering this project, so it is evaluated PASS/FAIL against the essential criteria.',
        essentialCriteria: given.length > 0 ? given : [DEFAULT_ESSENTIAL_CRITERION],
      },
      policyEditionId: edition.id,
    };
  }
  if (tier === 'light-touch') {
    rationale.push(
      `Under ${formatPounds(edition.lightTouchLimitPence)} no weighting is required: use the light-touch toolkit and consider social value when obtaining quotations. If you do weight it, keep within ${percentText(min)}–${percentText(max)}.`,
    );
    return {
      method: 'none',
      min,
      max,
      rationale,
      draft: { method: 'none', justification: 'Light-touch procurement: social value is considered when obtaining quotations.' },
      policyEditionId: edition.id,
    };
  }
  rationale.push(`Suggested weighting: ${percentText(suggested)}.`);
  return {
    method: 'weighted',
    min,
    max,
    suggested,
    rationale,
    draft: {
      method: 'weighted',
      percent: suggested,
      justification: `Social value weighted at ${percentText(suggested)}: ${input.relevance} relevance for a ${contractTypeLabel(input.contractType).toLowerCase()} contract of ${formatPounds(valuePence)} at the "${tierLabel}" tier.`,
    },
    policyEditionId: edition.id,
  };
}
