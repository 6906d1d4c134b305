import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { DataError } from '../../src/data/ports';
import { SETTING_KEYS } from '../../src/domain';
import { memoryHub, memoryStorage } from '../support/memoryHubData';

jest.setTimeout(60_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };
const manager = { displayName: 'Daniel Hughes', email: 'daniel.hughes@svhub.example' };

function setup(options: { user?: typeof officer; hub?: ReturnType<typeof memoryHub>; storage?: ReturnType<typeof memoryStorage> } = {}) {
  const hub = options.hub ?? memoryHub({ currentEmail: (options.user ?? officer).email });
  hub.settings.set(SETTING_KEYS.approverEmail, manager.email);
  const storage = options.storage ?? memoryStorage();
  const services: HubServices = { host: 'local', siteUrl: 'http://127.0.0.1/sites/socialvalue', user: options.user ?? officer, data: hub.data, drafts: storage };
  const user = userEvent.setup({ delay: null });
  const view = render(<App services={services} theme="light" />);
  return { hub, storage, user, view, services };
}

async function startNew(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'New procurement' }));
  await screen.findByRole('heading', { name: /New procurement/ });
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>, values: { title: string; value: string; type: string; date?: string }): Promise<void> {
  await user.type(screen.getByLabelText(/Procurement title/), values.title);
  await user.type(screen.getByLabelText(/Directorate/), 'Commercial');
  await user.selectOptions(screen.getByLabelText(/Contract type/), values.type);
  await user.type(screen.getByLabelText(/Estimated whole-life value/), values.value);
  if (values.date) {
    const date = screen.getByLabelText(/Decision date/);
    await user.clear(date);
    await user.type(date, values.date);
  }
  await user.type(screen.getByLabelText(/Contract duration/), '24');
}

beforeEach(() => {
  window.location.hash = '';
});

describe('the new procurement guide', () => {
  it('shows each basics error next to its field, in the domain’s words, and stays on the step', async () => {
    const { user, hub } = setup();
    await startNew(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText(/Procurement title/)).toHaveAccessibleDescription(/Enter the title/);
    expect(screen.getByLabelText(/Directorate/)).toHaveAccessibleDescription(/Enter the directorate/);
    expect(screen.getByLabelText(/Contract type/)).toHaveAccessibleDescription(/Choose the contract type/);
    expect(screen.getByLabelText(/Estimated whole-life value/)).toHaveAccessibleDescription(/estimated whole-life value/);
    expect(screen.getByRole('heading', { name: 'Basics' })).toBeInTheDocument();
    expect(hub.writes).toBe(0);
  });

  it('decides an authority’s procurement under its own edition in force on the decision date, and says which', async () => {
    const hub = memoryHub({ currentEmail: officer.email });
    hub.settings.set(
      SETTING_KEYS.authorityEditions,
      JSON.stringify([
        { authorityId: 'coventry', editionId: 'coventry-svp-2026', source: 'Coventry social value policy (test figures)', effectiveFrom: '2026-04-01', lightTouchLimitPence: 7_500_000, weightingMinPercent: 10, weightingMaxPercent: 20 },
      ]),
    );
    const { user } = setup({ hub });
    await startNew(user);
    await user.selectOptions(screen.getByLabelText(/^Authority/), 'coventry');
    await fillBasics(user, { title: 'Community transport', value: '60,000', type: 'services', date: '2026-04-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('note', { name: 'Why this tier' })).toHaveTextContent(/£60,000 is under the £75,000/);
    expect(screen.getByText(/Decided under Coventry City Council’s social value policy \(from 1 April 2026\).*\(edition coventry-svp-2026\)/)).toBeInTheDocument();
    const saved = Array.from(hub.procurements.values())[0];
    expect(saved.tierDecision).toMatchObject({ tier: 'light-touch', policyEditionId: 'coventry-svp-2026' });

    // A day earlier, the regional edition decides it.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    const date = screen.getByLabelText(/Decision date/);
    await user.clear(date);
    await user.type(date, '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/\(edition wmca-svp-2026\)/)).toBeInTheDocument();
    expect(screen.getByText('TOMs considered')).toBeInTheDocument();
  });

  it('refuses a value that is not money, with a reason a person can act on', async () => {
    const { user } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Catering', value: '12.345', type: 'services' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText(/Estimated whole-life value/)).toHaveAccessibleDescription(/penn|pence|decimal/i);
  });

  it('decides the tier with the policy’s reason naming the figures, and saves the draft to the list', async () => {
    const { user, hub } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Facilities management', value: '250,000', type: 'services', date: '2026-03-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('note', { name: 'Why this tier' })).toHaveTextContent(
      '£250,000 is at or above the £207,720 sub-central goods/services threshold in force from 1 January 2026',
    );
    expect(screen.getByText('TOMs included')).toBeInTheDocument();
    const saved = Array.from(hub.procurements.values());
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ title: 'Facilities management', estimatedValuePence: 25_000_000, status: 'Draft' });
    expect(saved[0].tierDecision).toMatchObject({ tier: 'toms-included', thresholdPence: 20_772_000 });
  });

  it('places weighting errors next to their fields and never loses entries going back and forth', async () => {
    const { user } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Bus shelters', value: '120000', type: 'goods', date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' })); // tier
    await user.click(screen.getByRole('button', { name: 'Next' })); // measures
    await user.click(screen.getByRole('button', { name: 'Add the suggested measures' }));
    for (const input of screen.getAllByLabelText(/^Target for /)) await user.type(input, '2');
    await user.click(screen.getByRole('button', { name: 'Next' })); // weighting
    await user.click(screen.getByRole('radio', { name: /Weighted/i }));
    await user.type(screen.getByLabelText(/Weighting \(%\)/), '35');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText(/Weighting \(%\)/)).toHaveAccessibleDescription(/between 5% and 30%/);
    expect(screen.getByLabelText(/^Justification/)).toHaveAccessibleDescription(/reason/i);

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText(/Procurement title/)).toHaveValue('Bus shelters');
    await user.click(screen.getByRole('button', { name: /4\. Weighting/ }));
    expect(screen.getByLabelText(/Weighting \(%\)/)).toHaveValue('35');
  });

  it('survives a reload: the draft comes back at the same step with everything typed', async () => {
    const storage = memoryStorage();
    const hub = memoryHub({ currentEmail: officer.email });
    const first = setup({ storage, hub });
    await startNew(first.user);
    await fillBasics(first.user, { title: 'Tram stop cleaning', value: '80000', type: 'services', date: '2026-02-01' });
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('note', { name: 'Why this tier' });
    const hash = window.location.hash;
    first.view.unmount();

    window.location.hash = hash;
    const second = setup({ storage, hub });
    expect(await screen.findByRole('note', { name: 'Why this tier' })).toHaveTextContent('£80,000');
    await second.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText(/Procurement title/)).toHaveValue('Tram stop cleaning');
  });

  it('when the list refuses a save, says so, keeps the draft in the browser and lets the officer retry', async () => {
    const { user, hub, storage } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Grounds maintenance', value: '60000', type: 'services', date: '2026-02-01' });
    hub.failNextWrite(new DataError('network', 'The hub could not reach SharePoint. Check your connection and try again.'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your draft is kept in this browser');
    expect(alert).toHaveTextContent('could not reach SharePoint');
    expect(hub.procurements.size).toBe(0);
    expect(storage.keys().some((k) => storage.getItem(k)!.includes('Grounds maintenance'))).toBe(true);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(hub.procurements.size).toBe(1));
  });

  it('after a save that landed in part, Try again saves from what landed instead of reporting a conflict', async () => {
    const { user, hub } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Grounds maintenance', value: '60000', type: 'services', date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(hub.procurements.size).toBe(1));
    hub.landNextBundleInPart(new DataError('throttled', 'SharePoint is busy. Try again in a moment.'));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('SharePoint is busy');
    const etagAfterPart = Array.from(hub.procurements.values())[0].etag;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(Array.from(hub.procurements.values())[0].etag).not.toBe(etagAfterPart));
    expect(screen.queryByText(/changed by someone else/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['£5.1m of works, under the works threshold', { value: '5100000', type: 'works' }, /not a public contract under the Procurement Act 2023 and section 52’s KPI duty does not apply|not a public contract under the Procurement Act 2023 and section 52's KPI duty does not apply/],
    ['£6m of services', { value: '6000000', type: 'services' }, /at least 3 key performance indicators must be set and published/],
  ])('names section 52’s KPI duty on the tier step as the law decides it: %s', async (_name, values, text) => {
    const { user } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Big contract', ...values, date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: /Key performance indicators \(Procurement Act 2023, section 52\)/ })).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('asks for an action plan at or above the threshold, then submits for approval naming the approver', async () => {
    const { user, hub } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Depot refurbishment', value: '300000', type: 'services', date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Services at or above the threshold: the Social Value Act 2012 consideration goes on record first.
    expect(screen.getByText(/Public Services \(Social Value\) Act 2012 applies: before the procurement starts/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(/Confirm that social value was considered before the procurement started/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /we considered how this procurement might improve/ }));
    await user.type(screen.getByLabelText(/^How social value was considered/), 'Asked local VCSEs.');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add the suggested measures' }));
    for (const input of screen.getAllByLabelText(/^Target for /)) await user.type(input, '3');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Use the recommendation' }));
    await user.type(screen.getByLabelText(/^Justification/), 'Local employment is central to this contract.');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Action plan' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/action plan/i);
    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(screen.getByLabelText(/^Action 1/), 'Agree the apprenticeship plan with the supplier');
    await user.type(screen.getByLabelText(/^Owner’s email for action 1/), 'grace.okafor@svhub.example');
    await user.type(screen.getByLabelText(/^Due date for action 1/), '2026-09-30');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Submit for approval' }));

    await screen.findByRole('heading', { name: /Depot refurbishment/ });
    const [saved] = Array.from(hub.procurements.values());
    expect(saved).toMatchObject({ status: 'Awaiting approval', approverEmail: manager.email, submittedByEmail: officer.email });
    expect(saved.weighting.method).toBe('weighted');
    expect(hub.actionPlans.get(saved.reference)).toHaveLength(1);
    expect(saved).toMatchObject({ socialValueConsidered: true, socialValueConsideration: 'Asked local VCSEs.' });
    // The officer cannot approve their own procurement.
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.getByText('You cannot approve your own procurement.')).toBeInTheDocument();
  });

  it('saves a £60,000 draft as the officer leaves Basics, with no error about themes not reached yet', async () => {
    const { user, hub } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Library refit', value: '60000', type: 'services', date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('note', { name: 'Why this tier' });
    await waitFor(() => expect(hub.procurements.size).toBe(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/social value theme/)).not.toBeInTheDocument();
    // The rule still holds where it belongs: on the themes step, next to the group.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('group', { name: /^Themes of the policy/ })).toHaveAccessibleDescription(/at least one social value theme/);
  });

  it('names each theme box by its own label: clicking a theme’s words ticks that theme, and no id repeats', async () => {
    const { user } = setup();
    await startNew(user);
    await fillBasics(user, { title: 'Park lighting', value: '90000', type: 'goods', date: '2026-02-01' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const group = screen.getByRole('group', { name: /^Themes of the policy/ });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(6);
    expect(new Set(boxes.map((b) => b.id)).size).toBe(6);
    const environment = within(group).getByRole('checkbox', { name: /^Protecting and Improving our Environment/ });
    await user.click(within(group).getByText('Protecting and Improving our Environment'));
    expect(environment).toBeChecked();
    expect(boxes.filter((b) => (b as HTMLInputElement).checked)).toEqual([environment]);
    const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
