// The measure library and the policy's figures, as a site owner keeps them: save a measure, import the
// measures a file's preview found ready, save a new threshold table or new policy figures (each a new
// edition: the settings name the edition, so decisions made under an earlier one stay as decided).
import { editionSettings } from '../library';
import type { Measure, PolicyEdition, ThresholdRow } from '../domain';
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
