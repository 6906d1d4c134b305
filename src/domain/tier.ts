// The policy's three value bands (section 6.0 table). Which band a procurement is in decides what
// social value work the policy asks for.

import type { ContractType, Regime } from './contract';
import { CONTRACT_TYPES, DEFAULT_REGIME, REGIMES, isContractType, isRegime } from './contract';
import type { IsoDate } from './dates';
import { formatLongDate, parseIsoDate } from './dates';
import { PolicyInputError } from './errors';
import type { Pence } from './money';
import { assertPence, formatPounds, poundsToPence } from './money';
import type { PolicyEdition } from './policyEdition';
import { CURRENT_POLICY_EDITION, assertPolicyEdition } from './policyEdition';
import { thresholdContractLabel, thresholdRegimeLabel, thresholdTableInForce, thresholdTableWarnings } from './thresholds';
import type { TierSnapshot } from './entities';

export type Tier = 'light-touch' | 'toms-considered' | 'toms-included';

export interface TierInfo {
  id: Tier;
  label: string;
  /** The value band in words. */
  band: string;
  /** What the policy asks at this tier. */
  policyAsks: string;
  actionPlanRequired: boolean;
  /** A decision must be weighted or PASS/FAIL ('none' is not allowed). */
  weightingRequired: boolean;
  /** Every weighting decision must say why (including 'none'). */
  justificationRequired: boolean;
}

export const TIERS: readonly TierInfo[] = [
  {
    id: 'light-touch',
    label: 'Light touch',
    band: 'Under £50,000',
    policyAsks:
      'Use the light-touch social value toolkit and consider social value when obtaining quotations.',
    actionPlanRequired: false,
    weightingRequired: false,
    justificationRequired: false,
  },
  {
    id: 'toms-considered',
    label: 'TOMs considered',
    band: '£50,000 up to the procurement threshold',
    policyAsks:
      'Consider Themes, Outcomes and Measures (TOMs) in the specification and tender documents and apply them where practical.',
    actionPlanRequired: false,
    weightingRequired: false,
    justificationRequired: true,
  },
  {
    id: 'toms-included',
    label: 'TOMs included',
    band: 'At or above the procurement threshold',
    policyAsks:
      'Consider social value at commissioning, include TOMs in the tender with the evaluation scores and weightings clearly set out, and implement an action plan during the contract.',
    actionPlanRequired: true,
    weightingRequired: true,
    justificationRequired: true,
  },
];

/**
 * When the action plan the top tier asks for must exist: before the procurement is submitted for approval
 * (validateSubmission refuses it without one), so the approver approves a plan, not a promise of one. The
 * supplier's commitments are added to it at award. The guide and the tender pack both read this.
 */
export const ACTION_PLAN_DUE = 'before the procurement is submitted for approval';

export function isTier(value: unknown): value is Tier {
  return TIERS.some((t) => t.id === value);
}

export function tierInfo(tier: Tier): TierInfo {
  const found = TIERS.filter((t) => t.id === tier)[0];
  if (!found) throw new Error(`Unknown tier "${String(tier)}".`);
  return found;
}

export interface TierInput {
  /** Estimated whole-life value including VAT, in POUNDS (up to 2 decimal places). */
  estimatedValue: number;
  contractType: ContractType;
  /** Defaults to sub-central (WMCA). */
  regime?: Regime;
  /** ISO date yyyy-mm-dd: the threshold table in force on this day applies. */
  decisionDate: IsoDate;
}

export interface TierDecision {
  tier: Tier;
  tierLabel: string;
  estimatedValuePence: Pence;
  contractType: ContractType;
  regime: Regime;
  decisionDate: IsoDate;
  /** The threshold applied, in pounds (e.g. 207720). */
  threshold: number;
  thresholdPence: Pence;
  /** The day the applied threshold table came into force. */
  thresholdEffectiveFrom: IsoDate;
  thresholdTableId: string;
  thresholdSource: string;
  /** The light-touch line in pounds (50000 under today's policy). */
  lightTouchLimit: number;
  lightTouchLimitPence: Pence;
  actionPlanRequired: boolean;
  /** The weighting must be 'weighted' or 'pass-fail'. */
  weightingRequired: boolean;
  /** The weighting decision must carry a justification. */
  justificationRequired: boolean;
  /** What the policy asks at this tier. */
  policyAsks: string;
  /** One plain-English sentence naming the figures. */
  reason: string;
  /** What the officer should know before relying on the decision (e.g. a threshold table past its revision date); empty when none. */
  warnings: string[];
  policyEditionId: string;
}

function describeThreshold(thresholdPence: Pence, regime: Regime, contractType: ContractType, effectiveFrom: IsoDate): string {
  return `the ${formatPounds(thresholdPence)} ${thresholdRegimeLabel(regime)} ${thresholdContractLabel(contractType)} threshold in force from ${formatLongDate(effectiveFrom)}`;
}

/**
 * The policy's value bands: under the light-touch limit → light-touch; from the limit up to (not
 * including) the threshold → TOMs considered; at or above the threshold → TOMs included. Exactly
 * £50,000 is in the middle band; exactly the threshold is in the top band.
 */
export function determineTierForPence(
  input: { estimatedValuePence: Pence; contractType: ContractType; regime?: Regime; decisionDate: IsoDate },
  edition: PolicyEdition = CURRENT_POLICY_EDITION,
): TierDecision {
  if (!input || typeof input !== 'object') throw new PolicyInputError('The tier needs an estimated value, a contract type and a decision date.');
  assertPolicyEdition(edition);
  const valuePence = assertPence(input.estimatedValuePence, 'estimated value');
  if (!isContractType(input.contractType)) {
    throw new PolicyInputError(
      `Unknown contract type "${String(input.contractType)}". Choose one of: ${CONTRACT_TYPES.map((c) => c.id).join(', ')}.`,
    );
  }
  const regime = input.regime === undefined ? DEFAULT_REGIME : input.regime;
  if (!isRegime(regime)) {
    throw new PolicyInputError(`Unknown regime "${String(regime)}". Choose one of: ${REGIMES.map((r) => r.id).join(', ')}.`);
  }
  parseIsoDate(input.decisionDate, 'decision date');
  const table = thresholdTableInForce(edition.thresholdTables, input.decisionDate);
  const thresholdPence = table.figures[regime][input.contractType];
  const limitPence = edition.lightTouchLimitPence;
  const value = formatPounds(valuePence);
  const threshold = describeThreshold(thresholdPence, regime, input.contractType, table.effectiveFrom);

  let tier: Tier;
  let reason: string;
  if (valuePence >= thresholdPence) {
    tier = 'toms-included';
    reason =
      `${value} is at or above ${threshold}, so TOMs are included in the tender with the evaluation scores and ` +
      'weightings set out, and an action plan is required during the contract.';
  } else if (valuePence >= limitPence) {
    tier = 'toms-considered';
    reason =
      `${value} is at or above the ${formatPounds(limitPence)} light-touch limit but under ${threshold}, ` +
      'so TOMs are considered in the specification and tender and applied where practical.';
  } else {
    tier = 'light-touch';
    reason =
      `${value} is under the ${formatPounds(limitPence)} light-touch limit, so the light-touch social value toolkit ` +
      'applies and social value is considered when obtaining quotations.';
  }
  const info = tierInfo(tier);
  return {
    tier,
    tierLabel: info.label,
    estimatedValuePence: valuePence,
    contractType: input.contractType,
    regime,
    decisionDate: input.decisionDate,
    threshold: thresholdPence / 100,
    thresholdPence,
    thresholdEffectiveFrom: table.effectiveFrom,
    thresholdTableId: table.id,
    thresholdSource: table.source,
    lightTouchLimit: limitPence / 100,
    lightTouchLimitPence: limitPence,
    actionPlanRequired: info.actionPlanRequired,
    weightingRequired: info.weightingRequired,
    justificationRequired: info.justificationRequired,
    policyAsks: info.policyAsks,
    reason,
    warnings: thresholdTableWarnings(edition.thresholdTables, table, input.decisionDate),
    policyEditionId: edition.id,
  };
}

/** determineTier with the estimated value in pounds, as officers type it (e.g. 49999.99). */
export function determineTier(input: TierInput, edition: PolicyEdition = CURRENT_POLICY_EDITION): TierDecision {
  if (!input || typeof input !== 'object') throw new PolicyInputError('The tier needs an estimated value, a contract type and a decision date.');
  const estimatedValuePence = poundsToPence(input.estimatedValue, 'estimated value');
  return determineTierForPence(
    { estimatedValuePence, contractType: input.contractType, regime: input.regime, decisionDate: input.decisionDate },
    edition,
  );
}

/** What a procurement record keeps of the decision. */
export function tierSnapshot(decision: TierDecision): TierSnapshot {
  return {
    tier: decision.tier,
    thresholdPence: decision.thresholdPence,
    thresholdEffectiveFrom: decision.thresholdEffectiveFrom,
    policyEditionId: decision.policyEditionId,
  };
}
