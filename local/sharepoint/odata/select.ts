// $select / $expand for list items: which properties an item's JSON carries, and expanded lookups/people.
import { FieldDef, entityPropertyName, fieldType } from '../fields';
import { SPError, CODES, unknownField } from '../errors';
import { SYSTEM_PROPERTIES } from '../itemValues';
import { ListRecord } from '../store';

export type ProjEntry =
  | { kind: 'value'; field: FieldDef; prop: string }
  | { kind: 'id'; field: FieldDef; prop: string }
  | { kind: 'stringId'; field: FieldDef; prop: string }
  | { kind: 'system'; prop: string }
  | { kind: 'expand'; field: FieldDef; prop: string; sub: string[] }
  | { kind: 'navlink'; field: FieldDef; prop: string };

export interface Projection {
  all: boolean;
  entries: ProjEntry[];
}

export const USER_PROPERTIES = ['Id', 'ID', 'Title', 'Name', 'EMail', 'FirstName', 'LastName', 'JobTitle', 'Department',
  'UserName', 'Office', 'SipAddress', 'Picture', 'IsSiteAdmin', 'Deleted', 'ContentTypeID', 'MobilePhone', 'WorkPhone'];

export function isRefField(f: FieldDef): boolean {
  const st = fieldType(f).storage;
  return st === 'user' || st === 'lookup' || f.typeAsString === 'UserMulti' || f.typeAsString === 'LookupMulti';
}

export function isUserField(f: FieldDef): boolean {
  return f.typeAsString === 'User' || f.typeAsString === 'UserMulti';
}

export function splitList(s: string | null): string[] {
  if (s === null) return [];
  return s.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

/** Finds the field a property name refers to: internal name, entity property name (OData_ prefix), case-insensitive. */
export function fieldByProp(list: ListRecord, name: string): FieldDef | undefined {
  const l = name.toLowerCase();
  return list.fields.find((f) => f.internalName.toLowerCase() === l || entityPropertyName(f.internalName).toLowerCase() === l);
}

export interface LookupTargetResolver {
  (f: FieldDef): ListRecord | undefined;
}

export function parseProjection(list: ListRecord, select: string | null, expand: string | null, target: LookupTargetResolver): Projection {
  const expands = new Map<string, FieldDef>();
  for (const e of splitList(expand)) {
    const head = e.split('/')[0];
    const f = fieldByProp(list, head);
    if (!f || !isRefField(f)) throw unknownField(head);
    expands.set(f.internalName.toLowerCase(), f);
  }
  const sel = splitList(select);
  const all = sel.length === 0 || sel.includes('*');
  const entries: ProjEntry[] = [];
  const expandSubs = new Map<FieldDef, string[]>();
  for (const s of sel) {
    if (s === '*') continue;
    const parts = s.split('/');
    if (parts.length > 2 || parts.some((p) => p === '')) throw unknownField(s);
    if (parts.length === 2) {
      const f = fieldByProp(list, parts[0]);
      if (!f) throw unknownField(parts[0]);
      if (!isRefField(f)) throw unknownField(s);
      if (!expands.has(f.internalName.toLowerCase())) {
        throw new SPError(400, CODES.spException,
          `The query to field '${s}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${parts[0]}.`);
      }
      const sub = parts[1];
      if (isUserField(f)) {
        if (!USER_PROPERTIES.some((p) => p.toLowerCase() === sub.toLowerCase())) throw unknownField(sub);
      } else {
        const tl = target(f);
        if (tl && !['id'].includes(sub.toLowerCase()) && !fieldByProp(tl, sub)) throw unknownField(sub);
      }
      const arr = expandSubs.get(f) ?? [];
      arr.push(sub);
      expandSubs.set(f, arr);
      continue;
    }
    const name = parts[0];
    const lower = name.toLowerCase();
    if (lower === 'id') {
      entries.push({ kind: 'system', prop: name === 'ID' ? 'ID' : 'Id' });
      continue;
    }
    const sys = [...SYSTEM_PROPERTIES].find((p) => p.toLowerCase() === lower);
    if (sys) {
      entries.push({ kind: 'system', prop: sys });
      continue;
    }
    const f = fieldByProp(list, name);
    if (f) {
      if (isRefField(f)) {
        if (expands.has(f.internalName.toLowerCase())) {
          if (!expandSubs.has(f)) expandSubs.set(f, []);
        } else {
          entries.push({ kind: 'navlink', field: f, prop: entityPropertyName(f.internalName) });
        }
      } else {
        entries.push({ kind: 'value', field: f, prop: entityPropertyName(f.internalName) });
      }
      continue;
    }
    // XId / XStringId of a lookup or person field
    const idMatch = /^(.*?)(Id|StringId)$/.exec(name);
    if (idMatch) {
      const rf = fieldByProp(list, idMatch[1]);
      if (rf && isRefField(rf)) {
        const prop = entityPropertyName(rf.internalName);
        if (idMatch[2] === 'Id') entries.push({ kind: 'id', field: rf, prop: `${prop}Id` });
        else if (isUserField(rf)) entries.push({ kind: 'stringId', field: rf, prop: `${prop}StringId` });
        else throw unknownField(name);
        continue;
      }
    }
    throw unknownField(name);
  }
  for (const [, f] of expands) {
    if (!expandSubs.has(f) && !all) continue;
    const sub = expandSubs.get(f) ?? [];
    entries.push({ kind: 'expand', field: f, prop: entityPropertyName(f.internalName), sub: sub.length ? sub : isUserField(f) ? ['Id', 'Title', 'EMail', 'Name'] : ['Id', 'Title'] });
  }
  return { all, entries };
}

/** Lookup-type fields a projection touches (for the lookup column threshold). */
export function lookupFieldsOf(list: ListRecord, proj: Projection): Set<string> {
  const out = new Set<string>();
  if (proj.all) for (const f of list.fields) if (isRefField(f) && !f.hidden) out.add(f.internalName);
  for (const e of proj.entries) if (e.kind !== 'system' && e.kind !== 'value') out.add(e.field.internalName);
  return out;
}
