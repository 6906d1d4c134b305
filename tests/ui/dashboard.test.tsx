/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs (the member report) is a Node/CommonJS package: resolve its dependencies as Node does.
import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Rollup } from '../../src/domain';
import { Dashboard, DashboardApp } from '../../src/ui/dashboard';
import { cellToPence } from '../../src/documents/memberReport';
import { dashboardFigures } from '../../src/domain';
import { memoryHub, withReporting } from '../support/memoryHubData';
import { procurement } from '../support/records';

jest.setTimeout(60_000);

const r = (over: Partial<Rollup>): Rollup => ({
  procurementReference: 'WMCA-2026-0001',
  periodEnd: '2026-06-30',
  themeId: 'growth-skills-employment',
  authorityId: 'birmingham',
  supplierName: 'Acme <b>Builders</b> Ltd',
  committedPence: 0,
  reportedPence: 0,
  verifiedPence: 0,
  ...over,
});

const rollups: Rollup[] = [
  r({
    committedPence: 1_000_000,
    verifiedPence: 600_050,
    reportedPence: 12_345,
    // Record-only measures: people into work and apprenticeship weeks, with no £ of their own.
    quantities: [
      { measureCode: 'GSE-02', unit: 'FTE', committedThousandths: 52_000, reportedThousandths: 1_000, verifiedThousandths: 37_500 },
      { measureCode: 'GSE-07', unit: 'weeks', committedThousandths: 104_000, reportedThousandths: 0, verifiedThousandths: 104_000 },
    ],
  }),
  r({ themeId: 'environment', committedPence: 500_000, verifiedPence: 100_000 }),
  r({ procurementReference: 'COV-2026-0002', authorityId: 'coventry', supplierName: 'Green CIC', periodEnd: '2026-09-30', themeId: 'local-businesses', committedPence: 250_000, verifiedPence: 250_001 }),
  r({ procurementReference: 'COV-2026-0002', authorityId: 'coventry', supplierName: 'Green CIC', periodEnd: '2025-09-30', committedPence: 999_999, verifiedPence: 999_999 }),
];

function setup(stored: Rollup[] = rollups) {
  const hub = memoryHub();
  const mem = withReporting(hub, {
    rollups: stored,
    atRisk: [{ procurementReference: 'COV-2026-0002', measureCode: 'PLB-01', targetQuantity: 10, unit: '£ spend', dueDate: '2026-12-31', rag: 'Red', verifiedQuantity: 2 }],
  });
  const saved: { bytes: Uint8Array; name: string }[] = [];
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <Dashboard data={hub.data} today="2026-11-25" onSaveFile={(bytes, name) => saved.push({ bytes, name })} />
    </FluentProvider>,
  );
  return { hub, mem, user, saved };
}

describe('the Social Value Dashboard', () => {
  it('shows every theme with its share, not only a grand total, for the last four quarters by default', async () => {
    const { mem } = setup();
    const table = await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(7); // header + six themes
    const gse = rows.find((row) => /Growth, Skills and Employment/.test(row.textContent || ''))!;
    expect(gse).toHaveTextContent('£10,000');
    expect(gse).toHaveTextContent('£6,000.50');
    expect(gse).toHaveTextContent('£123.45');
    expect(screen.getByLabelText('From quarter')).toHaveValue('2025-26 Q4');
    expect(screen.getByLabelText('To quarter')).toHaveValue('2026-27 Q3');
    // the 2025 rollup is outside the default quarters
    expect(screen.getByTestId('headline')).toHaveTextContent('Committed£17,500');
    expect(mem.queries.rollups).toBe(4); // one indexed query per quarter
    expect(screen.getByRole('table', { name: /Committed vs delivered by quarter/ })).toHaveTextContent('2026-27 Q2');
    expect(screen.getByRole('table', { name: /By authority/ })).toHaveTextContent('Coventry City Council');
    // user text is text
    expect(screen.getByRole('table', { name: /By supplier/ })).toHaveTextContent('Acme <b>Builders</b> Ltd');
    const risk = screen.getByRole('table', { name: /At-risk commitments/ });
    expect(risk).toHaveTextContent('Red');
    expect(risk).toHaveTextContent('£2 of £10'); // £ spend in pounds, en-GB
    // Each at-risk commitment's measure in the library's words too.
    expect(risk).toHaveTextContent('PLB-01 Spend on the contract with suppliers based in the West Midlands');
    // Read from the progress the owner's update recorded (never a RAG an officer types), and it says so.
    expect(mem.queries.progress).toBe(2); // one indexed query per RAG: Red, Amber
    expect(screen.getByText('As a site owner’s latest figures update recorded them, from verified outcomes only.')).toBeInTheDocument();
  });

  it('says on which day a site owner’s update last changed the figures (members never write them)', async () => {
    setup(rollups.map((x, i) => ({ ...x, modified: i === 1 ? '2026-11-20T12:30:00Z' : '2026-10-01T08:00:00Z' }) as Rollup));
    await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    // The newest of the rollups read.
    expect(screen.getByText(/These £ and delivered figures last changed at a site owner’s update on 20 November 2026\./)).toBeInTheDocument();
  });

  it('makes up no such date when SharePoint recorded none', async () => {
    setup();
    await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    expect(screen.queryByText(/last changed at a site owner’s update/)).not.toBeInTheDocument();
  });

  it('filters by authority and by quarters', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    await user.selectOptions(screen.getByLabelText('Authority'), 'coventry');
    await waitFor(() => expect(screen.getByTestId('headline')).toHaveTextContent('Committed£2,500Reported'));
    await user.selectOptions(screen.getByLabelText('From quarter'), '2025-26 Q2');
    await waitFor(() => expect(screen.getByTestId('headline')).toHaveTextContent('£12,499.99'));
    await user.selectOptions(screen.getByLabelText('From quarter'), '2027-28 Q1');
    expect(await screen.findByText('The first quarter must not be after the last.')).toBeInTheDocument();
  });

  it('narrows to contracts with SMEs or VCSEs, as their awards record the supplier', async () => {
    const { hub, user } = setup();
    // Coventry's contract went to a VCSE; Birmingham's to a company that is neither.
    await hub.data.procurements.create(
      procurement('COV-2026-0002', { authorityId: 'coventry', status: 'In delivery', awardValuePence: 5_000_000, contractStart: '2025-07-01', supplier: { name: 'Green CIC', isSme: false, isVcse: true, isLocal: true } }),
    );
    await hub.data.procurements.create(
      procurement('WMCA-2026-0001', { authorityId: 'birmingham', status: 'In delivery', awardValuePence: 9_000_000, contractStart: '2026-04-01', supplier: { name: 'Acme Builders Ltd', isSme: false, isVcse: false, isLocal: true } }),
    );
    await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    const supplier = screen.getByRole('combobox', { name: /^Supplier/ });
    await user.selectOptions(supplier, 'VCSEs');
    await waitFor(() => expect(screen.getByTestId('headline')).toHaveTextContent('Committed£2,500Reported'));
    await user.selectOptions(supplier, 'SMEs');
    await waitFor(() => expect(screen.getByTestId('headline')).toHaveTextContent('Committed£0Reported'));
    await user.selectOptions(supplier, 'All suppliers');
    await waitFor(() => expect(screen.getByTestId('headline')).toHaveTextContent('Committed£17,500Reported'));
  });

  it('downloads the member report with the dashboard’s figures', async () => {
    const { user, saved } = setup();
    await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    await user.click(screen.getByRole('button', { name: 'Download member report (Excel)' }));
    await screen.findByText(/Member report ready/);
    expect(saved[0].name).toBe('social-value-member-report-2025-26-Q4-to-2026-27-Q3.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(saved[0].bytes) as unknown as ArrayBuffer);
    const figures = dashboardFigures(rollups, { fromPeriodId: '2025-26 Q4', toPeriodId: '2026-27 Q3' });
    const ws = wb.getWorksheet('Themes')!;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Total') total = row;
    });
    expect(cellToPence(total!.getCell(4).value)).toBe(figures.totals.verifiedPence);
  });

  it('says what went wrong and offers to try again', async () => {
    const hub = memoryHub();
    withReporting(hub);
    let fail = true;
    const query = hub.data.rollups.query;
    hub.data.rollups.query = async (q) => {
      if (fail) throw new Error('The Rollups list could not be read.');
      return query(q);
    };
    const user = userEvent.setup({ delay: null });
    render(<Dashboard data={hub.data} today="2026-11-25" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The Rollups list could not be read.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No social value was committed or reported in these quarters.')).toBeInTheDocument();
  });
});

describe('people on the dashboard', () => {
  it('shows what each theme delivered in people and weeks beside the £, and each measure’s target against delivery', async () => {
    setup();
    const themes = await screen.findByRole('table', { name: /By theme.*\(table\)/ });
    const gse = within(themes).getAllByRole('row').find((row) => /Growth, Skills and Employment/.test(row.textContent || ''))!;
    expect(gse).toHaveTextContent('37.5 of 52 FTE · 104 of 104 weeks');
    const measures = screen.getByRole('table', { name: 'People and other outcomes, by measure' });
    const people = within(measures).getAllByRole('row').find((row) => /^GSE-02/.test(within(row).queryAllByRole('cell')[0]?.textContent || ''))!;
    const cells = within(people).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(2)).toEqual(['52 FTE', '37.5 FTE', '1 FTE', '72.1%', '1']);
  });

  it('names each measure in the site’s own library, so a measure the site added reads by its name, not only its code', async () => {
    const hub = memoryHub();
    withReporting(hub, {
      rollups: [
        r({
          quantities: [
            // GSE-90 is not one of the built-in measures: only this site's library knows its words.
            { measureCode: 'GSE-90', unit: 'count', committedThousandths: 12_000, reportedThousandths: 0, verifiedThousandths: 5_000 },
            { measureCode: 'GSE-02', unit: 'FTE', committedThousandths: 2_000, reportedThousandths: 0, verifiedThousandths: 1_000 },
          ],
        }),
      ],
      atRisk: [{ procurementReference: 'WMCA-2026-0001', measureCode: 'GSE-90', targetQuantity: 12, unit: 'count', dueDate: '2026-12-31', rag: 'Red', verifiedQuantity: 5 }],
    });
    const builtIn = await hub.data.measures.list();
    let libraryReads = 0;
    hub.data.measures.list = async () => {
      libraryReads++;
      return [
        // The site reworded a built-in measure: the site's words win over the built-in ones.
        ...builtIn.map((m) => (m.code === 'GSE-02' ? { ...m, text: 'Local people into work (site wording)' } : m)),
        { ...builtIn[0], id: 900, code: 'GSE-90', text: 'Veterans into sustained work', unit: 'count', recordOnly: true },
      ];
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <Dashboard data={hub.data} today="2026-11-25" />
      </FluentProvider>,
    );
    const measures = await screen.findByRole('table', { name: 'People and other outcomes, by measure' });
    const names = within(measures)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0].textContent);
    expect(names).toEqual(['GSE-02 Local people into work (site wording)', 'GSE-90 Veterans into sustained work']);
    expect(screen.getByRole('table', { name: /At-risk commitments/ })).toHaveTextContent('GSE-90 Veterans into sustained work');
    expect(libraryReads).toBe(1);
  });
});

describe('the Social Value Dashboard web part’s root', () => {
  it('offers the dashboard and the published case studies, read-only', async () => {
    const hub = memoryHub();
    withReporting(hub, { rollups, caseStudies: [{ procurementReference: 'WMCA-2026-0001', themeId: 'environment', title: 'Cleaner depots', story: 'Electric vans.', published: true }] });
    const user = userEvent.setup({ delay: null });
    render(<DashboardApp services={{ host: 'sharepoint', siteUrl: 'https://contoso.example/sites/socialvalue', user: { displayName: 'Visitor', email: 'visitor@svhub.example' }, data: hub.data }} theme="light" />);
    expect(await screen.findByRole('table', { name: /By theme.*\(table\)/ })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Case studies' }));
    expect(await screen.findByText('Cleaner depots')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Write a case study' })).toBeNull();
  });

  it('says so when the hub’s lists cannot be reached', () => {
    render(<DashboardApp services={{ host: 'sharepoint', siteUrl: 'x', user: { displayName: 'V', email: 'v@x' } }} theme="dark" />);
    expect(screen.getByText(/cannot reach the hub’s lists/)).toBeInTheDocument();
  });
});
