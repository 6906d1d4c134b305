// The authorities whose procurements the hub records: WMCA, its seven constituent authorities, and the
// non-constituent authorities the policy also means to support (section 5.0, Planning and Development).

export type AuthorityKind = 'combined' | 'constituent' | 'non-constituent';

export interface Authority {
  id: string;
  name: string;
  kind: AuthorityKind;
}

export const AUTHORITIES: readonly Authority[] = [
  { id: 'wmca', name: 'West Midlands Combined Authority', kind: 'combined' },
  { id: 'birmingham', name: 'Birmingham City Council', kind: 'constituent' },
  { id: 'coventry', name: 'Coventry City Council', kind: 'constituent' },
  { id: 'dudley', name: 'Dudley Metropolitan Borough Council', kind: 'constituent' },
  { id: 'sandwell', name: 'Sandwell Metropolitan Borough Council', kind: 'constituent' },
  { id: 'solihull', name: 'Solihull Metropolitan Borough Council', kind: 'constituent' },
  { id: 'walsall', name: 'Walsall Metropolitan Borough Council', kind: 'constituent' },
  { id: 'wolverhampton', name: 'City of Wolverhampton Council', kind: 'constituent' },
  { id: 'cannock-chase', name: 'Cannock Chase District Council', kind: 'non-constituent' },
  { id: 'north-warwickshire', name: 'North Warwickshire Borough Council', kind: 'non-constituent' },
  { id: 'nuneaton-bedworth', name: 'Nuneaton and Bedworth Borough Council', kind: 'non-constituent' },
  { id: 'redditch', name: 'Redditch Borough Council', kind: 'non-constituent' },
  { id: 'rugby', name: 'Rugby Borough Council', kind: 'non-constituent' },
  { id: 'shropshire', name: 'Shropshire Council', kind: 'non-constituent' },
  { id: 'stratford-on-avon', name: 'Stratford-on-Avon District Council', kind: 'non-constituent' },
  { id: 'tamworth', name: 'Tamworth Borough Council', kind: 'non-constituent' },
  { id: 'telford-wrekin', name: 'Telford & Wrekin Council', kind: 'non-constituent' },
  { id: 'warwickshire', name: 'Warwickshire County Council', kind: 'non-constituent' },
];

export const DEFAULT_AUTHORITY_ID = 'wmca';

export function authorityById(id: string): Authority | undefined {
  return AUTHORITIES.filter((a) => a.id === id)[0];
}

export function isAuthorityId(value: unknown): boolean {
  return AUTHORITIES.some((a) => a.id === value);
}
