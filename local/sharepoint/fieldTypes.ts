// SharePoint field types: TypeAsString ⇄ FieldTypeKind, the OData type of the field object, how an item value
// of that type is stored in SQLite, and the EDM type named in conversion errors.

export type StorageKind = 'text' | 'real' | 'int' | 'bool' | 'date' | 'json' | 'user' | 'lookup';

export interface FieldTypeInfo {
  typeAsString: string;
  kind: number;
  odataType: string;
  storage: StorageKind;
  edm: string;
  multi?: boolean;
}

const TYPES: FieldTypeInfo[] = [
  { typeAsString: 'Integer', kind: 1, odataType: 'SP.Field', storage: 'int', edm: 'Edm.Int32' },
  { typeAsString: 'Text', kind: 2, odataType: 'SP.FieldText', storage: 'text', edm: 'Edm.String' },
  { typeAsString: 'Note', kind: 3, odataType: 'SP.FieldMultiLineText', storage: 'text', edm: 'Edm.String' },
  { typeAsString: 'DateTime', kind: 4, odataType: 'SP.FieldDateTime', storage: 'date', edm: 'Edm.DateTime' },
  { typeAsString: 'Counter', kind: 5, odataType: 'SP.Field', storage: 'int', edm: 'Edm.Int32' },
  { typeAsString: 'Choice', kind: 6, odataType: 'SP.FieldChoice', storage: 'text', edm: 'Edm.String' },
  { typeAsString: 'Lookup', kind: 7, odataType: 'SP.FieldLookup', storage: 'lookup', edm: 'Edm.Int32' },
  { typeAsString: 'LookupMulti', kind: 7, odataType: 'SP.FieldLookup', storage: 'json', edm: 'Collection(Edm.Int32)', multi: true },
  { typeAsString: 'Boolean', kind: 8, odataType: 'SP.Field', storage: 'bool', edm: 'Edm.Boolean' },
  { typeAsString: 'Number', kind: 9, odataType: 'SP.FieldNumber', storage: 'real', edm: 'Edm.Double' },
  { typeAsString: 'Currency', kind: 10, odataType: 'SP.FieldCurrency', storage: 'real', edm: 'Edm.Double' },
  { typeAsString: 'URL', kind: 11, odataType: 'SP.FieldUrl', storage: 'json', edm: 'SP.FieldUrlValue' },
  { typeAsString: 'Computed', kind: 12, odataType: 'SP.FieldComputed', storage: 'text', edm: 'Edm.String' },
  { typeAsString: 'Guid', kind: 14, odataType: 'SP.FieldGuid', storage: 'text', edm: 'Edm.Guid' },
  { typeAsString: 'MultiChoice', kind: 15, odataType: 'SP.FieldMultiChoice', storage: 'json', edm: 'Collection(Edm.String)', multi: true },
  { typeAsString: 'Calculated', kind: 17, odataType: 'SP.FieldCalculated', storage: 'text', edm: 'Edm.String' },
  { typeAsString: 'Attachments', kind: 19, odataType: 'SP.Field', storage: 'bool', edm: 'Edm.Boolean' },
  { typeAsString: 'User', kind: 20, odataType: 'SP.FieldUser', storage: 'user', edm: 'Edm.Int32' },
  { typeAsString: 'UserMulti', kind: 20, odataType: 'SP.FieldUser', storage: 'json', edm: 'Collection(Edm.Int32)', multi: true },
];

export function typeByName(name: string): FieldTypeInfo | undefined {
  const l = name.toLowerCase();
  return TYPES.find((t) => t.typeAsString.toLowerCase() === l);
}

export function typeByKind(kind: number, multi = false): FieldTypeInfo | undefined {
  const all = TYPES.filter((t) => t.kind === kind);
  return all.find((t) => !!t.multi === multi) ?? all[0];
}

/** SQLite column declaration for a storage kind. Text compares case-insensitively, as SharePoint does. */
export function sqlColumnType(storage: StorageKind): string {
  switch (storage) {
    case 'text':
      return 'TEXT COLLATE NOCASE';
    case 'real':
      return 'REAL';
    case 'int':
    case 'bool':
    case 'user':
    case 'lookup':
      return 'INTEGER';
    case 'date':
      return 'TEXT';
    case 'json':
      return 'TEXT';
  }
}
