// What is being bought and under which procurement regime: together they pick the threshold that applies.

export type ContractType = 'goods' | 'services' | 'works' | 'light-touch-services';

export interface ContractTypeInfo {
  id: ContractType;
  label: string;
  description: string;
}

export const CONTRACT_TYPES: readonly ContractTypeInfo[] = [
  { id: 'goods', label: 'Goods', description: 'Supplies and equipment bought or hired.' },
  { id: 'services', label: 'Services', description: 'Services other than light-touch services.' },
  { id: 'works', label: 'Works', description: 'Building and civil engineering works.' },
  {
    id: 'light-touch-services',
    label: 'Light-touch services',
    description: 'Health, social, education and other services the Procurement Act 2023 lists as light touch.',
  },
];

/** WMCA is a sub-central authority; some activity (e.g. tram operation) may fall under utilities. */
export type Regime = 'sub-central' | 'central' | 'utilities';

export interface RegimeInfo {
  id: Regime;
  label: string;
  description: string;
}

export const REGIMES: readonly RegimeInfo[] = [
  { id: 'sub-central', label: 'Sub-central', description: 'Local and combined authorities, including WMCA (the default).' },
  { id: 'central', label: 'Central government', description: 'Central government departments and their bodies.' },
  { id: 'utilities', label: 'Utilities', description: 'Utility activity such as transport networks (e.g. tram operation).' },
];

export const DEFAULT_REGIME: Regime = 'sub-central';

export function isContractType(value: unknown): value is ContractType {
  return CONTRACT_TYPES.some((c) => c.id === value);
}

export function isRegime(value: unknown): value is Regime {
  return REGIMES.some((r) => r.id === value);
}

export function contractTypeLabel(id: ContractType): string {
  const found = CONTRACT_TYPES.filter((c) => c.id === id)[0];
  return found ? found.label : String(id);
}

export function regimeLabel(id: Regime): string {
  const found = REGIMES.filter((r) => r.id === id)[0];
  return found ? found.label : String(id);
}
