// Weighting of social value in tender evaluation (policy section 6.0): weighted between 5% and 30% at
// the Procurement Lead Officer's discretion, or PASS/FAIL where social value is essential.

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

export function isWeightingMethod(value: unknown): value is WeightingMethod {
  return WEIGHTING_METHODS.some((m) => m.id === value);
}
