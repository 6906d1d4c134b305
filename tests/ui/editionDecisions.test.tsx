// The guide and the procurement page decide under the edition a site owner saved, not the built-in one.
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CURRENT_POLICY_EDITION, determineTier, tierSnapshot } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { SETTING_KEYS } from '../../src/domain';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { memoryHub, memoryStorage, withLibrary } from '../support/memoryHubData';

jest.setTimeout(60_000);

const owner = { displayName: 'Grace Okafor', email: 'grace.okafor@svhub.example', canManageSite: true };

type User = ReturnType<typeof userEvent.setup>;

/** A provisioned site: the built-in edition's figures and threshold rows in the lists; a site owner signed in. */
function setup() {
  const hub = memoryHub({ currentEmail: owner.email });
  const library = withLibrary(hub);
  hub.settings.set(SETTING_KEYS.approverEmail, 'daniel.hughes@svhub.example');
  hub.settings.set(SETTING_KEYS.policyEdition, CURRENT_POLICY_EDITION.id);
  hub.settings.set(SETTING_KEYS.lightTouchLimitPence, '5000000');
  hub.settings.set(SETTING_KEYS.weightingMinPercent, '5');
  hub.settings.set(SETTING_KEYS.weightingMaxPercent, '30');
  const services: HubServices = { host: 'local', siteUrl: 'http://127.0.0.1/sites/socialvalue', user: owner, data: hub.data, drafts: memoryStorage() };
  const user = userEvent.setup({ delay: null });
  render(<App services={services} theme="light" />);
  return { hub, library, user };
}

async function replace(user: User, field: HTMLElement, value: string): Promise<void> {
  await user.clear(field);
  await user.type(field, value);
}

async function openLibrarySection(user: User, section: string): Promise<void> {
  await user.click(await screen.findByRole('tab', { name: 'Measure library' }));
  await user.click(await screen.findByRole('tab', { name: section }));
}

async function startGuide(user: User, values: { title: string; value: string; date: string }): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'New procurement' }));
  await screen.findByRole('heading', { name: /New procurement/ });
  await user.type(screen.getByLabelText(/Procurement title/), values.title);
  await user.type(screen.getByLabelText(/Directorate/), 'Commercial');
  await user.selectOptions(screen.getByLabelText(/Contract type/), 'services');
  await user.type(screen.getByLabelText(/Estimated whole-life value/), values.value);
  await replace(user, screen.getByLabelText(/Decision date/), values.date);
  await user.type(screen.getByLabelText(/Contract duration/), '24');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

beforeEach(() => {
  window.location.hash = '';
});

describe('the guide under the edition in force', () => {
  it('tiers £250,000 of services against the 2028 table a site owner saved', async () => {
    // Under the built-in edition the 2026 table (£207,720) still applies in 2028: TOMs included.
    const builtIn = determineTier({ estimatedValue: 250000, contractType: 'services', decisionDate: '2028-03-01' }, CURRENT_POLICY_EDITION);
    expect(builtIn.tier).toBe('toms-included');

    const { hub, user } = setup();
    await openLibrarySection(user, 'Threshold tables');
    await user.click(await screen.findByRole('button', { name: 'Add a threshold table' }));
    const form = screen.getByRole('region', { name: 'New threshold table' });
    await user.type(within(form).getByLabelText(/New edition id/), 'wmca-svp-2028');
    await user.type(within(form).getByLabelText(/Takes effect on/), '2028-01-01');
    await user.type(within(form).getByLabelText(/Source of the figures/), 'Threshold Amounts regulations 2027');
    await replace(user, within(within(form).getByRole('group', { name: 'Sub-central' })).getByLabelText(/^Sub-central services/), '260,000');
    await user.click(within(form).getByRole('button', { name: 'Save the table as a new edition' }));
    expect(await screen.findByText(/Saved the table from 1 January 2028 as edition wmca-svp-2028/)).toBeInTheDocument();

    await startGuide(user, { title: 'Facilities management', value: '250,000', date: '2028-03-01' });
    expect(await screen.findByRole('note', { name: 'Why this tier' })).toHaveTextContent(
      '£250,000 is at or above the £50,000 light-touch limit but under the £260,000 sub-central goods/services threshold in force from 1 January 2028',
    );
    expect(screen.getByText('TOMs considered')).toBeInTheDocument();
    const [saved] = Array.from(hub.procurements.values());
    expect(saved.tierDecision).toMatchObject({ tier: 'toms-considered', thresholdPence: 26_000_000, policyEditionId: 'wmca-svp-2028' });
  });

  it('uses the light-touch line and weighting range a site owner saved, in the tier, the checklist and the weighting error', async () => {
    const { hub, user } = setup();
    await openLibrarySection(user, 'Policy figures');
    await user.type(await screen.findByLabelText(/New edition id/), 'wmca-svp-2027');
    await user.type(screen.getByLabelText(/Where the figures come from/), 'Policy review 2027');
    await replace(user, screen.getByLabelText(/Light-touch line/), '60,000');
    await replace(user, screen.getByLabelText(/Lowest weighting/), '10');
    await replace(user, screen.getByLabelText(/Highest weighting/), '25');
    await user.click(screen.getByRole('button', { name: 'Save as a new edition' }));
    expect(await screen.findByText('Saved edition wmca-svp-2027.')).toBeInTheDocument();

    // £55,000 is at or above the built-in £50,000 line, but under the saved £60,000 one.
    await startGuide(user, { title: 'Canal towpath repairs', value: '55,000', date: '2026-12-01' });
    expect(await screen.findByRole('note', { name: 'Why this tier' })).toHaveTextContent('£55,000 is under the £60,000 light-touch limit');
    expect(screen.getByText('Light touch')).toBeInTheDocument();
    await waitFor(() => expect(Array.from(hub.procurements.values())[0]?.tierDecision?.policyEditionId).toBe('wmca-svp-2027'));

    await user.click(screen.getByRole('button', { name: 'Next' })); // themes and measures: none needed under £60,000
    expect(screen.getByText(/Under £60,000 a light set of/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Weighting' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Weighted/i }));
    expect(screen.getByLabelText(/Weighting \(%\) — the policy allows 10% to 25%/)).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Weighting \(%\)/), '28');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText(/Weighting \(%\)/)).toHaveAccessibleDescription(
      'The social value weighting must be between 10% and 25% (the policy range); 28% is outside it.',
    );
  });
});

describe('the procurement page under the edition in force', () => {
  const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };

  /** A site whose saved edition moved the light-touch line to £60,000 (thresholds: the built-in tables). */
  function open(procurement: Procurement) {
    const hub = memoryHub({ currentEmail: officer.email });
    hub.settings.set(SETTING_KEYS.policyEdition, 'wmca-svp-2027');
    hub.settings.set(SETTING_KEYS.lightTouchLimitPence, '6000000');
    // The memory hub stores it before create() first yields, so the page finds it when it opens.
    void hub.data.procurements.create(procurement); // eslint-disable-line no-void
    window.location.hash = `#/procurement/${procurement.reference}`;
    const services: HubServices = { host: 'local', siteUrl: 'http://127.0.0.1/sites/socialvalue', user: officer, data: hub.data, drafts: memoryStorage() };
    render(<App services={services} theme="light" />);
    return userEvent.setup({ delay: null });
  }

  function towpath(patch: Partial<Procurement> = {}): Procurement {
    return {
      reference: 'WMCA-2026-TOW001',
      title: 'Canal towpath repairs',
      authorityId: 'wmca',
      directorate: 'Transport',
      leadOfficer: officer,
      contractType: 'services',
      regime: 'sub-central',
      estimatedValuePence: 5_500_000,
      decisionDate: '2026-12-01',
      durationMonths: 12,
      themeIds: [],
      weighting: { method: 'none' },
      status: 'Draft',
      ...patch,
    };
  }

  it('says when a draft’s tier was worked out under an earlier edition', async () => {
    const decided = determineTier({ estimatedValue: 55000, contractType: 'services', decisionDate: '2026-12-01' }, CURRENT_POLICY_EDITION);
    open(towpath({ tierDecision: tierSnapshot(decided) }));
    expect(
      await screen.findByText(`This tier was worked out under policy edition ${CURRENT_POLICY_EDITION.id}; edition wmca-svp-2027 is now in force.`, { exact: false }),
    ).toBeInTheDocument();
  });

  it('writes the tender pack for the tier the edition in force gives a record without one', async () => {
    // Under the built-in £50,000 line, £55,000 would get the tender section; under £60,000 it is light touch.
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:tender-pack'), revokeObjectURL: jest.fn() });
    try {
      const user = open(towpath());
      await user.click(await screen.findByRole('button', { name: 'Download tender pack' }));
      await waitFor(() => expect(names.length > 0 ? names : screen.queryByRole('alert')?.textContent).toEqual(['WMCA-2026-TOW001 Social value quotation checklist.docx']));
    } finally {
      click.mockRestore();
    }
  });
});
