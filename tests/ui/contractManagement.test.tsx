/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Section 52 of the Procurement Act 2023 as an officer meets it: the award asks for three KPIs (the commitments
// offered as KPIs, each error next to its field), and the contract's page rates them, keeps the notices'
// identifiers and gives the contract performance notice to copy — or says what it still needs.
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { commitmentFor, determineTier, measureByCode, tierSnapshot } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import type { Stored } from '../../src/data/ports';
import { DeliverySection } from '../../src/ui/delivery';
import { memoryHub, withDelivery } from '../support/memoryHubData';

jest.setTimeout(90_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };
const colleague = { displayName: 'Grace Okafor', email: 'grace.okafor@svhub.example' };
const TODAY = '2027-05-20';
const REF = 'WMCA-2026-0099';

function tendering(): Procurement {
  return {
    reference: REF,
    title: 'Depot rebuild',
    authorityId: 'wmca',
    directorate: 'Transport',
    leadOfficer: officer,
    contractType: 'works',
    regime: 'sub-central',
    estimatedValuePence: 720_000_000,
    decisionDate: '2026-02-01',
    durationMonths: 36,
    tierDecision: tierSnapshot(determineTier({ estimatedValue: 7_200_000, contractType: 'works', decisionDate: '2026-02-01' })),
    themeIds: ['growth-skills-employment', 'environment'],
    measureTargets: [
      { measureCode: 'GSE-01', targetQuantity: 6 },
      { measureCode: 'ENV-01', targetQuantity: 12.5 },
    ],
    weighting: { method: 'weighted', percent: 15, justification: 'Local jobs and lower emissions are realistic here.' },
    status: 'Tendering',
  };
}

const setupHub = () => withDelivery(memoryHub({ currentEmail: officer.email }));

function Harness({ hub }: { hub: ReturnType<typeof setupHub> }): React.ReactElement {
  const [p, setP] = React.useState<Stored<Procurement> | undefined>(hub.procurements.get(REF));
  return <FluentProvider theme={webLightTheme}>{p && <DeliverySection data={hub.data} user={officer} procurement={p} today={TODAY} onChanged={() => setP(hub.procurements.get(REF))} />}</FluentProvider>;
}

function mount(hub: ReturnType<typeof setupHub>) {
  render(<Harness hub={hub} />);
  return userEvent.setup({ delay: null });
}

describe('KPIs at award', () => {
  it('asks for three KPIs where section 52 applies, offers the commitments as KPIs, and shows each problem next to its field', async () => {
    const hub = setupHub();
    await hub.data.procurements.create(tendering());
    const user = mount(hub);
    await user.type(await screen.findByLabelText(/Supplier name/), 'Tame Valley Construction Ltd (fictional)');
    await user.type(screen.getByLabelText(/Award value/), '7,200,000');
    await user.type(screen.getByLabelText(/Contract start date/), '2026-04-01');
    await user.type(screen.getByLabelText(/Contract end date/), '2029-03-31');
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(within(screen.getByRole('group', { name: 'Action 1' })).getByRole('textbox', { name: 'Description of action 1' }), 'Agree the apprenticeship plan');
    await user.type(screen.getByLabelText(/Owner’s name for action 1/), colleague.displayName);
    await user.type(screen.getByLabelText(/Owner’s email for action 1/), colleague.email);
    await user.type(screen.getByLabelText(/Due date for action 1/), '2026-06-01');

    const kpis = screen.getByRole('group', { name: 'Key performance indicators' });
    expect(within(kpis).getByText(/more than £5,000,000 on a public contract/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    expect(within(kpis).getByText(/Set at least 3 key performance indicators/)).toBeInTheDocument();
    expect(hub.procurements.get(REF)!.status).toBe('Tendering');

    await user.click(within(kpis).getByRole('button', { name: 'Use the commitments as KPIs' }));
    expect(within(kpis).getByLabelText(/What KPI 1 measures/)).toHaveValue(`GSE-01 ${measureByCode('GSE-01')!.text}`);
    expect(within(kpis).getByLabelText(/Target for KPI 2/)).toHaveValue('12.5 tonnes CO2e by 31 March 2029');
    await user.click(within(kpis).getByRole('button', { name: 'Add a KPI' }));
    await user.type(within(kpis).getByLabelText(/What KPI 3 measures/), 'Practical completion on time');
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    expect(within(kpis).getByLabelText(/Target for KPI 3/)).toHaveAccessibleDescription(/Give KPI 3 a target/);
    expect(hub.procurements.get(REF)!.status).toBe('Tendering');

    await user.type(within(kpis).getByLabelText(/Target for KPI 3/), 'By 31 March 2029');
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    await waitFor(() => expect(hub.procurements.get(REF)!.status).toBe('Awarded'));
    expect(hub.procurements.get(REF)!.kpis).toEqual([
      expect.objectContaining({ measureCode: 'GSE-01', target: '6 FTE by 31 March 2029' }),
      expect.objectContaining({ measureCode: 'ENV-01' }),
      { name: 'Practical completion on time', target: 'By 31 March 2029' },
    ]);
    // The contract's page now manages them.
    expect(await screen.findByRole('heading', { name: 'Contract management (Procurement Act 2023)' })).toBeInTheDocument();
  });
});

describe('managing the contract', () => {
  async function awarded(hub: ReturnType<typeof setupHub>): Promise<void> {
    await hub.data.procurements.saveBundle({
      procurement: {
        ...tendering(),
        status: 'In delivery',
        supplier: { name: 'Tame Valley Construction Ltd (fictional)', isSme: false, isVcse: false, isLocal: true, postcode: 'B1 1BB' },
        awardValuePence: 720_000_000,
        contractStart: '2026-04-01',
        contractEnd: '2029-03-31',
        kpis: [
          { name: 'GSE-01 local jobs', target: '6 FTE by 31 March 2029', measureCode: 'GSE-01' },
          { name: 'Site safety', target: 'No reportable accidents' },
          { name: 'Practical completion on time', target: 'By 31 March 2029' },
        ],
      },
      commitments: [commitmentFor(measureByCode('GSE-01')!, { procurementReference: REF, targetQuantity: 6, dueDate: '2029-03-31' })],
      actionPlan: [],
    });
  }

  it('says an assessment is overdue, rates each KPI with the prescribed ratings, and gives the notice once it is complete', async () => {
    const hub = setupHub();
    await awarded(hub);
    const user = mount(hub);
    const section = await screen.findByRole('region', { name: 'Contract management (Procurement Act 2023)' });
    expect(within(section).getByText(/An assessment is overdue: it was due by 1 April 2027/)).toBeInTheDocument();
    const table = within(section).getByRole('table', { name: 'KPIs and their latest ratings' });
    expect(within(table).getByRole('row', { name: /GSE-01 local jobs/ })).toHaveTextContent('0 of 6 (0 verified)');
    expect(within(section).getByText(/Not ready yet/)).toBeInTheDocument();
    expect(within(section).getByText(/the procurement’s unique identifier/)).toBeInTheDocument();

    // No rating chosen: the error is next to the rating, and nothing is saved.
    await user.selectOptions(within(section).getByLabelText(/KPI assessed/), 'Site safety');
    await user.type(within(section).getByLabelText(/Period from/), '2026-04-01');
    await user.type(within(section).getByLabelText(/Period to/), '2027-03-31');
    await user.click(within(section).getByRole('button', { name: 'Save the assessment' }));
    expect(within(section).getByLabelText(/^Rating/)).toHaveAccessibleDescription(/Choose the rating the Procurement Regulations 2024 prescribe/);
    expect(await hub.data.kpiAssessments.listForProcurement(REF)).toEqual([]);

    for (const [kpi, rating] of [
      ['Site safety', 'Good'],
      ['GSE-01 local jobs', 'Requires improvement'],
      ['Practical completion on time', 'Approaching target'],
    ]) {
      await user.selectOptions(within(section).getByLabelText(/KPI assessed/), kpi);
      await user.clear(within(section).getByLabelText(/Period from/));
      await user.type(within(section).getByLabelText(/Period from/), '2026-04-01');
      await user.clear(within(section).getByLabelText(/Period to/));
      await user.type(within(section).getByLabelText(/Period to/), '2027-03-31');
      await user.selectOptions(within(section).getByLabelText(/^Rating/), rating);
      await user.click(within(section).getByRole('button', { name: 'Save the assessment' }));
      expect(await within(section).findByText(`Saved: ${kpi} rated “${rating}” for 1 April 2026 to 31 March 2027.`)).toBeInTheDocument();
    }
    await waitFor(() => expect(within(section).getByText(/Next assessment due by 31 March 2028/)).toBeInTheDocument());
    expect(within(within(section).getByRole('table', { name: 'KPIs and their latest ratings' })).getByRole('row', { name: /Site safety/ })).toHaveTextContent('Good (1 April 2026 to 31 March 2027)');

    await user.type(within(section).getByLabelText('Tender notice identifier'), 'ocds-h6vhtk-04a1b2');
    await user.type(within(section).getByLabelText('Contract details notice identifier'), 'ocds-h6vhtk-04a1b2-c1');
    await user.click(within(section).getByRole('button', { name: 'Save the identifiers' }));
    await waitFor(() => expect(hub.procurements.get(REF)!.contractDetailsNoticeId).toBe('ocds-h6vhtk-04a1b2-c1'));
    const notice = await screen.findByLabelText('Contract performance notice text');
    expect((notice as HTMLTextAreaElement).value).toMatch(/^Contracting authority: West Midlands Combined Authority\nProcurement: Depot rebuild\nProcurement identifier: ocds-h6vhtk-04a1b2\n/);
    expect((notice as HTMLTextAreaElement).value).toContain('KPI: GSE-01 local jobs; target: 6 FTE by 31 March 2029; rating: Requires improvement (Performance is below the key performance indicators); delivered 0 of 6 (0 verified)');
    expect(screen.getByRole('button', { name: 'Copy the notice' })).toBeInTheDocument();
  });

  it('shows nothing of section 52 for a contract it does not cover', async () => {
    const hub = setupHub();
    const small = { ...tendering(), contractType: 'services' as const, estimatedValuePence: 30_000_000, tierDecision: tierSnapshot(determineTier({ estimatedValue: 300_000, contractType: 'services', decisionDate: '2026-02-01' })) };
    await hub.data.procurements.saveBundle({ procurement: { ...small, status: 'Awarded', supplier: { name: 'Small Co (fictional)', isSme: true, isVcse: false, isLocal: true }, awardValuePence: 30_000_000, contractStart: '2026-04-01', contractEnd: '2027-03-31' }, commitments: [], actionPlan: [] });
    const listed = jest.spyOn(hub.data.kpiAssessments, 'listForProcurement');
    mount(hub);
    expect(await screen.findByRole('heading', { name: 'Committed and delivered' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Contract management/ })).toBeNull();
    expect(listed).not.toHaveBeenCalled();
  });
});
