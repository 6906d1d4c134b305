/* eslint-disable @rushstack/no-new-null -- SharePoint's REST JSON uses null for an empty column, and so do these types. */
// provision(): makes a site's lists match the schema — lists, fields, indexes, views, column formatting,
// versioning, write security and list permissions — and seeds the measure library, thresholds and
// policy settings. Idempotent: it reads first and writes only what differs, so a second run changes
// nothing. Uses only calls SharePoint Online's REST API supports (createfieldasxml, field/view MERGE,
// views, viewfields, breakroleinheritance, roleassignments).
import type { SPFI } from '@pnp/sp';
import type { IList } from '@pnp/sp/lists';
import { CURRENT_POLICY_EDITION, DEFAULT_THRESHOLD_TABLES, MEASURES, thresholdRowsFromTables } from '../../domain';
import type { Measure, ThresholdRow } from '../../domain';
import type { ProvisionReport } from '../ports';
import { SETTING_KEYS } from '../../domain';
import { attributeFromSchemaXml, choicesFromSchemaXml, defaultValueText, fieldSchemaXml } from '../schema/fieldXml';
import { MEASURES_LIST, SCHEMA, SETTINGS_LIST, THRESHOLDS_LIST } from '../schema/lists';
import type { FieldDef, ListDef, ViewDef, WriteAccess } from '../schema/types';
import { toDataError } from './errors';
import { measureToItem, thresholdToItem } from './mapping';
import { runBatch } from './batch';
import { SCHEMA_VERSION, schemaVersionSetting } from './schemaVersion';
import './pnp';

export interface ProvisionOptions {
  /** Measures to seed into an empty library (default: the domain's default library, if it has one). */
  measures?: readonly Measure[];
  /** The site group whose members approve (written to the Approvals list). */
  approversGroup?: string;
  /** Progress lines for a person watching (the seed, the admin screen). */
  log?: (line: string) => void;
}

export interface ProvisionResult extends ProvisionReport {
  /** Things provisioning could not put right by itself, in words a site owner can act on. */
  problems: string[];
}

/**
 * The list's item-level write security: 2 = "create items and edit items that were created by the user".
 * Approvers edit only the decisions they wrote. It binds everyone without Override List Behaviors (Design,
 * Full Control: site owners are not bound).
 * SPList.WriteSecurity: 1 all items, 2 "only items that they create", 4 none
 * (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ms410739(v=office.15)).
 */
const WRITE_SECURITY: Record<WriteAccess, number> = { members: 1, 'own-items': 2, owners: 1, approvers: 2 };
const ADD_FIELD_OPTIONS = 8 | 1; // AddFieldInternalNameHint | AddToDefaultContentType: keep our internal names

// SharePoint role definition kinds (SP.RoleType): Guest = Limited Access, Reader, Contributor, Administrator = Full Control.
const ROLE_LIMITED = 1;
const ROLE_READER = 2;
const ROLE_CONTRIBUTOR = 3;
const ROLE_ADMINISTRATOR = 5;

/** The site's groups, by what they are for. */
export type GroupRole = 'owners' | 'members' | 'visitors' | 'approvers';

interface SpField {
  Id: string;
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Description: string;
  DefaultValue: string | null;
  CustomFormatter: string | null;
  SchemaXml: string;
  MaxLength?: number;
  Choices?: string[];
}

interface SpView {
  Id: string;
  Title: string;
  ViewQuery: string;
  RowLimit: number;
  DefaultView: boolean;
  Hidden?: boolean;
}

interface SpList {
  Id: string;
  Title: string;
  Description: string;
  EnableVersioning: boolean;
  WriteSecurity: number;
}

const norm = (xml: string): string => xml.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s*\/>/g, '/>').trim();

/** Stable JSON for comparing column formatting regardless of key order or whitespace. */
function canonicalJson(text: string | null | undefined): string {
  if (!text) return '';
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.keys(v as object)
            .sort()
            .reduce<Record<string, unknown>>((acc, k) => ({ ...acc, [k]: sortKeys((v as Record<string, unknown>)[k]) }), {})
        : v;
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

export async function provision(sp: SPFI, options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const report: ProvisionResult = { created: [], updated: [], unchanged: 0, problems: [] };
  const log = options.log || ((): void => undefined);
  const lists = (await sp.web.lists.select('Id', 'Title', 'Description', 'EnableVersioning', 'WriteSecurity')()) as SpList[];
  const security = await siteSecurity(sp, options.approversGroup || 'Social Value Approvers', report);
  for (const def of SCHEMA as readonly ListDef[]) {
    log(`Checking list ${def.title}…`);
    const existing = lists.filter((l) => l.Title === def.title)[0];
    await ensureList(sp, def, existing, report);
    const list = sp.web.lists.getByTitle(def.title);
    await ensureFields(list, def, report);
    await ensureViews(sp, list, def, report);
    if (security) await ensurePermissions(list, def, security, report);
  }
  log('Seeding the measure library, thresholds and policy settings…');
  await seedReferenceData(sp, options, report);
  log(`Provisioning done: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged.`);
  return report;
}

async function ensureList(sp: SPFI, def: ListDef, existing: SpList | undefined, report: ProvisionResult): Promise<void> {
  const settings = { Description: def.description, EnableVersioning: true, WriteSecurity: WRITE_SECURITY[def.writeAccess] };
  try {
    if (!existing) {
      await sp.web.lists.add(def.title, def.description, 100, false, settings);
      report.created.push(`list ${def.title}`);
      return;
    }
    const changed = (Object.keys(settings) as (keyof typeof settings)[]).filter((k) => existing[k] !== settings[k]);
    if (changed.length === 0) {
      report.unchanged++;
      return;
    }
    await sp.web.lists.getByTitle(def.title).update(settings);
    report.updated.push(`list ${def.title} (${changed.join(', ')})`);
  } catch (e) {
    throw toDataError(e, `The ${def.title} list`, def.title);
  }
}

/** What differs between a provisioned field and its definition, split by how SharePoint updates it. */
function fieldDifferences(def: FieldDef, sp: SpField): { base: Record<string, unknown>; schema: string[] } {
  const base: Record<string, unknown> = {};
  const schema: string[] = [];
  const indexed = !!(def.indexed || def.unique);
  if (sp.Title !== def.title) base.Title = def.title;
  if (sp.Indexed !== indexed) base.Indexed = indexed;
  if (sp.EnforceUniqueValues !== !!def.unique) base.EnforceUniqueValues = !!def.unique;
  if (def.builtIn) return { base, schema };
  if (sp.Required !== !!def.required) base.Required = !!def.required;
  if ((sp.Description || '') !== (def.description || '')) base.Description = def.description || '';
  const wantDefault = defaultValueText(def);
  if ((sp.DefaultValue ?? null) !== wantDefault) base.DefaultValue = wantDefault;
  const wantFormat = def.format ? JSON.stringify(def.format) : '';
  if (canonicalJson(sp.CustomFormatter) !== canonicalJson(wantFormat)) base.CustomFormatter = wantFormat;
  // Type-specific properties are changed through SchemaXml: a MERGE on SP.Field cannot name them.
  if (def.kind === 'Text') {
    const max = sp.MaxLength !== undefined ? sp.MaxLength : Number(attributeFromSchemaXml(sp.SchemaXml, 'MaxLength') || 255);
    if (max !== def.maxLength) schema.push('maximum length');
  }
  if (def.kind === 'Choice' || def.kind === 'MultiChoice') {
    const have = sp.Choices || choicesFromSchemaXml(sp.SchemaXml);
    if (have.join('\n') !== def.choices.join('\n')) schema.push('choices');
  }
  return { base, schema };
}

async function ensureFields(list: IList, def: ListDef, report: ProvisionResult): Promise<void> {
  const fields = (await list.fields()) as SpField[];
  const byName = new Map(fields.map((f) => [f.InternalName, f]));
  for (const field of def.fields) {
    const label = `field ${def.title}.${field.name}`;
    const have = byName.get(field.name);
    try {
      if (!have) {
        if (field.builtIn) {
          report.problems.push(`The built-in column ${field.name} is missing from ${def.title}.`);
          continue;
        }
        await list.fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(field), Options: ADD_FIELD_OPTIONS } as never);
        report.created.push(label);
        continue;
      }
      if (!field.builtIn && have.TypeAsString !== field.kind) {
        report.problems.push(
          `The column ${field.name} on ${def.title} is a ${have.TypeAsString} column but the hub needs ${field.kind}. ` +
            'SharePoint cannot change a column’s type safely: rename the old column and provision again.',
        );
        continue;
      }
      const { base, schema } = fieldDifferences(field, have);
      if (Object.keys(base).length === 0 && schema.length === 0) {
        report.unchanged++;
        continue;
      }
      const target = list.fields.getByInternalNameOrTitle(field.name);
      if (schema.length > 0) {
        // SchemaXml carries every attribute, so one update brings the whole field up to date.
        await target.update({ SchemaXml: fieldSchemaXml(field, attributeFromSchemaXml(have.SchemaXml, 'ID') || undefined) }, 'SP.Field');
      } else {
        // SharePoint enforces unique values only on an indexed column: drop uniqueness before the index,
        // add it after.
        const { EnforceUniqueValues: unique, ...rest } = base;
        if (unique === false) await target.update({ EnforceUniqueValues: false }, 'SP.Field');
        if (Object.keys(rest).length > 0) await target.update(rest, 'SP.Field');
        if (unique === true) await target.update({ EnforceUniqueValues: true }, 'SP.Field');
      }
      report.updated.push(`${label} (${Object.keys(base).concat(schema).join(', ')})`);
    } catch (e) {
      throw toDataError(e, `The column ${field.name} on ${def.title}`, def.title);
    }
  }
  const indexed = def.fields.filter((f) => f.indexed || f.unique).length;
  if (indexed > 20) report.problems.push(`${def.title} asks for ${indexed} indexed columns; SharePoint allows 20.`);
}

async function viewFieldNames(list: IList, viewId: string): Promise<string[]> {
  const result = (await list.views.getById(viewId).fields()) as unknown as { Items?: string[] | { results: string[] } };
  const items = result.Items;
  return Array.isArray(items) ? items : items && Array.isArray(items.results) ? items.results : [];
}

async function ensureViews(sp: SPFI, list: IList, def: ListDef, report: ProvisionResult): Promise<void> {
  const views = (await list.views.select('Id', 'Title', 'ViewQuery', 'RowLimit', 'DefaultView', 'Hidden')()) as SpView[];
  for (const view of def.views) {
    const label = `view ${def.title}/${view.title}`;
    try {
      let have = views.filter((v) => v.Title === view.title)[0];
      // A new list comes with "All Items": it becomes the schema's default view rather than lingering.
      const adopt = !have && view.isDefault ? views.filter((v) => v.Title === 'All Items')[0] : undefined;
      if (!have && !adopt) {
        const added = (await list.views.add(view.title, false, { ViewQuery: view.query, RowLimit: view.rowLimit, Paged: true })) as unknown as SpView;
        const id = added.Id;
        await setViewFields(sp, def.title, id, view.fields);
        if (view.isDefault) await list.views.getById(id).update({ DefaultView: true });
        report.created.push(label);
        continue;
      }
      if (adopt) have = adopt;
      const changes: Record<string, unknown> = {};
      if (have.Title !== view.title) changes.Title = view.title;
      if (norm(have.ViewQuery || '') !== norm(view.query)) changes.ViewQuery = view.query;
      if (have.RowLimit !== view.rowLimit) changes.RowLimit = view.rowLimit;
      if (!!view.isDefault && !have.DefaultView) changes.DefaultView = true;
      const fields = await viewFieldNames(list, have.Id);
      const fieldsDiffer = fields.join(',') !== view.fields.join(',');
      if (Object.keys(changes).length === 0 && !fieldsDiffer) {
        report.unchanged++;
        continue;
      }
      if (Object.keys(changes).length > 0) await list.views.getById(have.Id).update(changes);
      if (fieldsDiffer) await setViewFields(sp, def.title, have.Id, view.fields);
      report.updated.push(`${label} (${Object.keys(changes).concat(fieldsDiffer ? ['columns'] : []).join(', ')})`);
    } catch (e) {
      throw toDataError(e, `The view ${view.title} on ${def.title}`, def.title);
    }
  }
}

/** Replaces a view's columns in one batch (SharePoint runs batch parts in order). */
async function setViewFields(sp: SPFI, listTitle: string, viewId: string, fields: ViewDef['fields']): Promise<void> {
  const failures = await runBatch(sp, (batched) => {
    const vf = batched.web.lists.getByTitle(listTitle).views.getById(viewId).fields;
    return [{ what: 'remove columns', run: () => vf.removeAll() }].concat(
      fields.map((f) => ({ what: `column ${f}`, run: () => vf.add(f) })),
    );
  });
  if (failures.length > 0) throw failures[0].error;
}

/** The site's groups provisioning gives permissions to, and the permission levels' ids on this site. */
interface SiteSecurity {
  groups: { role: GroupRole; id: number; title: string }[];
  /** RoleTypeKind → role definition id */
  levels: Map<number, number>;
}

/**
 * Who gets which permission level on each of the hub's lists. SharePoint has no column-level permissions,
 * so what only some may write lives on a list only they can write:
 * - Members get Contribute (add, edit, delete items) on the lists officers work in — never Edit or Design,
 *   which carry Manage Lists (a member could turn versioning off, or change columns and views);
 * - Owners get Full Control everywhere; Visitors (the taskforce) Read;
 * - the Approvers group (and the approval workflow's account, which is in it: flows/README.md) writes the
 *   Approvals list; members only read it; the reference lists and Settings are owners' only.
 * RoleType (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ee536725(v=office.15)):
 * Contributor "cannot create new lists or document libraries, but they can add content to existing" ones;
 * Editor (Edit) and above carry Manage Lists.
 */
export const LIST_PERMISSIONS: Record<WriteAccess, Record<GroupRole, number>> = {
  members: { owners: ROLE_ADMINISTRATOR, members: ROLE_CONTRIBUTOR, visitors: ROLE_READER, approvers: ROLE_CONTRIBUTOR },
  'own-items': { owners: ROLE_ADMINISTRATOR, members: ROLE_CONTRIBUTOR, visitors: ROLE_READER, approvers: ROLE_CONTRIBUTOR },
  owners: { owners: ROLE_ADMINISTRATOR, members: ROLE_READER, visitors: ROLE_READER, approvers: ROLE_READER },
  approvers: { owners: ROLE_ADMINISTRATOR, members: ROLE_READER, visitors: ROLE_READER, approvers: ROLE_CONTRIBUTOR },
};

const LEVEL_NAMES: Record<number, string> = { [ROLE_READER]: 'Read', [ROLE_CONTRIBUTOR]: 'Contribute', [ROLE_ADMINISTRATOR]: 'Full Control' };

async function siteSecurity(sp: SPFI, approversGroup: string, report: ProvisionResult): Promise<SiteSecurity | undefined> {
  try {
    const pick = (g: { Id: number; Title: string }): { id: number; title: string } => ({ id: g.Id, title: g.Title });
    const [owners, members, visitors, all, defs] = await Promise.all([
      sp.web.associatedOwnerGroup.select('Id', 'Title')() as Promise<{ Id: number; Title: string }>,
      sp.web.associatedMemberGroup.select('Id', 'Title')() as Promise<{ Id: number; Title: string }>,
      sp.web.associatedVisitorGroup.select('Id', 'Title')() as Promise<{ Id: number; Title: string }>,
      sp.web.siteGroups.select('Id', 'Title')() as Promise<{ Id: number; Title: string }[]>,
      sp.web.roleDefinitions.select('Id', 'RoleTypeKind')() as Promise<{ Id: number; RoleTypeKind: number }[]>,
    ]);
    const groups: SiteSecurity['groups'] = [
      { role: 'owners', ...pick(owners) },
      { role: 'members', ...pick(members) },
      { role: 'visitors', ...pick(visitors) },
    ];
    const approvers = all.filter((g) => g.Title === approversGroup)[0];
    if (approvers) groups.push({ role: 'approvers', ...pick(approvers) });
    else report.problems.push(`There is no site group called "${approversGroup}". Create it, add the approvers and the approval workflow’s account, and provision again.`);
    const levels = new Map<number, number>();
    defs.forEach((d) => levels.set(d.RoleTypeKind, d.Id));
    return { groups, levels };
  } catch (e) {
    const err = toDataError(e, 'The site’s groups and permission levels');
    report.problems.push(`Could not read the site’s groups and permission levels (${err.spMessage || err.message}); the lists’ permissions were not checked.`);
    return undefined;
  }
}

/**
 * Gives a list exactly the permissions LIST_PERMISSIONS asks for: its own (inheritance broken, without
 * copying the site's, where Members hold Edit), each of the site's groups at its level, and nobody else
 * above Read. Run again, it repairs drift: a group raised to Edit, versioning's guard removed, a person
 * given Full Control on Approvals — and says what it changed.
 */
async function ensurePermissions(list: IList, def: ListDef, security: SiteSecurity, report: ProvisionResult): Promise<void> {
  const want = LIST_PERMISSIONS[def.writeAccess];
  const changes: string[] = [];
  try {
    const { HasUniqueRoleAssignments: unique } = (await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments: boolean };
    if (!unique) {
      await list.breakRoleInheritance(false, false);
      changes.push('own permissions');
    }
    const kindOf = new Map<number, number>();
    security.levels.forEach((id, kind) => kindOf.set(id, kind));
    const assigned = async (principalId: number): Promise<number[]> => {
      const bindings = (await list.roleAssignments.getById(principalId).bindings.select('Id')()) as { Id: number }[];
      return bindings.map((b) => b.Id);
    };
    const current = ((await list.roleAssignments.select('PrincipalId')()) as { PrincipalId: number }[]).map((a) => a.PrincipalId);
    // The groups first (adding before removing, so the list never lacks its owners).
    for (const g of security.groups) {
      const levelId = security.levels.get(want[g.role]);
      if (levelId === undefined) continue;
      const have = current.indexOf(g.id) >= 0 ? await assigned(g.id) : [];
      if (have.length === 1 && have[0] === levelId) continue;
      if (have.indexOf(levelId) < 0) await list.roleAssignments.add(g.id, levelId);
      for (const other of have.filter((id) => id !== levelId)) await list.roleAssignments.remove(g.id, other);
      changes.push(`${g.title} ${LEVEL_NAMES[want[g.role]]}`);
    }
    // Anyone else keeps at most Read. Breaking inheritance without copying leaves whoever broke it with
    // Full Control of the list: that goes too (owners hold it through their group).
    const managed = security.groups.map((g) => g.id);
    for (const principalId of current.filter((id) => managed.indexOf(id) < 0)) {
      const have = await assigned(principalId);
      const above = have.filter((id) => {
        const kind = kindOf.get(id);
        return kind !== ROLE_READER && kind !== ROLE_LIMITED;
      });
      if (above.length === 0) continue;
      if (above.length === have.length) await list.roleAssignments.getById(principalId).delete();
      else for (const id of above) await list.roleAssignments.remove(principalId, id);
      if (unique) changes.push(`principal ${principalId} no more than Read`);
    }
    if (changes.length === 0) report.unchanged++;
    else report.updated.push(`permissions ${def.title} (${changes.join(', ')})`);
  } catch (e) {
    // The lists still work with the site's permissions, but the hub's rules then rest on the screens alone: say so.
    const err = toDataError(e, `Permissions on ${def.title}`, def.title);
    const who = (Object.keys(want) as GroupRole[]).map((r) => `${r} ${LEVEL_NAMES[want[r]]}`).join(', ');
    report.problems.push(`Could not set the permissions of ${def.title} (${err.spMessage || err.message}). Set them by hand: its own permissions, ${who}.`);
  }
}

async function existingKeys(sp: SPFI, listTitle: string, keyField: string): Promise<Set<string>> {
  const keys = new Set<string>();
  // Reference lists are small (hundreds of items): a few pages of 5,000 at most, ordered by ID.
  for await (const page of sp.web.lists.getByTitle(listTitle).items.select(keyField).top(5000)) {
    for (const item of page as Record<string, string>[]) keys.add(item[keyField]);
  }
  return keys;
}

/** Adds the rows whose keys are missing, in batches; never overwrites what an administrator edited. */
async function seedMissing(
  sp: SPFI,
  listTitle: string,
  keyField: string,
  rows: { key: string; item: Record<string, unknown> }[],
  what: string,
  report: ProvisionResult,
): Promise<void> {
  const have = await existingKeys(sp, listTitle, keyField);
  const missing = rows.filter((r) => !have.has(r.key));
  report.unchanged += rows.length - missing.length;
  if (missing.length === 0) return;
  const failures = await runBatch(sp, (batched) =>
    missing.map((r) => ({ what: `${what} ${r.key}`, run: () => batched.web.lists.getByTitle(listTitle).items.add(r.item) })),
  );
  failures.forEach((f) => report.problems.push(`Could not add ${f.what}: ${f.error.message}`));
  const added = missing.length - failures.length;
  if (added > 0) report.created.push(`${added} ${what}${added === 1 ? '' : 's'} in ${listTitle}`);
}

async function seedReferenceData(sp: SPFI, options: ProvisionOptions, report: ProvisionResult): Promise<void> {
  const measures = options.measures || MEASURES;
  if (measures.length > 0) {
    await seedMissing(sp, MEASURES_LIST.title, 'Code', measures.map((m) => ({ key: m.code, item: measureToItem(m) })), 'measure', report);
  } else {
    report.problems.push('No default measure library to seed; add measures on the admin screen.');
  }
  const thresholds: ThresholdRow[] = thresholdRowsFromTables(DEFAULT_THRESHOLD_TABLES);
  await seedMissing(
    sp,
    THRESHOLDS_LIST.title,
    'ThresholdKey',
    thresholds.map((t) => {
      const item = thresholdToItem(t);
      return { key: String(item.ThresholdKey), item };
    }),
    'threshold',
    report,
  );
  const e = CURRENT_POLICY_EDITION;
  const settings: [string, string, string][] = [
    [SETTING_KEYS.policyEdition, e.id, e.label],
    [SETTING_KEYS.lightTouchLimitPence, String(e.lightTouchLimitPence), 'Below this value (pence, inc. VAT) a procurement is light touch.'],
    [SETTING_KEYS.weightingMinPercent, String(e.weightingMinPercent), 'Lowest social value weighting allowed (%).'],
    [SETTING_KEYS.weightingMaxPercent, String(e.weightingMaxPercent), 'Highest social value weighting allowed (%).'],
    [SETTING_KEYS.taskforceTeamId, '', 'The Teams team of the Social Value Taskforce.'],
    [SETTING_KEYS.taskforceChannelId, '', 'The channel the hub posts success and update cards to.'],
    [SETTING_KEYS.schemaVersion, SCHEMA_VERSION, 'The version of the hub’s list schema provisioned on this site.'],
  ];
  await seedMissing(
    sp,
    SETTINGS_LIST.title,
    'Title',
    settings.map(([key, value, description]) => ({ key, item: { Title: key, SettingValue: value, SettingDescription: description } })),
    'setting',
    report,
  );
  await recordSchemaVersion(sp, report);
}

/** The schema version this run provisioned, once every list and column is in place (a seeded setting is never overwritten otherwise). */
async function recordSchemaVersion(sp: SPFI, report: ProvisionResult): Promise<void> {
  if (report.problems.length > 0) return;
  const item = await schemaVersionSetting(sp);
  if (!item || item.SettingValue === SCHEMA_VERSION) return;
  await sp.web.lists.getByTitle(SETTINGS_LIST.title).items.getById(item.Id).update({ SettingValue: SCHEMA_VERSION });
  report.updated.push(`setting ${SETTING_KEYS.schemaVersion} (${item.SettingValue || 'none'} → ${SCHEMA_VERSION})`);
}
