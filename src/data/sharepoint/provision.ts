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
import './pnp';

/** Bumped when the schema changes, recorded in Settings so an owner can see which schema a site has. */
export const SCHEMA_VERSION = '1';

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

const WRITE_SECURITY: Record<WriteAccess, number> = { members: 1, 'own-items': 2, owners: 1, approvers: 1 };
const ADD_FIELD_OPTIONS = 8 | 1; // AddFieldInternalNameHint | AddToDefaultContentType: keep our internal names

// SharePoint role definition kinds.
const ROLE_READER = 2;
const ROLE_CONTRIBUTOR = 3;

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
  for (const def of SCHEMA as readonly ListDef[]) {
    log(`Checking list ${def.title}…`);
    const existing = lists.filter((l) => l.Title === def.title)[0];
    await ensureList(sp, def, existing, report);
    const list = sp.web.lists.getByTitle(def.title);
    await ensureFields(list, def, report);
    await ensureViews(sp, list, def, report);
    await ensurePermissions(sp, list, def, options.approversGroup || 'Social Value Approvers', report);
  }
  log('Seeding the measure library, thresholds and policy settings…');
  await seedReferenceData(sp, options, report);
  log(`Provisioning done: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged.`);
  return report;
}

/** The schema's lists that the site does not have yet (the hub offers provisioning when any are missing). */
export async function missingLists(sp: SPFI): Promise<string[]> {
  const lists = (await sp.web.lists.select('Title')()) as { Title: string }[];
  const have = new Set(lists.map((l) => l.Title));
  return (SCHEMA as readonly ListDef[]).map((l) => l.title).filter((t) => !have.has(t));
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

/**
 * Lists only owners or approvers may write get their own permissions: inheritance is broken (copying the
 * site's), and the site's Members group is reduced to Read; on Approvals the approvers group gets Contribute.
 * Done once: a list that already has unique permissions is left as its owner set it.
 */
async function ensurePermissions(
  sp: SPFI,
  list: IList,
  def: ListDef,
  approversGroup: string,
  report: ProvisionResult,
): Promise<void> {
  if (def.writeAccess !== 'owners' && def.writeAccess !== 'approvers') return;
  try {
    const { HasUniqueRoleAssignments: unique } = (await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments: boolean };
    if (unique) {
      report.unchanged++;
      return;
    }
    const members = (await sp.web.associatedMemberGroup.select('Id', 'Title')()) as { Id: number; Title: string };
    const reader = (await sp.web.roleDefinitions.getByType(ROLE_READER).select('Id')()) as { Id: number };
    await list.breakRoleInheritance(true, false);
    await list.roleAssignments.getById(members.Id).delete();
    await list.roleAssignments.add(members.Id, reader.Id);
    let note = `${members.Title} read only`;
    if (def.writeAccess === 'approvers') {
      const groups = (await sp.web.siteGroups.select('Id', 'Title')()) as { Id: number; Title: string }[];
      const approvers = groups.filter((g) => g.Title === approversGroup)[0];
      if (approvers) {
        const contributor = (await sp.web.roleDefinitions.getByType(ROLE_CONTRIBUTOR).select('Id')()) as { Id: number };
        await list.roleAssignments.add(approvers.Id, contributor.Id);
        note += `, ${approvers.Title} can write`;
      } else {
        report.problems.push(
          `There is no site group called "${approversGroup}". Create it, add the approvers, and give it Contribute on the ${def.title} list.`,
        );
      }
    }
    report.updated.push(`permissions ${def.title} (${note})`);
  } catch (e) {
    // Lists without their own permissions still work (members could write them): say so, don't stop.
    const err = toDataError(e, `Permissions on ${def.title}`, def.title);
    report.problems.push(
      `Could not give ${def.title} its own permissions (${err.spMessage || err.message}). ` +
        `Set them by hand: ${def.writeAccess === 'approvers' ? `only ${approversGroup} may edit` : 'only Owners may edit'}, Members read.`,
    );
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
}
