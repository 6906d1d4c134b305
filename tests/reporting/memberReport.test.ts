import ExcelJS from 'exceljs';
import { buildMemberReport, cellToPence, cellToThousandths, memberReportFileName, memberReportModel } from '../../src/documents/memberReport';
import { dashboardFigures } from '../../src/domain';
import { rebuildRollups } from '../../src/domain';
import type { DashboardFigures } from '../../src/domain';
import { generate } from '../../local/seed/region';

jest.setTimeout(60_000);

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The table under a sheet's header row: header → cell values, one object per row. */
function table(ws: ExcelJS.Worksheet, firstHeader: string): Record<string, unknown>[] {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === firstHeader) headerRow = n;
  });
  const headers: string[] = [];
  ws.getRow(headerRow).eachCell((c, i) => (headers[i] = String(c.value)));
  const out: Record<string, unknown>[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row: Record<string, unknown> = {};
    headers.forEach((h, i) => (row[h] = ws.getRow(n).getCell(i).value ?? undefined));
    out.push(row);
  }
  return out;
}

describe('member report', () => {
  const g = generate({ seed: 99, procurements: 60, targetLogs: 2000 });
  const rollups = rebuildRollups(g.commitments, g.logs, g.procurements);
  const figures: DashboardFigures = dashboardFigures(rollups, { fromPeriodId: '2025-26 Q1', toPeriodId: '2025-26 Q4' }, { awards: g.procurements });

  it('shows the same figures as the dashboard, to the penny, when read back', async () => {
    const wb = await readBack(await buildMemberReport(figures, '25 November 2026'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Themes', 'People and outcomes', 'Outcomes by theme', 'Authorities', 'Procurements', 'Quarters', 'SME and VCSE']);

    const themes = table(wb.getWorksheet('Themes')!, 'Theme');
    expect(themes).toHaveLength(7);
    figures.themes.forEach((t, i) => {
      expect(themes[i].Theme).toBe(t.label);
      expect(cellToPence(themes[i]['Committed (£)'])).toBe(t.committedPence);
      expect(cellToPence(themes[i]['Reported, awaiting verification (£)'])).toBe(t.reportedPence);
      expect(cellToPence(themes[i]['Verified delivered (£)'])).toBe(t.verifiedPence);
      expect(themes[i]['Share of verified (%)']).toBe(t.verifiedShareTenths / 10);
    });
    expect(cellToPence(themes[6]['Verified delivered (£)'])).toBe(figures.totals.verifiedPence);

    const authorities = table(wb.getWorksheet('Authorities')!, 'Authority');
    figures.byAuthority.forEach((a, i) => {
      expect(authorities[i].Authority).toBe(a.name);
      expect(cellToPence(authorities[i]['Verified delivered (£)'])).toBe(a.verifiedPence);
      expect(cellToPence(authorities[i]['Committed (£)'])).toBe(a.committedPence);
    });

    const rows = table(wb.getWorksheet('Procurements')!, 'Reference');
    expect(rows).toHaveLength(figures.byProcurement.length + 1);
    figures.byProcurement.forEach((p, i) => {
      expect(rows[i].Reference).toBe(p.reference);
      expect(cellToPence(rows[i]['Committed (£)'])).toBe(p.committedPence);
      expect(cellToPence(rows[i]['Verified delivered (£)'])).toBe(p.verifiedPence);
    });
    const sumVerified = rows.slice(0, -1).reduce((a, r) => a + cellToPence(r['Verified delivered (£)']), 0);
    expect(sumVerified).toBe(figures.totals.verifiedPence);

    const quarters = table(wb.getWorksheet('Quarters')!, 'Quarter');
    figures.overTime.forEach((p, i) => {
      expect(quarters[i].Quarter).toBe(p.label);
      expect(cellToPence(quarters[i]['Committed (£)'])).toBe(p.committedPence);
      expect(cellToPence(quarters[i]['Verified delivered (£)'])).toBe(p.verifiedPence);
    });

    // People and the other quantities, equal to the dashboard to the thousandth of each unit.
    const people = table(wb.getWorksheet('People and outcomes')!, 'Measure');
    expect(figures.measures.length).toBeGreaterThan(0);
    expect(people).toHaveLength(figures.measures.length);
    figures.measures.forEach((m, i) => {
      expect([people[i].Measure, people[i]['What is counted'], people[i].Unit]).toEqual([m.measureCode, m.text, m.unit]);
      expect(cellToThousandths(people[i].Committed)).toBe(m.committedThousandths);
      expect(cellToThousandths(people[i]['Verified delivered'])).toBe(m.verifiedThousandths);
      expect(cellToThousandths(people[i]['Reported, awaiting verification'])).toBe(m.reportedThousandths);
      expect(people[i].Contracts).toBe(m.procurements);
    });
    const byTheme = table(wb.getWorksheet('Outcomes by theme')!, 'Theme');
    const themeUnits = figures.themes.flatMap((t) => t.quantities.map((q) => ({ theme: t.label, ...q })));
    expect(byTheme.map((r) => [r.Theme, r.Unit, cellToThousandths(r['Verified delivered'])])).toEqual(themeUnits.map((q) => [q.theme, q.unit, q.verifiedThousandths]));

    const sme = table(wb.getWorksheet('SME and VCSE')!, 'Suppliers');
    expect(cellToPence(sme[0]['Awarded (£)'])).toBe(figures.awarded.smePence);
    expect(cellToPence(sme[4]['Awarded (£)'])).toBe(figures.awarded.awardedPence);
  });

  it('words each measure as the site’s library does, the dashboard’s words', () => {
    const siteFigures = dashboardFigures(
      [
        {
          procurementReference: 'WMCA-2026-0001',
          periodEnd: '2025-06-30',
          themeId: 'growth-skills-employment',
          authorityId: 'birmingham',
          committedPence: 0,
          reportedPence: 0,
          verifiedPence: 0,
          quantities: [{ measureCode: 'GSE-90', unit: 'count', committedThousandths: 4_000, reportedThousandths: 0, verifiedThousandths: 3_000 }],
        },
      ],
      { fromPeriodId: '2025-26 Q1', toPeriodId: '2025-26 Q1' },
      { library: [{ code: 'GSE-90', text: 'Veterans into sustained work' }] },
    );
    const people = memberReportModel(siteFigures).sheets.find((sh) => sh.name === 'People and outcomes')!;
    expect(people.rows.map((r) => r.slice(0, 2))).toEqual([['GSE-90', 'Veterans into sustained work']]);
  });

  it('names the quarters and says how figures are counted', () => {
    const model = memberReportModel(figures);
    expect(model.title).toBe('Social value delivered: Q1 2025-26 (April to June 2025) to Q4 2025-26 (January to March 2026)');
    expect(model.sheets[0].rows.map((r) => String(r[1])).join(' ')).toMatch(/Rejected outcomes never count/);
    expect(memberReportFileName(figures)).toBe('social-value-member-report-2025-26-Q1-to-2025-26-Q4.xlsx');
  });

  it('keeps user text as text (a supplier name that looks like a formula stays a string)', async () => {
    const f = dashboardFigures(
      [{ procurementReference: 'P-1', periodEnd: '2025-06-30', themeId: 'environment', authorityId: 'wmca', supplierName: '=HYPERLINK("http://x")', committedPence: 1, reportedPence: 0, verifiedPence: 1 }],
      { fromPeriodId: '2025-26 Q1', toPeriodId: '2025-26 Q1' },
    );
    const wb = await readBack(await buildMemberReport(f));
    const rows = table(wb.getWorksheet('Procurements')!, 'Reference');
    expect(rows[0].Supplier).toBe('=HYPERLINK("http://x")');
  });
});
