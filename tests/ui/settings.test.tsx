import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SETTING_KEYS } from '../../src/domain';
import type { GraphClientLike, GraphRequestLike } from '../../src/teams/posting';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { commitmentFor, determineTier, measureByCode, tierSnapshot } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { memoryHub, memoryStorage, withDelivery } from '../support/memoryHubData';

jest.setTimeout(60_000);

const owner = { displayName: 'Morgan Ellis', email: 'morgan.ellis@svhub.example', canManageSite: true };
const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };

/** Answers the two Graph reads the picker makes, as Graph shapes them. */
function graphWith(teams: { id: string; displayName: string; channels: { id: string; displayName: string }[] }[]): GraphClientLike {
  return {
    api(path: string): GraphRequestLike {
      const request: GraphRequestLike = {
        header: () => request,
        post: () => Promise.reject(new Error('not used')),
        get: async () => {
          if (path === '/me/joinedTeams') return { value: teams.map(({ id, displayName }) => ({ id, displayName })) };
          const team = teams.filter((t) => path === `/teams/${encodeURIComponent(t.id)}/channels`)[0];
          if (!team) throw Object.assign(new Error('Not found'), { statusCode: 404 });
          return { value: team.channels };
        },
      };
      return request;
    },
  };
}

function open(user: HubServices['user'], extra: Partial<HubServices> = {}) {
  const hub = memoryHub({ currentEmail: user.email });
  window.location.hash = '#/settings';
  const services: HubServices = { host: 'teams', siteUrl: 'http://x/sites/socialvalue', user, data: hub.data, drafts: memoryStorage(), ...extra };
  render(<App services={services} theme="light" />);
  return { hub, user: userEvent.setup({ delay: null }) };
}

describe('hub settings', () => {
  it('lets a site owner name the approver and pick the taskforce channel, defaulting to this channel in a channel tab', async () => {
    const graph = graphWith([
      { id: 'team-1', displayName: 'Taskforce team', channels: [{ id: '19:general', displayName: 'General' }, { id: '19:taskforce', displayName: 'Taskforce' }] },
    ]);
    // A channel tab in the taskforce team's Taskforce channel.
    const teams = { hostName: 'Teams', theme: 'light' as const, locale: 'en-GB', teamId: 'team-1', channelId: '19:taskforce' };
    const { hub, user } = open(owner, { graph, teams });
    const channel = await screen.findByLabelText('Taskforce channel');
    await waitFor(() => expect(channel).toHaveValue('19:taskforce'));
    expect(screen.getByRole('option', { name: 'This channel (Taskforce)' })).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Approver of weighting decisions/), 'not an email');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByLabelText(/Approver of weighting decisions/)).toHaveAccessibleDescription(/work email address/);
    expect(hub.settings.get(SETTING_KEYS.approverEmail)).toBeUndefined();

    await user.clear(screen.getByLabelText(/Approver of weighting decisions/));
    await user.type(screen.getByLabelText(/Approver of weighting decisions/), 'daniel.hughes@svhub.example');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(hub.settings.get(SETTING_KEYS.approverEmail)).toBe('daniel.hughes@svhub.example');
    expect(hub.settings.get(SETTING_KEYS.taskforceTeamId)).toBe('team-1');
    expect(hub.settings.get(SETTING_KEYS.taskforceChannelId)).toBe('19:taskforce');
  });

  it('is for site owners only: officers neither see the tab nor can change settings', async () => {
    open(officer);
    expect(await screen.findByText('Only site owners can change the hub’s settings.')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });

  it('lets a site owner rebuild the dashboard figures, which also turns a commitment past its due date Red', async () => {
    const hub = withDelivery(memoryHub({ currentEmail: owner.email }));
    const inDelivery: Procurement = {
      reference: 'WMCA-2025-0007',
      title: 'Depot cleaning',
      authorityId: 'wmca',
      directorate: 'Transport',
      leadOfficer: officer,
      contractType: 'services',
      regime: 'sub-central',
      estimatedValuePence: 30_000_000,
      decisionDate: '2025-02-01',
      durationMonths: 24,
      tierDecision: tierSnapshot(determineTier({ estimatedValue: 300000, contractType: 'services', decisionDate: '2025-02-01' })),
      themeIds: ['healthier-stronger-communities'],
      weighting: { method: 'weighted', percent: 15, justification: 'Volunteering matters here.' },
      status: 'In delivery',
      supplier: { name: 'Tame Valley Facilities Ltd (fictional)', isSme: true, isVcse: false, isLocal: true },
      awardValuePence: 28_000_000,
      contractStart: '2025-04-01',
      contractEnd: '2027-03-31',
    };
    // Stored as Green when it was last touched; its due date has passed since with nothing delivered.
    await hub.data.procurements.saveBundle({
      procurement: inDelivery,
      commitments: [Object.assign(commitmentFor(measureByCode('HSC-01')!, { procurementReference: inDelivery.reference, targetQuantity: 400, dueDate: '2025-12-31' }), { rag: 'Green' as const, verifiedQuantity: 0 })],
    });
    window.location.hash = '#/settings';
    const services: HubServices = { host: 'teams', siteUrl: 'http://x/sites/socialvalue', user: owner, data: hub.data, drafts: memoryStorage() };
    render(<App services={services} theme="light" />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Rebuild dashboard figures' }));
    expect(await screen.findByText(/Rebuilt from 0 outcome logs: \d+ figures checked, \d+ corrected; 1 commitments’ progress recorded; 0 failed\./)).toBeInTheDocument();
    // The at-risk list's source (owners only) and the Commitments list's own column both say Red.
    expect(Array.from(hub.delivery.progress.values())).toEqual([expect.objectContaining({ procurementReference: inDelivery.reference, rag: 'Red', verifiedQuantity: 0 })]);
    expect(hub.delivery.commitments.get(inDelivery.reference)![0]).toMatchObject({ rag: 'Red', verifiedQuantity: 0 });
    expect(hub.delivery.rollups.size).toBeGreaterThan(0);
  });
});

describe('the hub’s site in Settings', () => {
  it('shows a site owner which site holds the lists and that the tenant property chose it', async () => {
    open(owner, { siteUrl: 'https://contoso.example/sites/socialvalue', hubSite: { url: 'https://contoso.example/sites/socialvalue', source: 'tenant' } });
    expect(await screen.findByRole('heading', { name: 'The hub’s site' })).toBeInTheDocument();
    expect(screen.getByText('The hub’s lists are on https://contoso.example/sites/socialvalue')).toBeInTheDocument();
    expect(screen.getByText(/Set for the whole organisation by the tenant property SocialValueHubSiteUrl\./)).toBeInTheDocument();
  });

  it('tells an officer too, and names the web part property when the page set it', async () => {
    open(officer, { hubSite: { url: 'https://contoso.example/sites/region', source: 'web-part' } });
    expect(await screen.findByText('Only site owners can change the hub’s settings.')).toBeInTheDocument();
    expect(screen.getByText('The hub’s lists are on https://contoso.example/sites/region')).toBeInTheDocument();
    expect(screen.getByText(/Set on this page’s web part/)).toBeInTheDocument();
  });

  it('warns when the tenant property is not a site address and the host’s site is used instead', async () => {
    open(owner, { hubSite: { url: 'https://contoso.example', source: 'host', tenantProblem: { kind: 'not-a-site-url', value: 'socialvalue (ask IT)' } } });
    expect(await screen.findByText('The hub’s lists are on https://contoso.example')).toBeInTheDocument();
    expect(screen.getByText(/The site of the page showing the hub/)).toBeInTheDocument();
    expect(screen.getByText(/holds “socialvalue \(ask IT\)”, which is not a site address/)).toBeInTheDocument();
  });
});
