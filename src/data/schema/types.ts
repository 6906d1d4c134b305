// The vocabulary of the list schema: one definition per list drives provisioning, the local server's
// tables, validation before writes and the TypeScript item types (see ./items.ts). Nothing else may
// restate a list's fields.

/** SharePoint field types the hub uses (the `Type` attribute of a field's SchemaXml). */
export type FieldKind = 'Text' | 'Note' | 'Number' | 'Boolean' | 'DateTime' | 'Choice' | 'MultiChoice' | 'User' | 'URL';

interface FieldCommon {
  /** Internal (and static) name: letters and digits only, never renamed once provisioned. */
  readonly name: string;
  /** What managers see as the column heading, in plain English. */
  readonly title: string;
  readonly description?: string;
  readonly required?: boolean;
  /** Counts towards the list's 20 indexed columns; only for columns the app filters or sorts on. */
  readonly indexed?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  readonly unique?: boolean;
  /** SharePoint column-formatting JSON (https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json). */
  readonly format?: object;
  /** Built-in field (Title) that the schema only retitles/indexes, never creates. */
  readonly builtIn?: boolean;
}

export interface TextFieldDef extends FieldCommon { readonly kind: 'Text'; readonly maxLength: number; readonly defaultValue?: string }
/** Multi-line plain text. SharePoint does not cap it; `maxLength` is the app's own limit, checked before writing. */
export interface NoteFieldDef extends FieldCommon { readonly kind: 'Note'; readonly maxLength: number; readonly lines?: number }
export interface NumberFieldDef extends FieldCommon {
  readonly kind: 'Number';
  /** 0 for whole numbers (money is always integer pence). */
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
  readonly defaultValue?: number;
}
export interface BooleanFieldDef extends FieldCommon { readonly kind: 'Boolean'; readonly defaultValue?: boolean }
export interface DateTimeFieldDef extends FieldCommon { readonly kind: 'DateTime'; readonly dateOnly: boolean }
export interface ChoiceFieldDef<C extends string = string> extends FieldCommon {
  readonly kind: 'Choice';
  /** Always a constant from src/domain: the domain owns the vocabulary. */
  readonly choices: readonly C[];
  readonly defaultValue?: C;
}
export interface MultiChoiceFieldDef<C extends string = string> extends FieldCommon {
  readonly kind: 'MultiChoice';
  readonly choices: readonly C[];
}
/** A person (site user). Written as `<name>Id` (the user's site id), read with $expand. */
export interface UserFieldDef extends FieldCommon { readonly kind: 'User' }
/** A hyperlink (evidence, images); written as { Url, Description }. */
export interface UrlFieldDef extends FieldCommon { readonly kind: 'URL' }

export type FieldDef =
  | TextFieldDef
  | NoteFieldDef
  | NumberFieldDef
  | BooleanFieldDef
  | DateTimeFieldDef
  | ChoiceFieldDef
  | MultiChoiceFieldDef
  | UserFieldDef
  | UrlFieldDef;

export interface ViewDef {
  readonly title: string;
  /** Internal names, in column order. */
  readonly fields: readonly string[];
  /** CAML inside <Query>: a <Where> and/or <OrderBy> (see ./caml.ts). Empty = all items by ID. */
  readonly query: string;
  /** Items per page; SharePoint pages views, so a view never trips the 5,000-item threshold by size alone. */
  readonly rowLimit: number;
  /** Becomes the list's default view. */
  readonly isDefault?: boolean;
}

/**
 * Who may write a list beyond SharePoint's defaults.
 * - 'members': members edit any item (versioning records who changed what).
 * - 'own-items': members edit only items they created (list WriteSecurity = 2); managers with
 *   Manage Lists rights are not restricted.
 * - 'owners': only Owners (and the admin screens running as an owner) write; members read.
 * - 'approvers': only the Approvers group (approval decisions, verifications), the approval workflow's connection
 *   and owners write, each their own items; members read.
 */
export type WriteAccess = 'members' | 'own-items' | 'owners' | 'approvers';

export interface ListDef {
  /** List title and URL segment (Lists/<title>): no spaces, never renamed. */
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldDef[];
  readonly views: readonly ViewDef[];
  readonly writeAccess: WriteAccess;
  /** Always on: the hub's status history and "who changed what" come from item versions. */
  readonly versioning: true;
}

/** SharePoint's limit on indexed columns per list. */
export const MAX_INDEXED_COLUMNS = 20;
/** SharePoint's limit for single line of text. */
export const MAX_TEXT_LENGTH = 255;
/** The list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;
/**
 * Requests in one $batch: SharePoint Online refuses more than 100. Microsoft's "Make batch requests with the REST
 * APIs" (learn.microsoft.com/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis) publishes no figure;
 * the 100 is PnP maintainers' ("REST batching has a maximum of 100 requests", github.com/pnp/pnpcore/issues/284;
 * github.com/pnp/pnpjs/issues/3207). PnPjs's own default is 20 a request, which split a 26-write save in two.
 */
export const MAX_BATCH_REQUESTS = 100;
