// The member report: a workbook a clerk can paste into a committee paper, for the quarters chosen —
// summary per theme and authority, one row per procurement, delivered vs committed. Built from the same
// DashboardFigures the dashboard shows, so the two agree to the penny. The model is plain data (tested
// without Excel); exceljs is loaded only when a report is built.
import { authorityById, formatPounds, periodById, themeById, xmlSafeData } from '../domain';
import type { Pence } from '../domain';
import type { Amounts, DashboardFigures, SupplierKind, UnitFigure } from '../domain';

export type CellKind = 'text' | 'money' | 'percent' | 'count' | 'quantity';

export interface ReportColumn {
  header: string;
  kind: CellKind;
  width: number;
}

/** A cell: text, pence (money), a percentage with one decimal place, a count, or a quantity in thousandths of its unit. Undefined = blank. */
export type ReportCell = string | number | undefined;

export interface ReportSheet {
  name: string;
  /** Lines above the table (what the sheet shows, how it is counted). */
  notes: string[];
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A last row in bold (the totals). */
  totalRow?: ReportCell[];
}

export interface MemberReportModel {
  title: string;
  sheets: ReportSheet[];
}

export const MEMBER_REPORT_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const money = (header: string): ReportColumn => ({ header, kind: 'money', width: 18 });
const percent = (header: string): ReportColumn => ({ header, kind: 'percent', width: 14 });
const quantity = (header: string): ReportColumn => ({ header, kind: 'quantity', width: 16 });
const AMOUNT_COLUMNS: ReportColumn[] = [money('Committed (£)'), money('Reported, awaiting verification (£)'), money('Verified delivered (£)'), percent('Delivered (% of committed)')];
const amounts = (a: Amounts & { deliveredPercent?: number }): ReportCell[] => [a.committedPence, a.reportedPence, a.verifiedPence, a.deliveredPercent];

export function periodRangeText(figures: DashboardFigures): string {
  const from = periodById(figures.filters.fromPeriodId);
  const to = periodById(figures.filters.toPeriodId);
  return from.id === to.id ? from.label : `${from.label} to ${to.label}`;
}

const COUNTING_NOTES = [
  'Committed: the part of each commitment’s value (target × proxy locked at award) expected in these quarters, pro rata between its start and due dates.',
  'Verified delivered: outcomes an officer has checked against evidence. Reported outcomes awaiting verification are shown separately and are not counted as delivered. Rejected outcomes never count.',
  'Shares: each theme’s share of the column; the six themes add up to 100%.',
];

/** The dashboard's supplier filter, in the report's words. */
const SUPPLIER_KIND_WORDS: Record<SupplierKind, string> = { sme: 'SMEs', vcse: 'VCSEs', 'sme-or-vcse': 'SMEs or VCSEs' };

/** The workbook's content, as plain data. */
export function memberReportModel(figures: DashboardFigures, generatedOn?: string): MemberReportModel {
  const range = periodRangeText(figures);
  const authority = figures.filters.authorityId ? authorityById(figures.filters.authorityId)?.name || figures.filters.authorityId : 'All authorities';
  const title = `Social value delivered: ${range}`;
  const t = figures.totals;
  const about: ReportSheet = {
    name: 'About',
    notes: [],
    columns: [{ header: 'Item', kind: 'text', width: 34 }, { header: 'Value', kind: 'text', width: 110 }],
    rows: [
      ['Report', title],
      ['Quarters', range],
      ['Authority', authority],
      ['Suppliers', figures.filters.supplierKind ? `${SUPPLIER_KIND_WORDS[figures.filters.supplierKind]} (as recorded at award)` : 'All suppliers'],
      ['Committed', formatPounds(t.committedPence)],
      ['Reported, awaiting verification', formatPounds(t.reportedPence)],
      ['Verified delivered', formatPounds(t.verifiedPence)],
      ...(generatedOn ? [['Produced', generatedOn] as ReportCell[]] : []),
      ...COUNTING_NOTES.map((n, i): ReportCell[] => [i === 0 ? 'How figures are counted' : '', n]),
    ],
  };
  const themes: ReportSheet = {
    name: 'Themes',
    notes: [`Social value by theme, ${range}, ${authority}.`],
    columns: [{ header: 'Theme', kind: 'text', width: 44 }, ...AMOUNT_COLUMNS, percent('Share of committed (%)'), percent('Share of verified (%)')],
    rows: figures.themes.map((th) => [th.label, ...amounts(th), th.committedShareTenths / 10, th.verifiedShareTenths / 10]),
    totalRow: ['Total', ...amounts(t), t.committedPence > 0 ? 100 : undefined, t.verifiedPence > 0 ? 100 : undefined],
  };
  const authorities: ReportSheet = {
    name: 'Authorities',
    notes: [`Social value by authority, ${range}.`],
    columns: [{ header: 'Authority', kind: 'text', width: 44 }, ...AMOUNT_COLUMNS],
    rows: figures.byAuthority.map((a) => [a.name, ...amounts(a)]),
    totalRow: ['Total', ...amounts(t)],
  };
  const procurements: ReportSheet = {
    name: 'Procurements',
    notes: [`One row per procurement, ${range}, ${authority}. Verified delivered by theme on the right.`],
    columns: [
      { header: 'Reference', kind: 'text', width: 18 },
      { header: 'Authority', kind: 'text', width: 36 },
      { header: 'Supplier', kind: 'text', width: 30 },
      ...AMOUNT_COLUMNS,
      ...figures.themes.map((th) => money(`Verified: ${th.label} (£)`)),
    ],
    rows: figures.byProcurement.map((p) => [
      p.reference,
      authorityById(p.authorityId)?.name || p.authorityId,
      p.supplierName,
      ...amounts(p),
      ...p.verifiedByTheme.map((v) => v.pence),
    ]),
    totalRow: ['Total', undefined, undefined, ...amounts(t), ...figures.themes.map((th) => th.verifiedPence)],
  };
  const quarters: ReportSheet = {
    name: 'Quarters',
    notes: [`Committed vs delivered by quarter, ${authority}.`],
    columns: [
      { header: 'Quarter', kind: 'text', width: 36 },
      money('Committed (£)'),
      money('Reported, awaiting verification (£)'),
      money('Verified delivered (£)'),
      money('Committed to date (£)'),
      money('Verified to date (£)'),
    ],
    rows: figures.overTime.map((p) => [p.label, p.committedPence, p.reportedPence, p.verifiedPence, p.cumulativeCommittedPence, p.cumulativeVerifiedPence]),
    totalRow: ['Total', t.committedPence, t.reportedPence, t.verifiedPence, undefined, undefined],
  };
  const a = figures.awarded;
  const sme: ReportSheet = {
    name: 'SME and VCSE',
    notes: [`Share of value awarded in ${range} (contracts starting in these quarters), ${authority}.`],
    columns: [{ header: 'Suppliers', kind: 'text', width: 40 }, money('Awarded (£)'), percent('Share of awarded value (%)')],
    rows: [
      ['SME', a.smePence, a.smePercent],
      ['VCSE', a.vcsePence, a.vcsePercent],
      ['SME or VCSE', a.smeOrVcsePence, a.smeOrVcsePercent],
      ['Based in the West Midlands', a.localPence, a.localPercent],
    ],
    totalRow: [`All awarded (${a.contracts} contracts)`, a.awardedPence, a.awardedPence > 0 ? 100 : undefined],
  };
  const QUANTITY_COLUMNS: ReportColumn[] = [
    { header: 'Unit', kind: 'text', width: 14 },
    quantity('Committed'),
    quantity('Verified delivered'),
    quantity('Reported, awaiting verification'),
    percent('Delivered (% of committed)'),
  ];
  const quantities = (q: UnitFigure): ReportCell[] => [q.unit, q.committedThousandths, q.verifiedThousandths, q.reportedThousandths, q.deliveredPercent];
  const people: ReportSheet = {
    name: 'People and outcomes',
    notes: [
      `What contracts committed and delivered in each measure's own unit (people in work in full-time equivalents, apprenticeships in weeks, carbon in tonnes), ${range}, ${authority}. Counts only: no person is named anywhere.`,
      'Figures add up only within one unit; shares of a workforce (%) are not added up. The same figures as the dashboard.',
    ],
    columns: [
      { header: 'Measure', kind: 'text', width: 12 },
      // The site's measure library's words, as on the dashboard (a site's own measures included).
      { header: 'What is counted', kind: 'text', width: 60 },
      { header: 'Theme', kind: 'text', width: 40 },
      ...QUANTITY_COLUMNS,
      { header: 'Contracts', kind: 'count', width: 12 },
    ],
    rows: figures.measures.map((m) => [m.measureCode, m.text ?? '', themeById(m.themeId).label, ...quantities(m), m.procurements]),
  };
  const themeOutcomes: ReportSheet = {
    name: 'Outcomes by theme',
    notes: [`Each theme's outcomes, one row per unit, ${range}, ${authority}.`],
    columns: [{ header: 'Theme', kind: 'text', width: 44 }, ...QUANTITY_COLUMNS],
    rows: ([] as ReportCell[][]).concat(...figures.themes.map((th) => th.quantities.map((q) => [th.label, ...quantities(q)]))),
  };
  return { title, sheets: [about, themes, people, themeOutcomes, authorities, procurements, quarters, sme] };
}

/** e.g. 'social-value-member-report-2026-27-Q1-to-2026-27-Q4.xlsx'. */
export function memberReportFileName(figures: DashboardFigures): string {
  const slug = (id: string): string => id.replace(/\s+/g, '-');
  const { fromPeriodId, toPeriodId, authorityId, supplierKind } = figures.filters;
  const range = fromPeriodId === toPeriodId ? slug(fromPeriodId) : `${slug(fromPeriodId)}-to-${slug(toPeriodId)}`;
  return `social-value-member-report-${range}${authorityId ? `-${authorityId}` : ''}${supplierKind ? `-${supplierKind}` : ''}.xlsx`;
}

/** Money cells hold pounds (pence ÷ 100, exact for any safe amount) formatted as £; reading back × 100 gives the pence. */
export function penceToCell(pence: Pence): number {
  return pence / 100;
}

/** Quantity cells hold the quantity in its unit (thousandths ÷ 1000); reading back × 1000 gives the thousandths. */
export function thousandthsToCell(thousandths: number): number {
  return thousandths / 1000;
}

export function cellToThousandths(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`Expected a quantity, got ${String(value)}.`);
  return Math.round(value * 1000);
}

export function cellToPence(value: unknown): Pence {
  if (typeof value !== 'number') throw new Error(`Expected an amount, got ${String(value)}.`);
  return Math.round(value * 100);
}

/**
 * Builds the .xlsx (exceljs is loaded on demand: it is large and only needed here). Names and references come
 * from list items any member can write, so the model's text is made XML-safe first.
 */
export async function buildMemberReport(figures: DashboardFigures, generatedOn?: string): Promise<Uint8Array> {
  const model = xmlSafeData(memberReportModel(figures, generatedOn));
  const ExcelJS = await import(/* webpackChunkName: 'member-report' */ 'exceljs');
  const Workbook = (ExcelJS as unknown as { Workbook: typeof import('exceljs').Workbook }).Workbook || (ExcelJS as unknown as { default: { Workbook: typeof import('exceljs').Workbook } }).default.Workbook;
  const wb = new Workbook();
  wb.creator = 'Social Value Hub';
  wb.title = model.title;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
    let rowNumber = 1;
    for (const note of sheet.notes) {
      ws.getCell(rowNumber, 1).value = note;
      ws.getCell(rowNumber, 1).font = { italic: true };
      rowNumber += 1;
    }
    if (sheet.notes.length > 0) rowNumber += 1;
    const header = ws.getRow(rowNumber);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    const headerRow = rowNumber;
    rowNumber += 1;
    const write = (cells: ReportCell[], bold: boolean): void => {
      const row = ws.getRow(rowNumber);
      sheet.columns.forEach((c, i) => {
        const v = cells[i];
        if (v === undefined) return;
        const cell = row.getCell(i + 1);
        if (c.kind === 'money' && typeof v === 'number') {
          cell.value = penceToCell(v);
          cell.numFmt = '£#,##0.00';
        } else if (c.kind === 'quantity' && typeof v === 'number') {
          cell.value = thousandthsToCell(v);
          cell.numFmt = '#,##0.###';
        } else if (c.kind === 'percent' && typeof v === 'number') {
          cell.value = v;
          cell.numFmt = '0.0';
        } else {
          cell.value = v;
        }
        if (bold) cell.font = { bold: true };
      });
      rowNumber += 1;
    };
    sheet.rows.forEach((r) => write(r, false));
    if (sheet.totalRow) write(sheet.totalRow, true);
    ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
