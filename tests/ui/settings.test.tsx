import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SETTING_KEYS } from '../../src/data/ports';
import type { GraphClientLike, GraphRequestLike } from '../../src/teams/posting';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { memoryHub, memoryStorage } from '../support/memoryHubData';

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
});
