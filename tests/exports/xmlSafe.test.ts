// Exports never break: every XML part of every workbook and document the hub writes parses as XML 1.0,
// whatever a member typed (through the screens or straight through SharePoint's REST API) or a supplier
// sent back. Parsed with saxes, the conformant XML parser exceljs itself reads workbooks with.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { MEASURES, commitmentFor, measureByCode, periodById, xmlSafeData, xmlSafeText } from '../../src/domain';
import type { Commitment } from '../../src/domain';
import { annotateSupplierReturn, buildSupplierReturn, readSupplierReturn } from '../../src/documents/supplierReturn';
import { buildMemberReport } from '../../src/documents/memberReport';
import { dashboardFigures } from '../../src/domain';
import { rebuildRollups } from '../../src/domain';
import { renderTenderPackDocx, tenderPackContent } from '../../src/documents/tenderPack';
import { generate } from '../../local/seed/region';
import { fillReturn } from '../delivery/returnWorkbook';
import { LIBRARY, procurement } from '../tenderPack/fixtures';

jest.setTimeout(60_000);

/** Every kind of character XML 1.0 cannot carry, among ones it can (tab, LF, CR, an emoji's surrogate pair). */
const HOSTILE = 'Depot\uFFFE refurb\uFFFF \u0000\u0001\u0008\u000B\u000C\u001F lone\uD800high lone\uDC00low 😀 tab\there';
const SAFE = 'Depot\uFFFD refurb\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD lone\uFFFDhigh lone\uFFFDlow 😀 tab\there';

/** The first well-formedness error in each XML part of a zip (.xlsx/.docx), or an empty list. */
async function xmlErrors(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const errors: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  expect(parts.length).toBeGreaterThan(3);
  for (const name of parts) {
    const raw = await zip.file(name)!.async('uint8array');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      errors.push(`${name}: not UTF-8`);
      continue;
    }
    const parser = new SaxesParser();
    let first: string | undefined;
    parser.on('error', (e) => (first = first || e.message));
    try {
      parser.write(text).close();
    } catch (e) {
      first = first || String(e);
    }
    if (first) errors.push(`${name}: ${first}`);
  }
  return errors;
}

describe('xmlSafeText', () => {
  it('replaces each character XML 1.0 cannot carry with U+FFFD and keeps everything else', () => {
    expect(xmlSafeText(HOSTILE)).toBe(SAFE);
    const fine = 'Ünïcödé — £1,000 <&> "quotes" \t\n\r \uE000 \uFFFD 𝄞 😀 \u007F\u0085';
    expect(xmlSafeText(fine)).toBe(fine);
    expect(xmlSafeText('\uD83D')).toBe('\uFFFD');
    expect(xmlSafeText('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
  });

  it('copies plain data with every string made safe, leaving numbers, dates and the original alone', () => {
    const when = new Date(0);
    const data = { a: HOSTILE, n: 3, list: [HOSTILE, { b: HOSTILE }], when, none: undefined };
    const safe = xmlSafeData(data);
    expect(safe).toEqual({ a: SAFE, n: 3, list: [SAFE, { b: SAFE }], when, none: undefined });
    expect(data.a).toBe(HOSTILE);
  });
});

describe('every export parses as XML with hostile text in it', () => {
  it('the check itself catches a malformed part (exceljs writes U+FFFE raw)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet').getCell('A1').value = HOSTILE;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await xmlErrors(bytes)).join('\n')).toMatch(/sharedStrings\.xml: .*disallowed character/);
  });

  it('the member report', async () => {
    const g = generate({ seed: 7, procurements: 12, targetLogs: 200 });
    const rollups = rebuildRollups(g.commitments, g.logs, g.procurements);
    const figures = dashboardFigures(rollups, { fromPeriodId: '2025-26 Q1', toPeriodId: '2025-26 Q4' }, { awards: g.procurements });
    expect(figures.byProcurement.length).toBeGreaterThan(0);
    figures.byProcurement[0].supplierName = HOSTILE;
    figures.byProcurement[0].reference = `REF${HOSTILE}`;
    const bytes = await buildMemberReport(figures, HOSTILE);
    expect(await xmlErrors(bytes)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.getWorksheet('Procurements')!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toEqual(expect.arrayContaining([SAFE, `REF${SAFE}`]));
  });

  const REF = 'WMCA-2026-0042';
  const period = periodById('2026-27 Q1');
  const commitments = (): Commitment[] => [
    { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 400, dueDate: '2027-03-31' }), id: 1 },
  ];

  it('the supplier return workbook, built from hostile titles and measure wording', async () => {
    const library = MEASURES.map((m) => (m.code === 'HSC-01' ? { ...m, text: HOSTILE } : m));
    const bytes = await buildSupplierReturn({ reference: REF, title: HOSTILE, supplierName: HOSTILE, period, commitments: commitments(), library });
    expect(await xmlErrors(bytes)).toEqual([]);
  });

  it('the supplier return sent back with problems, when the supplier wrote Excel escapes for such characters', async () => {
    const blank = await buildSupplierReturn({ reference: REF, title: 'Depot', supplierName: 'Supplier Ltd', period, commitments: commitments(), library: MEASURES });
    // Excel stores characters XML cannot carry as _xHHHH_; exceljs decodes them when it reads.
    const filled = await fillReturn(blank, { rows: { 'HSC-01': ['lots_xFFFE_', 'https://example.org/_xFFFE_', 'notes _xFFFE_ _x0001_'] }, attest: 'Yes' });
    const ctx = { reference: REF, commitments: commitments(), library: MEASURES, existingLogs: [], reportedBy: 'priya.sandhu@svhub.example', asOf: '2026-07-15' };
    const checked = await readSupplierReturn(filled, ctx);
    expect(checked.rows[0].messages.join(' ')).toMatch(/not a number/);
    expect(checked.rows[0].messages.join(' ')).toContain('\uFFFE'); // the supplier's own text, echoed back
    const annotated = await annotateSupplierReturn(filled, checked);
    expect(await xmlErrors(annotated)).toEqual([]);
    // Without the hub's cleaning, exceljs writes what it decoded straight back out: the attack is real.
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(Buffer.from(filled) as unknown as ArrayBuffer);
    expect((await xmlErrors(new Uint8Array((await raw.xlsx.writeBuffer()) as ArrayBuffer))).join('\n')).toMatch(/disallowed character/);
  });

  it('the tender pack document, with a hostile title, reference, justification and measure wording', async () => {
    const p = procurement({ title: HOSTILE, reference: `SV-2026-0042${HOSTILE}`, weighting: { method: 'weighted', percent: 10, justification: HOSTILE } });
    const library = LIBRARY.map((m) => ({ ...m, text: HOSTILE, outcome: HOSTILE }));
    const content = tenderPackContent(p, { measures: library });
    const bytes = await renderTenderPackDocx(content);
    const errors = await xmlErrors(bytes);
    expect(errors).toEqual([]);
    const document = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(document).toContain(SAFE.slice(0, 12));
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('Depot\uFFFD');
  });
});
