import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { determineTier, tierSnapshot } from '../../src/domain';
import type { ContractType, Procurement } from '../../src/domain';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { memoryHub, memoryStorage } from '../support/memoryHubData';

jest.setTimeout(60_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };
const colleague = { displayName: 'Tom Whitehouse', email: 'tom.whitehouse@svhub.example' };

function procurement(n: number, lead: typeof officer, pounds: number, contractType: ContractType = 'services'): Procurement {
  const tier = determineTier({ estimatedValue: pounds, contractType, decisionDate: '2026-02-01' });
  return {
    reference: `WMCA-2026-${String(n).padStart(4, '0')}`,
    title: n === 7 ? "O'Neil & Sons catering" : `Procurement number ${n}`,
    authorityId: n % 2 ? 'wmca' : 'coventry',
    directorate: 'Commercial',
    leadOfficer: lead,
    contractType,
    regime: 'sub-central',
    estimatedValuePence: pounds * 100,
    decisionDate: '2026-02-01',
    durationMonths: 12,
    tierDecision: tierSnapshot(tier),
    themeIds: ['growth-skills-employment'],
    weighting: { method: 'weighted', percent: 10, justification: 'x' },
    status: n % 3 ? 'Draft' : 'Awaiting approval',
  };
}

async function setup() {
  const hub = memoryHub({ currentEmail: officer.email });
  for (let n = 1; n <= 40; n++) await hub.data.procurements.create(procurement(n, n <= 30 ? officer : colleague, 10_000 * n));
  window.location.hash = '';
  const services: HubServices = { host: 'local', siteUrl: 'http://x/sites/socialvalue', user: officer, data: hub.data, drafts: memoryStorage() };
  render(<App services={services} theme="light" />);
  // As a person does: the register's table is there before anything is pressed (and the set-up check's answer
  // lands while the test waits, not between its steps).
  await screen.findByRole('table');
  return { hub, user: userEvent.setup({ delay: null }) };
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('the procurement register', () => {
  it('shows my procurements a page at a time, with value in £ and the tier and weighting', async () => {
    const { user } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByRole('table')).toHaveTextContent('£');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.queryByText(/Tom Whitehouse/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(rows()).toHaveLength(25));
  });

  it('filters all procurements by status, tier, lead officer and text (quotes and ampersands included)', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('tab', { name: 'All procurements' }));
    await screen.findByRole('heading', { name: 'All procurements' });
    await user.selectOptions(screen.getByLabelText('Status'), 'Awaiting approval');
    await waitFor(() => expect(rows()).toHaveLength(13));
    await user.selectOptions(screen.getByLabelText('Tier'), 'toms-included');
    await waitFor(() => rows().forEach((r) => expect(r).toHaveTextContent('TOMs included')));
    await user.selectOptions(screen.getByLabelText('Status'), '');
    await user.selectOptions(screen.getByLabelText('Tier'), '');
    await user.type(screen.getByLabelText('Lead officer (email)'), colleague.email);
    await waitFor(() => expect(rows()).toHaveLength(10));
    await user.clear(screen.getByLabelText('Lead officer (email)'));
    await user.type(screen.getByLabelText('Search reference or title'), "O'Neil & Sons");
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("O'Neil & Sons catering");
  });

  it('searches what is typed as text — quotes, wildcards, KQL and OData, 300 characters — keeping it in the box, with no error', async () => {
    const { hub, user } = await setup();
    const asked: (string | undefined)[] = [];
    const register = hub.data.procurements.register;
    // The data layer says which engine answered; past 5,000 items that is SharePoint Search (tests/data/registerScale).
    hub.data.procurements.register = async (q) => {
      asked.push(q.text);
      return { ...(await register(q)), source: q.text ? 'search' : 'list' };
    };
    await user.click(screen.getByRole('tab', { name: 'All procurements' }));
    await screen.findByRole('heading', { name: 'All procurements' });
    const box = screen.getByLabelText('Search reference or title');
    const hostile = ['"WMCA-2026-0007"', '*', 'Title:x OR ID gt 0', "') or 1 eq 1 or ('", 'NOT "contract" AND -x', 'x'.repeat(300)];
    for (const text of hostile) {
      await user.clear(box);
      await user.click(box);
      await user.paste(text);
      expect(box).toHaveValue(text);
      await waitFor(() => expect(asked[asked.length - 1]).toBe(text));
      await waitFor(() => expect(screen.getByText('No procurements match these filters.')).toBeInTheDocument());
      expect(screen.queryByText('The register could not be loaded')).not.toBeInTheDocument();
      expect(screen.getByText(/Found with SharePoint search: a procurement added or changed in the last few minutes may not appear here yet\./)).toBeInTheDocument();
    }
    await user.clear(box);
    await user.click(box);
    await user.paste("O'Neil & Sons");
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.clear(box);
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.queryByText(/Found with SharePoint search/)).not.toBeInTheDocument();
  });

  it('sorts by value when the column header is pressed, and opens a procurement', async () => {
    const { user } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(25));
    await user.click(screen.getByRole('columnheader', { name: /Value/ }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('WMCA-2026-0001'));
    await user.click(screen.getByRole('columnheader', { name: /Value/ }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('WMCA-2026-0030'));
    await user.click(within(rows()[0]).getByRole('link', { name: 'WMCA-2026-0030' }));
    expect(await screen.findByRole('heading', { name: /WMCA-2026-0030/ })).toBeInTheDocument();
  });

  it('sorts from "Sort by" too (a phone\'s stacked cards show no column headings), and it follows the headings', async () => {
    const { user } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(25));
    const sortBy = screen.getByLabelText('Sort by') as HTMLSelectElement;
    expect(sortBy.selectedOptions[0].textContent).toBe('Newest first');
    await user.selectOptions(sortBy, screen.getByRole('option', { name: 'Value (inc. VAT) (highest first)' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('WMCA-2026-0030'));
    expect(screen.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('columnheader', { name: /Reference/ }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('WMCA-2026-0001'));
    expect(sortBy.selectedOptions[0].textContent).toBe('Reference (A to Z)');
  });

  it('gives an approver their queue, with its count, as the first thing they see; an officer has none', async () => {
    const manager = { displayName: 'Daniel Hughes', email: 'daniel.hughes@svhub.example' };
    const hub = memoryHub({ currentEmail: manager.email });
    for (let n = 1; n <= 6; n++) {
      await hub.data.procurements.create({ ...procurement(n, officer, 60_000), ...(n <= 3 ? { status: 'Awaiting approval' as const, approverEmail: n < 3 ? manager.email : colleague.email } : {}) });
    }
    window.location.hash = '';
    const services: HubServices = { host: 'local', siteUrl: 'http://x/sites/socialvalue', user: manager, data: hub.data, drafts: memoryStorage() };
    const view = render(<App services={services} theme="light" />);
    expect(await screen.findByRole('heading', { name: 'Awaiting my approval' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Awaiting my approval (2)', selected: true })).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(expect.arrayContaining(['WMCA-2026-0001', 'WMCA-2026-0002']));
    view.unmount();

    // The officer leads them all but approves none: no queue, and they land on their own procurements.
    window.location.hash = '';
    render(<App services={{ ...services, user: officer }} theme="light" />);
    expect(await screen.findByRole('heading', { name: 'My procurements' })).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(screen.queryByRole('tab', { name: /Awaiting my approval/ })).not.toBeInTheDocument();
  });

  it('offers "New procurement" as a button that Tab reaches, not as a view among the tabs', async () => {
    const { user } = await setup();
    await waitFor(() => expect(rows()).toHaveLength(25));
    const button = screen.getByRole('button', { name: 'New procurement' });
    expect(screen.queryByRole('tab', { name: 'New procurement' })).not.toBeInTheDocument();
    for (let i = 0; i < 3 && document.activeElement !== button; i++) await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /New procurement/ })).toBeInTheDocument();
  });
});
