/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs (the supplier return) is a Node/CommonJS package: resolve its dependencies as Node does, as webpack does for the browser build.
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MEASURES, commitmentFor, determineTier, measureByCode, tierSnapshot } from '../../src/domain';
import type { Commitment, Procurement } from '../../src/domain';
import { DataError } from '../../src/data/ports';
import type { Stored } from '../../src/data/ports';
import { ChaseList, DeliverySection, VerificationQueue } from '../../src/ui/delivery';
import { recordOutcome, verifyLog } from '../../src/app';
import { buildSupplierReturn } from '../../src/documents/supplierReturn';
import { periodById } from '../../src/domain';
import { memoryHub, withDelivery } from '../support/memoryHubData';
import { fillReturn } from '../delivery/returnWorkbook';

jest.setTimeout(60_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };
const colleague = { displayName: 'Grace Okafor', email: 'grace.okafor@svhub.example' };
const TODAY = '2026-07-20';
const REF = 'WMCA-2026-0042';

function tendering(): Procurement {
  return {
    reference: REF,
    title: 'Depot refurbishment',
    authorityId: 'wmca',
    directorate: 'Transport',
    leadOfficer: officer,
    contractType: 'services',
    regime: 'sub-central',
    estimatedValuePence: 30_000_000,
    decisionDate: '2026-02-01',
    durationMonths: 24,
    tierDecision: tierSnapshot(determineTier({ estimatedValue: 300000, contractType: 'services', decisionDate: '2026-02-01' })),
    themeIds: ['healthier-stronger-communities'],
    measureTargets: [{ measureCode: 'HSC-01', targetQuantity: 400 }],
    weighting: { method: 'weighted', percent: 15, justification: 'Volunteering matters here.' },
    status: 'Tendering',
  };
}

async function seedInDelivery(hub: ReturnType<typeof setupHub>, more: Commitment[] = []): Promise<void> {
  const p: Procurement = {
    ...tendering(),
    status: 'In delivery',
    supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1BB' },
    awardValuePence: 28_000_000,
    contractStart: '2026-04-01',
    contractEnd: '2028-03-31',
  };
  await hub.data.procurements.saveBundle({
    procurement: p,
    commitments: [
      commitmentFor(measureByCode('HSC-01')!, { procurementReference: REF, targetQuantity: 400, dueDate: '2028-03-31' }),
      commitmentFor(measureByCode('GSE-08')!, { procurementReference: REF, targetQuantity: 6, dueDate: '2026-06-30' }),
      ...more,
    ],
    actionPlan: [{ procurementReference: REF, action: 'Agree the volunteering calendar', ownerEmail: colleague.email, ownerName: colleague.displayName, dueDate: '2026-06-01', status: 'In progress' }],
  });
}

function setupHub() {
  return withDelivery(memoryHub({ currentEmail: officer.email }));
}

/** Mounts the section as the procurement page will: reloading the procurement when it changes. */
function Harness({ hub, user }: { hub: ReturnType<typeof setupHub>; user: typeof officer }): React.ReactElement {
  const [p, setP] = React.useState<Stored<Procurement> | undefined>(hub.procurements.get(REF));
  return (
    <FluentProvider theme={webLightTheme}>
      {p && <p data-testid="status">{p.status}</p>}
      {p && <DeliverySection data={hub.data} user={user} procurement={p} today={TODAY} onChanged={() => setP(hub.procurements.get(REF))} />}
    </FluentProvider>
  );
}

function mount(hub: ReturnType<typeof setupHub>, user = officer) {
  render(<Harness hub={hub} user={user} />);
  return userEvent.setup({ delay: null });
}

describe('recording the award', () => {
  it('shows each problem next to its field and saves nothing until the award is right', async () => {
    const hub = setupHub();
    await hub.data.procurements.create(tendering());
    const user = mount(hub);
    await user.click(await screen.findByRole('button', { name: 'Record award' }));
    expect(screen.getByLabelText(/Supplier name/)).toHaveAccessibleDescription(/Enter the supplier’s name/);
    expect(screen.getByLabelText(/Award value/)).toHaveAccessibleDescription(/Enter the award value/);
    expect(screen.getByLabelText(/Contract start date/)).toHaveAccessibleDescription(/Enter the contract start date/);
    expect(screen.getByText(/The award is not saved yet/)).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Supplier name/), 'Tame Valley Facilities Ltd (fictional)');
    await user.type(screen.getByLabelText(/Supplier postcode/), 'NOT A POSTCODE');
    await user.type(screen.getByLabelText(/Award value/), '12.345');
    await user.type(screen.getByLabelText(/Contract start date/), '2026-04-01');
    await user.type(screen.getByLabelText(/Contract end date/), '2026-03-01');
    const target = screen.getByLabelText(/Target for commitment 1/);
    await user.clear(target);
    await user.type(target, '-3');
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    expect(screen.getByLabelText(/Supplier postcode/)).toHaveAccessibleDescription(/not a UK postcode/);
    expect(screen.getByLabelText(/Award value/)).toHaveAccessibleDescription(/not an amount of money/);
    expect(screen.getByLabelText(/Contract end date/)).toHaveAccessibleDescription(/on or after its start date/);
    expect(screen.getByLabelText(/Target for commitment 1/)).toHaveAccessibleDescription(/cannot be negative/);
    // A target in another unit than the measure's (HSC-01 counts hours) is refused, as an outcome's quantity is.
    await user.clear(target);
    await user.type(target, '40%');
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    expect(screen.getByLabelText(/Target for commitment 1/)).toHaveAccessibleDescription(/The target quantity is counted in hours, not as a percentage \(40%\)/);
    expect(hub.procurements.get(REF)!.status).toBe('Tendering');
    expect(hub.delivery.commitments.size).toBe(0);
  });

  it('saves supplier, value, dates, commitments with the proxy locked and the delivery plan in one bundle', async () => {
    const hub = setupHub();
    await hub.data.procurements.create(tendering());
    const saveBundle = jest.spyOn(hub.data.procurements, 'saveBundle');
    const user = mount(hub);
    await user.type(await screen.findByLabelText(/Supplier name/), 'Tame Valley Facilities Ltd (fictional)');
    await user.click(screen.getByRole('checkbox', { name: /SME/ }));
    await user.click(screen.getByRole('checkbox', { name: /West Midlands/ }));
    await user.type(screen.getByLabelText(/Supplier postcode/), 'B1 1BB');
    await user.type(screen.getByLabelText(/Award value/), '280,000');
    await user.type(screen.getByLabelText(/Contract start date/), '2026-04-01');
    await user.type(screen.getByLabelText(/Contract end date/), '2028-03-31');
    expect(screen.getByLabelText(/Target for commitment 1 \(hours\)/)).toHaveAccessibleDescription(/£16.93 per hour \(SVH 2026\)/);
    // At or above the threshold the action plan is the delivery plan: it needs an owner.
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    expect(screen.getByText(/add at least one action with an owner/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(within(screen.getByRole('group', { name: 'Action 1' })).getByRole('textbox', { name: 'Description of action 1' }), 'Agree the volunteering calendar');
    await user.type(screen.getByLabelText(/Owner’s name for action 1/), colleague.displayName);
    await user.type(screen.getByLabelText(/Owner’s email for action 1/), colleague.email);
    await user.type(screen.getByLabelText(/Due date for action 1/), '2026-06-01');
    await user.click(screen.getByRole('button', { name: 'Record award' }));

    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('Awarded'));
    expect(saveBundle).toHaveBeenCalledTimes(1);
    const saved = hub.procurements.get(REF)!;
    expect(saved).toMatchObject({ status: 'Awarded', awardValuePence: 28_000_000, contractStart: '2026-04-01', contractEnd: '2028-03-31' });
    expect(saved.supplier).toEqual({ name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true, postcode: 'B1 1BB' });
    expect(hub.delivery.commitments.get(REF)).toEqual([
      expect.objectContaining({ measureCode: 'HSC-01', targetQuantity: 400, unit: 'hours', proxyPenceLocked: 1693, proxyEdition: 'SVH 2026', dueDate: '2028-03-31' }),
    ]);
    expect(hub.actionPlans.get(REF)).toEqual([expect.objectContaining({ ownerEmail: colleague.email, status: 'Not started' })]);
    // The dashboard's figures are a site owner's to write (issue 19): the officer's award leaves them alone.
    expect(hub.delivery.rollups.size).toBe(0);
    // The page now tracks delivery.
    expect(await screen.findByRole('table', { name: /Commitments: committed against delivered/ })).toBeInTheDocument();
  });
});

describe('recording the award when SharePoint fails part-way', () => {
  it('says so and saves again on “Try again” without losing what was typed', async () => {
    const hub = setupHub();
    await hub.data.procurements.create({ ...tendering(), tierDecision: tierSnapshot(determineTier({ estimatedValue: 60000, contractType: 'services', decisionDate: '2026-02-01' })) });
    const user = mount(hub);
    await user.type(await screen.findByLabelText(/Supplier name/), 'Small Heath Catering CIC (fictional)');
    await user.click(screen.getByRole('checkbox', { name: /VCSE/ }));
    await user.type(screen.getByLabelText(/Award value/), '58000');
    await user.type(screen.getByLabelText(/Contract start date/), '2026-04-01');
    await user.type(screen.getByLabelText(/Contract end date/), '2027-03-31');
    hub.failNextWrite(new DataError('network', 'The hub could not reach SharePoint. Check your connection and try again.'));
    await user.click(screen.getByRole('button', { name: 'Record award' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not reach SharePoint');
    expect(hub.procurements.get(REF)!.status).toBe('Tendering');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('Awarded'));
    expect(hub.procurements.get(REF)!.supplier).toMatchObject({ name: 'Small Heath Catering CIC (fictional)', isVcse: true });
    expect(hub.delivery.commitments.get(REF)).toHaveLength(1);
  });
});

describe('outcome logs and verification', () => {
  it('keeps the success card’s message id when a celebrated outcome is corrected (never celebrated twice)', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const [hours] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, officer, new Date());
    const verified = await verifyLog(hub.data, hub.delivery.logs[0], colleague, new Date());
    await hub.data.outcomes.update({ ...verified, celebratedMessageId: '1700000000001' });
    const corrected = await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 45, evidenceUrl: 'https://supplier.example/q1-v2' }, officer, new Date());
    expect(corrected).toMatchObject({ corrected: true, previous: expect.objectContaining({ quantity: 40, verification: 'Verified' }) });
    expect(hub.delivery.logs).toEqual([expect.objectContaining({ quantity: 45, verification: 'Reported', celebratedMessageId: '1700000000001' })]);
    // The correction needs verifying again: the verified figure falls back until it is.
    expect(hub.delivery.commitments.get(REF)![0]).toMatchObject({ verifiedQuantity: 0 });
    expect(hub.delivery.rollups.size).toBe(0); // figures wait for a site owner's update
  });

  it('records a quarter’s outcome with its £ from the locked proxy, then treats a second one as a correction', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const user = mount(hub);
    await screen.findByRole('heading', { name: 'Record an outcome' });
    expect(screen.getByLabelText(/Reporting period/)).toHaveDisplayValue(/Q1 2026-27/);
    await user.type(screen.getByLabelText(/Quantity delivered/), 'lots');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(screen.getByLabelText(/Quantity delivered/)).toHaveAccessibleDescription(/"lots" is not a number of hours/);
    expect(screen.getByLabelText(/Evidence link/)).toHaveAccessibleDescription(/Give the evidence/);
    expect(hub.delivery.logs).toHaveLength(0);

    await user.clear(screen.getByLabelText(/Quantity delivered/));
    await user.type(screen.getByLabelText(/Quantity delivered/), '40');
    expect(screen.getByLabelText(/Quantity delivered/)).toHaveAccessibleDescription(/£677.20 \(40 hours × £16.93\)/);
    await user.type(screen.getByLabelText(/Evidence link/), 'https://supplier.example/volunteering/q1');
    await user.type(screen.getByLabelText(/Evidence notes/), '8 staff days with two local groups');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findByText('Recorded: 40 hours of HSC-01 for Q1 2026-27 (April to June 2026), awaiting verification.')).toBeInTheDocument();
    expect(hub.delivery.logs).toEqual([expect.objectContaining({ measureCode: 'HSC-01', periodEnd: '2026-06-30', quantity: 40, proxyPence: 1693, valuePence: 67_720, verification: 'Reported', reportedBy: officer.email })]);
    expect(hub.delivery.rollups.size).toBe(0); // figures wait for a site owner's update

    // The log just made is not one to correct: no warning about it straight after recording.
    // (once the section has read the new log back: its row shows it awaiting verification)
    expect(await screen.findByRole('cell', { name: 'Reported, awaiting verification' })).toBeInTheDocument();
    expect(screen.queryByText(/This will correct the figure already recorded/)).not.toBeInTheDocument();
    // Another figure for the same commitment and quarter: a correction, not a second count.
    await user.type(screen.getByLabelText(/Quantity delivered/), '35');
    expect(await screen.findByText(/This will correct the figure already recorded/)).toBeInTheDocument();
    expect(screen.getByText(/Q1 2026-27 \(April to June 2026\) already has 40 hours of HSC-01/)).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Evidence link/), 'https://supplier.example/volunteering/q1-v2');
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(await screen.findByText(/Corrected: HSC-01 for Q1 2026-27 \(April to June 2026\) is now 35 hours \(it was 40 hours\)/)).toBeInTheDocument();
    expect(hub.delivery.logs).toHaveLength(1);
    expect(hub.delivery.logs[0]).toMatchObject({ quantity: 35, valuePence: 59_255 });
  });

  it('refuses a share above 100% and hours typed as a percentage, next to the field, recording nothing', async () => {
    const hub = setupHub();
    // The contract also commits to GSE-12: the share of its workforce paid the Real Living Wage.
    await seedInDelivery(hub, [commitmentFor(measureByCode('GSE-12')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2028-03-31' })]);
    const user = mount(hub);
    await screen.findByRole('heading', { name: 'Record an outcome' });
    const quantity = () => screen.getByLabelText(/Quantity delivered/);
    // Hours (HSC-01) typed as a percentage: another unit, refused rather than read as 40 hours.
    await user.type(quantity(), '40%');
    await user.type(screen.getByLabelText(/Evidence link/), 'https://supplier.example/e');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(quantity()).toHaveAccessibleDescription(/counted in hours, not as a percentage \(40%\)/);
    const share = hub.delivery.commitments.get(REF)!.find((c) => c.measureCode === 'GSE-12')!;
    await user.selectOptions(screen.getByRole('combobox', { name: /^Commitment/ }), String(share.id));
    await user.clear(quantity());
    await user.type(quantity(), '120');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(quantity()).toHaveAccessibleDescription(/is a percentage, so it cannot be more than 100/);
    expect(hub.delivery.logs).toHaveLength(0);
    // "95%" is a share as typed.
    await user.clear(quantity());
    await user.type(quantity(), '95%');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findByText(/Recorded: 95% of GSE-12/)).toBeInTheDocument();
    expect(hub.delivery.logs).toEqual([expect.objectContaining({ measureCode: 'GSE-12', quantity: 95 })]);
  });

  it('refuses notes with personal details', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const user = mount(hub);
    await user.type(await screen.findByLabelText(/Quantity delivered/), '3');
    await user.type(screen.getByLabelText(/Evidence notes/), 'Volunteer: jo.bloggs@example.com');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(screen.getByLabelText(/Evidence notes/)).toHaveAccessibleDescription(/personal details/);
    expect(hub.delivery.logs).toHaveLength(0);
  });

  it('lets an approver verify (RAG and verified quantity follow; the figures wait for an owner), never the reporter or an officer SharePoint does not let verify', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const [hours] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, officer, new Date());
    await expect(verifyLog(hub.data, hub.delivery.logs[0], officer, new Date())).rejects.toThrow(/cannot verify it/);

    // The reporter sees why there are no buttons.
    const first = render(
      <FluentProvider theme={webLightTheme}>
        <VerificationQueue data={hub.data} user={officer} onOpen={jest.fn()} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/You reported this outcome, so another approver must check the evidence/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Verify/ })).not.toBeInTheDocument();
    first.unmount();

    // Another officer outside the approvers (SharePoint would refuse their verification) reads the evidence only.
    const reader = render(
      <FluentProvider theme={webLightTheme}>
        <VerificationQueue data={hub.data} user={{ ...colleague, canVerify: false }} onOpen={jest.fn()} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/here you can read what waits for them/)).toBeInTheDocument();
    expect(await screen.findByText(/worth £677.20/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Verify|Reject)/ })).not.toBeInTheDocument();
    reader.unmount();

    const onOpen = jest.fn();
    const onVerified = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <VerificationQueue data={hub.data} user={{ ...colleague, canVerify: true }} onOpen={onOpen} onVerified={onVerified} />
      </FluentProvider>,
    );
    const user = userEvent.setup({ delay: null });
    const queue = await screen.findByRole('list', { name: 'Outcomes awaiting verification' });
    expect(within(queue).getByText(/worth £677.20/)).toBeInTheDocument();
    await user.click(within(queue).getByRole('button', { name: /^Reject HSC-01/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Say why the outcome is rejected/);
    await user.click(within(queue).getByRole('button', { name: /^Verify HSC-01/ }));
    expect(await screen.findByText('Nothing is waiting for verification.')).toBeInTheDocument();
    expect(hub.delivery.logs[0]).toMatchObject({ verification: 'Verified', verifiedBy: colleague.email });
    expect(onVerified).toHaveBeenCalledWith(expect.objectContaining({ verification: 'Verified', measureCode: 'HSC-01' }));
    expect(hub.delivery.commitments.get(REF)![0]).toMatchObject({ measureCode: 'HSC-01', verifiedQuantity: 40 });
    expect(hub.delivery.commitments.get(REF)![0].rag).toBeDefined();
    expect(hub.delivery.rollups.size).toBe(0); // figures wait for a site owner's update
  });

  it('lets another officer reject a log on the contract’s page with a reason; a rejected log never counts', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const [hours] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 400, evidenceNotes: 'Supplier says so' }, officer, new Date());
    const user = mount(hub, colleague);
    const logs = await screen.findByRole('table', { name: 'Outcome logs' });
    expect(within(logs).getByText('Reported, awaiting verification')).toBeInTheDocument();
    await user.type(within(logs).getByLabelText(/Reason for rejecting HSC-01/), 'No timesheets behind 400 hours in one quarter; send the volunteering log.');
    await user.click(within(logs).getByRole('button', { name: /^Reject HSC-01/ }));
    await waitFor(() => expect(hub.delivery.logs[0]).toMatchObject({ verification: 'Rejected', verifiedBy: colleague.email }));
    expect(await screen.findByText(/: No timesheets behind 400 hours/)).toBeInTheDocument();
    expect(hub.delivery.rollups.size).toBe(0); // figures wait for a site owner's update
    expect(within(screen.getByRole('table', { name: /Commitments: committed/ })).getByText(/HSC-01: 0 hours of 400 hours delivered/)).toBeInTheDocument();
  });

  it('shows verified delivery apart from what awaits verification, with the RAG reason', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const [hours, apprenticeships] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, officer, new Date());
    await recordOutcome(hub.data, apprenticeships, { periodDate: '2026-06-30', quantity: 2, evidenceNotes: '2 apprenticeships started' }, officer, new Date());
    await verifyLog(hub.data, hub.delivery.logs[1], colleague, new Date());
    mount(hub);
    const table = await screen.findByRole('table', { name: /Commitments: committed against delivered/ });
    expect(within(table).getByText(/HSC-01: 0 hours of 400 hours delivered \(0%\)/)).toBeInTheDocument();
    expect(within(table).getByText('40 hours')).toBeInTheDocument(); // awaiting verification, shown apart
    expect(within(table).getByText(/GSE-08: 2 of 6 delivered \(33.3%\)/)).toBeInTheDocument();
    expect(within(table).getByText(/Overdue: 2 of 6 delivered and the due date, 30 June 2026, has passed/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Delivery plan' })).toHaveTextContent(/Overdue/);
  });
});

describe('the contract', () => {
  it('warns when a measure is logged twice for a period, and moves Awarded → In delivery → Closed as the lifecycle allows', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const p = hub.procurements.get(REF)!;
    hub.procurements.set(REF, { ...p, status: 'Awarded' });
    const [hours] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, officer, new Date());
    // A stray second log for the same period (e.g. migrated from a spreadsheet) would count twice.
    hub.delivery.logs.push({ ...hub.delivery.logs[0], id: 9999, etag: '1' });
    const user = mount(hub);
    expect(await screen.findByText(/HSC-01 has 2 logs for Q1 2026-27/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Record award/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start delivery' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('In delivery'));
    await user.click(await screen.findByRole('button', { name: 'Close the contract' }));
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('Closed'));
    // A closed contract takes no new outcomes.
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Record an outcome' })).not.toBeInTheDocument());
  });
});

describe('the delivery plan', () => {
  it('flags an overdue action and lets the officer change its owner and status', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const user = mount(hub);
    const plan = await screen.findByRole('table', { name: 'Delivery plan' });
    expect(plan).toHaveTextContent(/Agree the volunteering calendar.*Grace Okafor.*1 June 2026 Overdue.*In progress/);
    await user.click(within(plan).getByRole('button', { name: 'Change owner or status of “Agree the volunteering calendar”' }));
    await user.clear(within(plan).getByLabelText('Owner’s email'));
    await user.click(within(plan).getByRole('button', { name: 'Save action' }));
    expect(within(plan).getByLabelText('Owner’s email')).toHaveAccessibleDescription(/Choose who owns this action/);
    await user.type(within(plan).getByLabelText('Owner’s email'), 'tom.whitehouse@svhub.example');
    await user.clear(within(plan).getByLabelText('Owner’s name'));
    await user.type(within(plan).getByLabelText('Owner’s name'), 'Tom Whitehouse');
    await user.selectOptions(within(plan).getByLabelText('Status'), 'Done');
    await user.click(within(plan).getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(hub.actionPlans.get(REF)![0]).toMatchObject({ ownerEmail: 'tom.whitehouse@svhub.example', ownerName: 'Tom Whitehouse', status: 'Done' }));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Delivery plan' })).not.toHaveTextContent('Overdue'));
  });
});

describe('supplier returns', () => {
  it('shows each bad row’s problem and records nothing; a good return is recorded after confirming', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const [hours] = hub.delivery.commitments.get(REF)!;
    await recordOutcome(hub.data, hours, { periodDate: '2026-06-30', quantity: 40, evidenceUrl: 'https://supplier.example/q1' }, officer, new Date());
    const blank = await buildSupplierReturn({ reference: REF, title: 'Depot refurbishment', supplierName: 'Tame Valley', period: periodById('2026-27 Q1'), commitments: hub.delivery.commitments.get(REF)!, library: MEASURES });
    const bad = await fillReturn(blank, { attest: 'Yes', rows: { 'HSC-01': [12, 'https://supplier.example/e'], 'GSE-08': ['two'] }, extraRows: [['XYZ-01', 'Made up', 'hours', 1, 5]] });
    const user = mount(hub);
    await screen.findByRole('heading', { name: 'Supplier returns' });
    expect(screen.getByLabelText(/Quarter of the return/)).toHaveDisplayValue(/Q2 2026-27/);
    await user.selectOptions(screen.getByLabelText(/Quarter of the return/), '2026-27 Q1');
    await user.upload(screen.getByLabelText(/Import a filled return/), new File([bad], 'return.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    expect(await screen.findByText('Nothing can be imported from this return')).toBeInTheDocument();
    const rows = screen.getByRole('table', { name: /Rows of the supplier’s return/ });
    expect(rows).toHaveTextContent(/HSC-01.*already reported for 2026-27 Q1/);
    expect(rows).toHaveTextContent(/"two" is not a number of count/);
    expect(rows).toHaveTextContent(/XYZ-01.*not in the measure library/);
    expect(screen.queryByRole('button', { name: /Confirm and record/ })).not.toBeInTheDocument();
    expect(hub.delivery.logs).toHaveLength(1);
    // The officer can send the supplier their workbook back with the problems beside each row.
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      saved.push(b);
      return 'blob:problems';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Download the problems for the supplier' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(click.mock.instances[0]).toMatchObject({ download: 'Social value return WMCA-2026-0042 2026-27 Q1 - problems to correct.xlsx' });
    click.mockRestore();

    const good = await fillReturn(blank, { attest: 'Yes', rows: { 'GSE-08': [3, undefined, '3 apprenticeships started, contracts on file'] } });
    await user.upload(screen.getByLabelText(/Import a filled return/), new File([good], 'return.xlsx'));
    await user.click(await screen.findByRole('button', { name: 'Confirm and record 1 figure' }));
    expect(await screen.findByText(/1 figure recorded from the supplier’s return, awaiting verification/)).toBeInTheDocument();
    expect(hub.delivery.logs).toHaveLength(2);
    expect(hub.delivery.logs[1]).toMatchObject({ measureCode: 'GSE-08', quantity: 3, verification: 'Reported', periodEnd: '2026-06-30' });
  });

  it('finishes a return that failed part-way when confirmed again, with no figure counted twice', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const blank = await buildSupplierReturn({ reference: REF, title: 'Depot refurbishment', supplierName: 'Tame Valley', period: periodById('2026-27 Q1'), commitments: hub.delivery.commitments.get(REF)!, library: MEASURES });
    const good = await fillReturn(blank, { attest: 'Yes', rows: { 'HSC-01': [12, 'https://supplier.example/e'], 'GSE-08': [3, undefined, '3 started'] } });
    // SharePoint has no transaction across items: the second write fails once (the network dropped).
    const record = hub.data.outcomes.record;
    let calls = 0;
    hub.data.outcomes.record = async (log) => {
      calls++;
      if (calls === 2) throw new DataError('network', 'The connection to SharePoint dropped.');
      return record(log);
    };
    const user = mount(hub);
    await screen.findByRole('heading', { name: 'Supplier returns' });
    await user.selectOptions(screen.getByLabelText(/Quarter of the return/), '2026-27 Q1');
    await user.upload(screen.getByLabelText(/Import a filled return/), new File([good], 'return.xlsx'));
    await user.click(await screen.findByRole('button', { name: 'Confirm and record 2 figures' }));
    expect(await screen.findByText('The return could not be handled')).toBeInTheDocument();
    expect(hub.delivery.logs).toHaveLength(1);
    // The checked return stays on screen: confirming again records the rest; the first figure is the same log.
    await user.click(screen.getByRole('button', { name: 'Confirm and record 2 figures' }));
    expect(await screen.findByText(/2 figures recorded from the supplier’s return/)).toBeInTheDocument();
    expect(hub.delivery.logs.map((l) => [l.measureCode, l.quantity]).sort()).toEqual([['GSE-08', 3], ['HSC-01', 12]]);
  });

  it('records none of a return’s good rows while one row is refused (a share above 100%)', async () => {
    const hub = setupHub();
    await seedInDelivery(hub, [commitmentFor(measureByCode('GSE-12')!, { procurementReference: REF, targetQuantity: 100, dueDate: '2028-03-31' })]);
    const blank = await buildSupplierReturn({ reference: REF, title: 'Depot refurbishment', supplierName: 'Tame Valley', period: periodById('2026-27 Q1'), commitments: hub.delivery.commitments.get(REF)!, library: MEASURES });
    const oneBad = await fillReturn(blank, { attest: 'Yes', rows: { 'HSC-01': [12, 'https://supplier.example/e'], 'GSE-08': [3, undefined, '3 started'], 'GSE-12': [120, 'https://supplier.example/payroll'] } });
    const user = mount(hub);
    await screen.findByRole('heading', { name: 'Supplier returns' });
    await user.selectOptions(screen.getByLabelText(/Quarter of the return/), '2026-27 Q1');
    await user.upload(screen.getByLabelText(/Import a filled return/), new File([oneBad], 'return.xlsx'));
    expect(await screen.findByText('Nothing can be imported from this return')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /Rows of the supplier’s return/ })).toHaveTextContent(/GSE-12.*is a percentage, so it cannot be more than 100/);
    expect(screen.queryByRole('button', { name: /Confirm and record/ })).not.toBeInTheDocument();
    expect(hub.delivery.logs).toHaveLength(0);
  });
});

describe('the chase list', () => {
  it('lists the missing return, the overdue commitment and the overdue action, overdue first', async () => {
    const hub = setupHub();
    await seedInDelivery(hub);
    const onOpen = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <ChaseList data={hub.data} onOpen={onOpen} today="2026-08-05" />
      </FluentProvider>,
    );
    const table = await screen.findByRole('table', { name: 'To chase this month' });
    expect(table).toHaveTextContent(/Return for Q1 2026-27.*2 of 2 measures not reported/);
    expect(table).toHaveTextContent(/Overdue: it was due by 30 July 2026/);
    expect(table).toHaveTextContent(/Commitment GSE-08: 0 of 6 delivered/);
    expect(table).toHaveTextContent(/Action: Agree the volunteering calendar/);
    expect(table).toHaveTextContent(colleague.email);
    await userEvent.setup({ delay: null }).click(within(table).getAllByRole('button', { name: REF })[0]);
    expect(onOpen).toHaveBeenCalledWith(REF);
  });
});
