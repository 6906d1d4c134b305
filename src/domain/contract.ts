// What is being bought and under which procurement regime: together they pick the threshold that applies.

export type ContractType = 'goods' | 'services' | 'works' | 'light-touch-services' | 'concession';

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
  {
    id: 'concession',
    label: 'Concession',
    description:
      'A concession contract: the supplier is paid wholly or partly by the right to exploit the works or services and takes the ' +
      'operating risk. Under the utilities regime a concession for works is tiered as works (Schedule 1 row 4). Not for a ' +
      'light-touch services concession, whose own threshold (Schedule 1 row 7) the hub does not hold.',
  },
];

/** WMCA is a sub-central authority; some activity (e.g. tram operation) may fall under utilities. */
export type Regime = 'sub-central' | 'central' | 'utilities' | 'defence-security';

export interface RegimeInfo {
  id: Regime;
  label: string;
  description: string;
}

export const REGIMES: readonly RegimeInfo[] = [
  { id: 'sub-central', label: 'Sub-central', description: 'Local and combined authorities, including WMCA (the default).' },
  { id: 'central', label: 'Central government', description: 'Central government departments and their bodies.' },
  { id: 'utilities', label: 'Utilities', description: 'Utility activity such as transport networks (e.g. tram operation).' },
  {
    id: 'defence-security',
    label: 'Defence and security',
    description: 'A defence and security contract under section 7 of the Procurement Act 2023 (e.g. military or sensitive security equipment).',
  },
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
