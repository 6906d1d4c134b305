// The list schema is well formed, fits SharePoint's limits and takes its vocabulary from the domain.
import {
  ACTION_PLAN_STATUSES,
  APPROVAL_OUTCOMES,
  AUTHORITIES,
  CONTRACT_TYPES,
  MAX_REFERENCE_LENGTH,
  MEASURE_UNITS,
  PROCUREMENT_STATUSES,
  RAGS,
  REGIMES,
  WEIGHTING_DECIMALS,
  THEMES,
  TIERS,
  VERIFICATION_STATUSES,
  WEIGHTING_METHODS,
} from '../../src/domain';
import type { ProcurementStatus, ThemeId } from '../../src/domain';
import { fieldSchemaXml, listByTitle, MAX_INDEXED_COLUMNS, SCHEMA } from '../../src/data/schema';
import type { FieldDef, ItemWrite, ListDef, PROCUREMENTS_LIST } from '../../src/data/schema';
import { itemProblems } from '../../src/data/schema/validate';

const lists = SCHEMA as readonly ListDef[];
const BUILT_IN_VIEW_FIELDS = ['LinkTitle', 'Modified', 'Created', 'Author', 'Editor', 'ID'];

describe('the list schema', () => {
  it('has the lists the design names, each with a description, versioning and a default view', () => {
    expect(lists.map((l) => l.title)).toEqual([
      'Procurements', 'Commitments', 'OutcomeLogs', 'ActionPlan', 'CaseStudies', 'Measures', 'Thresholds', 'Settings', 'TaskforcePosts', 'Approvals', 'Verifications', 'Rollups', 'CommitmentProgress', 'KpiAssessments',
    ]);
    for (const l of lists) {
      expect(l.title).toMatch(/^[A-Za-z]+$/);
      expect(l.description.length).toBeGreaterThan(20);
      expect(l.versioning).toBe(true);
      expect(l.views.filter((v) => v.isDefault)).toHaveLength(1);
      expect(l.fields.filter((f) => f.name === 'Title' && f.builtIn)).toHaveLength(1);
    }
  });

  it('uses internal names without spaces, unique per list, and plain-English display names', () => {
    for (const l of lists) {
      const names = l.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of l.fields) {
        expect(f.name).toMatch(/^[A-Z][A-Za-z0-9]{1,31}$/);
        expect(f.title.trim()).toBe(f.title);
        expect(f.title).toMatch(/^[A-Z]/);
      }
    }
  });

  it('stays within 20 indexed columns per list; unique columns are indexed; text fits SharePoint', () => {
    for (const l of lists) {
      const indexed = l.fields.filter((f) => f.indexed || f.unique);
      expect(indexed.length).toBeLessThanOrEqual(MAX_INDEXED_COLUMNS);
      for (const f of l.fields) {
        if (f.unique) expect(f.indexed).toBe(true);
        if (f.kind === 'Text') expect(f.maxLength).toBeLessThanOrEqual(255);
        if (f.kind === 'MultiChoice' || f.kind === 'Note') expect(f.indexed).toBeFalsy();
      }
      // Every list has a unique key the app generates, so retried writes find what already landed.
      expect(l.fields.some((f) => f.unique)).toBe(true);
    }
    expect(listByTitle('Procurements')!.fields.find((f) => f.name === 'Reference')).toMatchObject({ maxLength: MAX_REFERENCE_LENGTH, unique: true });
  });

  it('takes every choice from the domain, in the domain’s order', () => {
    const choices = (list: string, field: string): readonly string[] => {
      const f = listByTitle(list)!.fields.find((x) => x.name === field) as FieldDef & { choices: readonly string[] };
      return f.choices;
    };
    expect(choices('Procurements', 'Status')).toEqual(PROCUREMENT_STATUSES.map((s) => s.id));
    expect(choices('Procurements', 'Tier')).toEqual(TIERS.map((t) => t.id));
    expect(choices('Procurements', 'Themes')).toEqual(THEMES.map((t) => t.id));
    expect(choices('Procurements', 'Authority')).toEqual(AUTHORITIES.map((a) => a.id));
    expect(choices('Procurements', 'ContractType')).toEqual(CONTRACT_TYPES.map((c) => c.id));
    expect(choices('Procurements', 'Regime')).toEqual(REGIMES.map((r) => r.id));
    expect(choices('Procurements', 'WeightingMethod')).toEqual(WEIGHTING_METHODS.map((m) => m.id));
    expect(choices('Commitments', 'Unit')).toEqual(MEASURE_UNITS);
    expect(choices('Commitments', 'Rag')).toEqual(RAGS);
    expect(choices('OutcomeLogs', 'Verification')).toEqual(VERIFICATION_STATUSES);
    expect(choices('ActionPlan', 'ActionStatus')).toEqual(ACTION_PLAN_STATUSES);
    expect(choices('Approvals', 'Outcome')).toEqual(APPROVAL_OUTCOMES);
    expect(choices('Rollups', 'Themes')).toEqual(THEMES.map((t) => t.id));
    for (const l of lists) {
      for (const f of l.fields) {
        if (f.kind === 'Choice' && f.defaultValue !== undefined) expect(f.choices).toContain(f.defaultValue);
      }
    }
  });

  it('builds views from the list’s own columns, with well-formed CAML and row limits', () => {
    for (const l of lists) {
      const names = new Set(l.fields.map((f) => f.name).concat(BUILT_IN_VIEW_FIELDS));
      for (const v of l.views) {
        for (const f of v.fields) expect(names.has(f) ? f : `${l.title}/${v.title}: ${f}`).toBe(f);
        expect(v.rowLimit).toBeGreaterThan(0);
        expect(v.rowLimit).toBeLessThanOrEqual(100);
        const refs = Array.from(v.query.matchAll(/FieldRef Name="([^"]+)"/g)).map((m) => m[1]);
        for (const r of refs) expect(names.has(r) ? r : `${l.title}/${v.title}: ${r}`).toBe(r);
        expect(balanced(v.query)).toBe(true);
      }
    }
    const procurementViews = listByTitle('Procurements')!.views.map((v) => v.title);
    expect(procurementViews).toEqual(expect.arrayContaining(['Awaiting approval', 'By tier', 'My procurements']));
    expect(listByTitle('Commitments')!.views.map((v) => v.title)).toContain('At-risk commitments');
    expect(listByTitle('OutcomeLogs')!.views.map((v) => v.title)).toContain('Outcomes to verify');
  });

  it('gives status, RAG and verification columns SharePoint column formatting', () => {
    for (const [list, field] of [['Procurements', 'Status'], ['Commitments', 'Rag'], ['OutcomeLogs', 'Verification'], ['Procurements', 'EstimatedValuePence']]) {
      const f = listByTitle(list)!.fields.find((x) => x.name === field)!;
      expect(f.format).toMatchObject({ $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json' });
      expect(() => JSON.parse(JSON.stringify(f.format))).not.toThrow();
    }
    const status = listByTitle('Procurements')!.fields.find((x) => x.name === 'Status')!;
    for (const s of PROCUREMENT_STATUSES) expect(JSON.stringify(status.format)).toContain(`'${s.id}'`);
  });

  it('writes SchemaXml that names the field exactly, escapes text and carries the choices', () => {
    const xml = fieldSchemaXml({ name: 'Supplier', title: 'Supplier "A" & <B>', kind: 'Choice', choices: ["O'Neil & Sons", 'Other'], defaultValue: 'Other' });
    expect(xml).toContain('Name="Supplier" StaticName="Supplier" DisplayName="Supplier &quot;A&quot; &amp; &lt;B&gt;"');
    expect(xml).toContain('<Default>Other</Default><CHOICES><CHOICE>O&apos;Neil &amp; Sons</CHOICE><CHOICE>Other</CHOICE></CHOICES>');
    expect(balanced(xml)).toBe(true);
  });

  it('derives item types from the schema (a wrong value type does not compile) and checks values at run time', () => {
    const ok: ItemWrite<typeof PROCUREMENTS_LIST> = { Status: 'Draft' as ProcurementStatus, Themes: ['environment' as ThemeId], LeadOfficerId: 3, EstimatedValuePence: 100 };
    // @ts-expect-error a status the domain does not have
    const badStatus: ItemWrite<typeof PROCUREMENTS_LIST> = { Status: 'Shelved' };
    // @ts-expect-error person columns are written as <name>Id
    const badPerson: ItemWrite<typeof PROCUREMENTS_LIST> = { LeadOfficer: 3 };
    void badStatus;
    void badPerson;
    const procurements = listByTitle('Procurements')!;
    expect(itemProblems(procurements, ok as Record<string, unknown>, false)).toEqual([]);
    expect(itemProblems(procurements, { Status: 'Shelved', Nonsense: 1, EstimatedValuePence: 'ten' }, false).map((p) => p.column).sort()).toEqual([
      'EstimatedValuePence', 'Nonsense', 'Status',
    ]);
    expect(itemProblems(procurements, { Title: 'x' }, true).map((p) => p.column)).toEqual(expect.arrayContaining(['Reference', 'Authority', 'LeadOfficer']));
  });

  it('the weighting column holds what the domain allows: one decimal place, so 12.35 is refused before it is written', () => {
    const procurements = listByTitle('Procurements')!;
    const column = procurements.fields.filter((f) => f.name === 'WeightingPercent')[0];
    expect(column).toMatchObject({ kind: 'Number', decimals: WEIGHTING_DECIMALS });
    expect(WEIGHTING_DECIMALS).toBe(1);
    expect(itemProblems(procurements, { WeightingPercent: 12.5 }, false)).toEqual([]);
    const refused = itemProblems(procurements, { WeightingPercent: 12.35 }, false);
    expect(refused.map((p) => p.column)).toEqual(['WeightingPercent']);
    expect(refused[0].message).toMatch(/at most 1 decimal place/);
  });
});

/** Every opened element is closed, in order (enough to catch a broken CAML or SchemaXml string). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}
