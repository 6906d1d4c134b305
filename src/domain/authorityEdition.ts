// Each authority's own edition of the policy. The WMCA Social Value Policy "is not designed to replace or overtake
// any existing policies already set up within individual Local Authorities" (its introduction): an authority may
// set its own light-touch limit, weighting range and measure set. The procurement thresholds are law (Procurement
// Act 2023 Schedule 1, amounts set by regulations), so an authority's edition always takes the regional edition's
// threshold tables. A procurement is
// decided under its authority's edition in force on its decision date, and the record names that edition.
import type { IsoDate } from './dates';
import { compareIsoDates, formatLongDate, isIsoDate } from './dates';
import { isAuthorityId, authorityById } from './authorities';
import type { Pence } from './money';
import type { PolicyEdition } from './policyEdition';
import { buildPolicyEdition, policyEditionProblems } from './policyEdition';

export interface AuthorityEdition {
  /** An id from AUTHORITIES. */
  authorityId: string;
  /** The edition's own id, e.g. "coventry-svp-2026": records name it, so it is never reused. */
  editionId: string;
  /** The authority's policy the figures come from (its title, and where it is published). */
  source: string;
  /** Decisions on or after this date use it (until the authority's next edition). */
  effectiveFrom: IsoDate;
  lightTouchLimitPence: Pence;
  weightingMinPercent: number;
  weightingMaxPercent: number;
  /** The measures the authority asks suppliers for (codes from the measure library); all of them when absent. */
  measureCodes?: string[];
}

/** Every problem with an authority's edition, in words a site owner can act on; empty when it is sound. */
export function authorityEditionProblems(data: unknown, knownEditionIds: readonly string[] = []): { field: string; message: string }[] {
  if (!data || typeof data !== 'object') return [{ field: 'edition', message: 'An authority’s edition must be an object with its figures.' }];
  const d = data as Partial<AuthorityEdition>;
  const problems: { field: string; message: string }[] = [];
  if (!isAuthorityId(d.authorityId)) problems.push({ field: 'authorityId', message: 'Choose the authority whose policy this is.' });
  const id = typeof d.editionId === 'string' ? d.editionId.trim() : '';
  if (id === '') problems.push({ field: 'editionId', message: 'Name the edition, e.g. "coventry-svp-2026": records say which edition decided them.' });
  else if (knownEditionIds.some((k) => k.toLowerCase() === id.toLowerCase())) {
    problems.push({ field: 'editionId', message: `The edition "${id}" already exists and records may name it; give these figures a new edition id.` });
  } else if (id.length > 64) problems.push({ field: 'editionId', message: 'Shorten the edition id to 64 characters or fewer.' });
  if (typeof d.source !== 'string' || d.source.trim() === '') problems.push({ field: 'source', message: 'Say which policy of the authority the figures come from (its title and where it is published).' });
  if (!isIsoDate(d.effectiveFrom)) problems.push({ field: 'effectiveFrom', message: 'Enter the date the edition takes effect (yyyy-mm-dd).' });
  if (d.measureCodes !== undefined && (!Array.isArray(d.measureCodes) || d.measureCodes.some((c) => typeof c !== 'string' || c.trim() === ''))) {
    problems.push({ field: 'measureCodes', message: 'The measure set must be a list of measure codes from the library.' });
  } else if (Array.isArray(d.measureCodes) && d.measureCodes.length === 0) {
    problems.push({ field: 'measureCodes', message: 'Choose at least one measure, or leave the measure set as the whole library.' });
  }
  // The figures are checked as a policy edition's are (the thresholds do not matter here: they are the region's).
  const figureProblems = policyEditionProblems({ ...d, id: id || 'x', thresholdTables: undefined, thresholdRows: undefined }).filter((p) => !/threshold table/i.test(p));
  for (const p of figureProblems) {
    problems.push({ field: /light-touch/i.test(p) ? 'lightTouchLimitPence' : /minimum/i.test(p) ? 'weightingMinPercent' : 'weightingMaxPercent', message: p });
  }
  return problems;
}

/**
 * The edition a procurement is decided under: its authority's latest edition in force on the decision date, built
 * on the regional edition's threshold tables; the regional edition where the authority has none in force.
 */
export function editionFor(regional: PolicyEdition, authorityEditions: readonly AuthorityEdition[], authorityId: string, decisionDate: IsoDate): PolicyEdition {
  if (!isIsoDate(decisionDate)) return regional;
  const inForce = authorityEditions
    .filter((e) => e.authorityId === authorityId && compareIsoDates(e.effectiveFrom, decisionDate) <= 0)
    .sort((a, b) => compareIsoDates(b.effectiveFrom, a.effectiveFrom))[0];
  if (!inForce) return regional;
  const name = authorityById(authorityId)?.name ?? authorityId;
  const edition = buildPolicyEdition({
    id: inForce.editionId.trim(),
    label: `${name}’s social value policy (from ${formatLongDate(inForce.effectiveFrom)}), with the UK procurement thresholds`,
    source: inForce.source,
    lightTouchLimitPence: inForce.lightTouchLimitPence,
    weightingMinPercent: inForce.weightingMinPercent,
    weightingMaxPercent: inForce.weightingMaxPercent,
    thresholdTables: regional.thresholdTables.slice(),
  });
  return Object.freeze({ ...edition, authorityId, ...(inForce.measureCodes ? { measureCodes: Object.freeze(inForce.measureCodes.slice()) } : {}) });
}

/** Reads stored authority editions (JSON); what is not sound is left out and said, never a crash. */
export function authorityEditionsFromJson(text: string | undefined): { editions: AuthorityEdition[]; problems: string[] } {
  if (!text || text.trim() === '') return { editions: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { editions: [], problems: ['The stored authority editions are not readable; the regional edition is used for every authority until a site owner saves them again.'] };
  }
  if (!Array.isArray(parsed)) return { editions: [], problems: ['The stored authority editions are not a list; the regional edition is used for every authority.'] };
  const editions: AuthorityEdition[] = [];
  const problems: string[] = [];
  for (const item of parsed as unknown[]) {
    const found = authorityEditionProblems(item);
    if (found.length > 0) problems.push(`An edition was left out: ${found.map((f) => f.message).join(' ')}`);
    else editions.push(item as AuthorityEdition);
  }
  return { editions, problems };
}
