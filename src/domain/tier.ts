// The policy's three value bands (section 6.0 table). Which band a procurement is in decides what
// social value work the policy asks for.

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

export function isTier(value: unknown): value is Tier {
  return TIERS.some((t) => t.id === value);
}

export function tierInfo(tier: Tier): TierInfo {
  const found = TIERS.filter((t) => t.id === tier)[0];
  if (!found) throw new Error(`Unknown tier "${String(tier)}".`);
  return found;
}
