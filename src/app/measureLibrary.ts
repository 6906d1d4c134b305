// The measure library and the policy's figures, as a site owner keeps them: save a measure, import the
// measures a file's preview found ready, save a new threshold table or new policy figures (each a new
// edition: the settings name the edition, so decisions made under an earlier one stay as decided).
import { allEditionIds, authorityEditionsOf, editionSettings } from '../domain';
import { SETTING_KEYS, authorityEditionProblems } from '../domain';
import type { AuthorityEdition, Measure, PolicyEdition, ThresholdRow } from '../domain';
import { ValidationError } from '../data/errors';
import type { HubData, Stored } from '../data/ports';

export function saveMeasure(data: HubData, measure: Measure): Promise<Stored<Measure>> {
  return data.measures.save(measure);
}

/** Saves each measure; one that fails does not stop the others. Returns how many were saved and what failed. */
export async function importMeasures(data: HubData, measures: readonly Measure[]): Promise<{ saved: number; failed: string[] }> {
  const failed: string[] = [];
  let saved = 0;
  for (const m of measures) {
    try {
      await data.measures.save(m);
      saved++;
    } catch (error) {
      failed.push(`${m.code}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { saved, failed };
}

/** A new edition's policy figures (and, when given, its threshold rows) in the lists. */
export async function savePolicyEdition(data: HubData, edition: PolicyEdition, thresholdRows: readonly ThresholdRow[] = [], now: Date = new Date()): Promise<void> {
  for (const row of thresholdRows) await data.thresholds.save(row);
  for (const [key, value, description] of editionSettings(edition, now.toISOString())) await data.settings.set(key, value, description);
}

/**
 * Adds an authority's own edition (its light-touch limit, weighting range and measure set from a date). Editions
 * are only ever added, under a new id, so a record naming one keeps its meaning. The Settings list is writable by
 * site owners only: SharePoint refuses anyone else. Each problem comes back under its form field.
 */
export async function addAuthorityEdition(data: HubData, edition: AuthorityEdition): Promise<AuthorityEdition> {
  const settings = await data.settings.all();
  const stored = authorityEditionsOf(settings).editions;
  const library = edition.measureCodes ? await data.measures.list() : [];
  const unknown = (edition.measureCodes ?? []).filter((code) => !library.some((m) => m.code === code));
  if (unknown.length > 0) throw new ValidationError([{ field: 'measureCodes', message: `The measure library has no ${unknown.join(', ')}: choose measures from the library.` }]);
  const problems = authorityEditionProblems(edition, allEditionIds(settings));
  if (problems.length > 0) throw new ValidationError(problems);
  const sound: AuthorityEdition = { ...edition, editionId: edition.editionId.trim(), source: edition.source.trim() };
  await data.settings.set(SETTING_KEYS.authorityEditions, JSON.stringify(stored.concat([sound])), 'Each authority’s own policy editions (light-touch limit, weighting range, measure set), as JSON. Add them in the hub.');
  return sound;
}
