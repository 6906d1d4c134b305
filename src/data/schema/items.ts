/* eslint-disable @rushstack/no-new-null -- SharePoint's REST JSON uses null for an empty column, and so do these types. */
// List item types derived from the schema (no second hand-kept copy): the JSON a list item carries in
// SharePoint's REST API, field by field, as PnPjs sends and receives it.
import type { FieldDef, ListDef } from './types';

/** Hyperlink columns read and write as { Url, Description }. */
export interface UrlValue {
  Url: string;
  Description: string;
}

/** A person column expanded with $expand=<name>&$select=<name>/Id,<name>/Title,<name>/EMail. */
export interface ExpandedUser {
  Id: number;
  Title: string;
  EMail: string;
}

type ValueOf<F> = F extends { kind: 'Text' | 'Note' }
  ? string
  : F extends { kind: 'Number' }
    ? number
    : F extends { kind: 'Boolean' }
      ? boolean
      : F extends { kind: 'DateTime' }
        ? string
        : F extends { kind: 'Choice'; choices: readonly (infer C)[] }
          ? C
          : F extends { kind: 'MultiChoice'; choices: readonly (infer C)[] }
            ? C[]
            : F extends { kind: 'URL' }
              ? UrlValue
              : F extends { kind: 'User' }
                ? number
                : never;

/** Person columns are written as `<name>Id` (the site user's id). */
type WriteKey<F> = F extends { kind: 'User'; name: infer N extends string } ? `${N}Id` : F extends { name: infer N extends string } ? N : never;

type Writable<L extends ListDef> = Exclude<L['fields'][number], { builtIn: true; name: 'Modified' }>;

/** The body of an add or a MERGE: every column optional (MERGE sends only what changed), null clears. */
export type ItemWrite<L extends ListDef> = { [F in Writable<L> as WriteKey<F>]?: ValueOf<F> | null };

/** An item as read back (with $select of every schema column and person columns expanded). */
export type ItemRead<L extends ListDef> = {
  [F in L['fields'][number] as WriteKey<F>]: ValueOf<F> | null;
} & {
  [F in L['fields'][number] as F extends { kind: 'User'; name: infer N extends string } ? N : never]?: ExpandedUser | null;
} & {
  Id: number;
  'odata.etag'?: string;
  Created?: string;
  AuthorId?: number;
  EditorId?: number;
};

export type FieldNames<L extends ListDef> = L['fields'][number]['name'];

/**
 * Which domain field each column of a list holds (a form's field path), so a refused column is reported in
 * the form's own terms. Keyed by the schema's column names: a renamed or removed column is a compile error.
 */
export type FieldMap<L extends ListDef> = { readonly [K in FieldNames<L>]?: string };

/** Names as they appear in an item's JSON: person columns as `<name>Id`. */
export function restName(field: FieldDef): string {
  return field.kind === 'User' ? `${field.name}Id` : field.name;
}
