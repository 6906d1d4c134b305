// Which of the hub's lists a site lacks, or has out of date: the schema version a site records against the versions
// that changed lists. Its own module, apart from provisioning, because the opening's batch asks it of every site
// (src/data/sharepoint/opening.ts) and need not bring provisioning's code with it (issue 18's first screen).
import type { SPFI } from '@pnp/sp';
import { SETTING_KEYS } from '../../domain';
import { ROLLUPS_LIST, SCHEMA, SETTINGS_LIST, VERIFICATIONS_LIST } from '../schema/lists';
import type { ListDef } from '../schema/types';
import './pnp';

/** Bumped when the schema changes, recorded in Settings so an owner can see which schema a site has. */
export const SCHEMA_VERSION = '4';

/**
 * The lists each schema version changed: a site that records an older version has them out of date (a column
 * the code reads is not there yet, or members may still write what only owners should) until a site owner
 * provisions again. 2: Rollups' Quantities (issue 14). 3: Rollups written by owners only (issue 19). 4:
 * Verifications written by approvers only (issue 19).
 */
const SCHEMA_CHANGES: Record<string, readonly string[]> = { '2': [ROLLUPS_LIST.title], '3': [ROLLUPS_LIST.title], '4': [VERIFICATIONS_LIST.title] };

/** The lists changed since `version` (a site with no version recorded has the first). */
export function listsChangedSince(version: string | undefined): string[] {
  // A version that does not read as a number is treated as older than every change.
  const recorded = Number(version || '1');
  const from = Number.isFinite(recorded) ? recorded : 0;
  const changed = new Set<string>();
  for (const [v, lists] of Object.entries(SCHEMA_CHANGES)) if (Number(v) > from) lists.forEach((l) => changed.add(l));
  return (SCHEMA as readonly ListDef[]).map((l) => l.title).filter((t) => changed.has(t));
}

/** The hub's lists the site lacks, or has out of date (it records an older schema version): the set-up check. */
export async function missingLists(sp: SPFI): Promise<string[]> {
  const [lists, version] = await Promise.all([
    sp.web.lists.select('Title')() as Promise<{ Title: string }[]>,
    // The schema the site was last provisioned with; a site without its Settings list has its lists missing anyway.
    schemaVersionSetting(sp).then(
      (item) => item?.SettingValue || undefined,
      () => undefined,
    ),
  ]);
  const have = new Set(lists.map((l) => l.Title));
  const missing = (SCHEMA as readonly ListDef[]).map((l) => l.title).filter((t) => !have.has(t));
  if (missing.length > 0 || !have.has(SETTINGS_LIST.title)) return missing;
  // Out of date counts as missing: the screens would read a column the list does not have yet.
  return listsChangedSince(version);
}

/** The Settings item that records the site's schema version, if there is one. */
export async function schemaVersionSetting(sp: SPFI): Promise<{ Id: number; SettingValue?: string } | undefined> {
  const items = (await sp.web.lists.getByTitle(SETTINGS_LIST.title).items.filter(`Title eq '${SETTING_KEYS.schemaVersion}'`).select('Id', 'SettingValue').top(1)()) as { Id: number; SettingValue?: string }[];
  return items[0];
}
