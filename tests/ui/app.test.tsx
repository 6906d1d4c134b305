// The hub's shell while it opens: the host renders <App/> before its opening $batch has answered, then again with
// the services. A person sees the hub's header and a spinner at once, and the header stays put (no flash) when the
// screens arrive.
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { memoryHub, memoryStorage } from '../support/memoryHubData';

jest.setTimeout(60_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };

describe('the hub while it opens', () => {
  it('shows its header, who is signed in and a spinner before the services, then the register in the same shell', async () => {
    const hub = memoryHub({ currentEmail: officer.email });
    window.location.hash = '';
    const { rerender } = render(<App theme="light" signedInAs={officer.displayName} />);
    const heading = screen.getByRole('heading', { level: 1, name: 'Social Value Hub' });
    expect(screen.getByText('Signed in as Priya Sandhu')).toBeInTheDocument();
    expect(screen.getByText('Loading the hub…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New procurement' })).not.toBeInTheDocument();

    const services: HubServices = { host: 'local', siteUrl: 'http://x/sites/socialvalue', user: officer, data: hub.data, drafts: memoryStorage() };
    rerender(<App services={services} theme="light" signedInAs={officer.displayName} />);
    const register = await screen.findByRole('region', { name: 'My procurements' }, { timeout: 20_000 });
    await waitFor(() => expect(within(register).queryByText('Loading the hub…')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'New procurement' })).toBeEnabled();
    // The same header element: the shell was kept, not rebuilt.
    expect(screen.getByRole('heading', { level: 1, name: 'Social Value Hub' })).toBe(heading);
    expect(screen.queryByText('Loading the hub…')).not.toBeInTheDocument();
  });

  it('shows the nav and the register while the lists check is on its way, and the set-up screen once it says lists are missing', async () => {
    const hub = memoryHub({ currentEmail: officer.email, missingLists: ['Procurements', 'Commitments'] });
    // The check's answer is held back, as the opening's batch would be at SharePoint's latency.
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const missingLists = hub.data.provisioning.missingLists;
    const data = { ...hub.data, provisioning: { ...hub.data.provisioning, missingLists: () => held.then(missingLists) } };
    window.location.hash = '';
    const services: HubServices = { host: 'local', siteUrl: 'http://x/sites/socialvalue', user: { ...officer, canManageSite: true }, data, drafts: memoryStorage() };
    render(<App services={services} theme="light" signedInAs={officer.displayName} />);
    await screen.findByRole('region', { name: 'My procurements' }, { timeout: 20_000 });
    expect(screen.getByRole('button', { name: 'New procurement' })).toBeInTheDocument();
    answer();
    expect(await screen.findByText('The hub’s lists are not on this site yet, or need an update')).toBeInTheDocument();
    expect(screen.getByText(/Missing or out of date: Procurements, Commitments\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Provision the hub’s lists' })).toBeEnabled();
    expect(screen.queryByRole('region', { name: 'My procurements' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New procurement' })).not.toBeInTheDocument();
  });

  it('keeps the register it asked for when the rest of the services arrive with the same data, adding what they allow', async () => {
    const hub = memoryHub({ currentEmail: officer.email });
    let asked = 0;
    const register = hub.data.procurements.register;
    const data = { ...hub.data, procurements: { ...hub.data.procurements, register: (...a: Parameters<typeof register>) => {
      asked++;
      return register(...a);
    } } };
    window.location.hash = '';
    // First what the host page knows (the opening's batch on its way), then the rights the batch answered.
    const frame: HubServices = { host: 'local', siteUrl: 'http://x/sites/socialvalue', user: officer, data, drafts: memoryStorage() };
    const { rerender } = render(<App services={frame} theme="light" signedInAs={officer.displayName} />);
    const region = await screen.findByRole('region', { name: 'My procurements' }, { timeout: 20_000 });
    await waitFor(() => expect(within(region).queryByText('Loading procurements…')).not.toBeInTheDocument());
    expect(screen.queryByRole('tab', { name: 'Settings' })).not.toBeInTheDocument();
    rerender(<App services={{ ...frame, user: { ...officer, canManageSite: true, canVerify: true } }} theme="light" signedInAs={officer.displayName} />);
    expect(await screen.findByRole('tab', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'My procurements' })).toBe(region);
    expect(asked).toBe(1);
  });

  it('says nothing about who is signed in when the host page does not know', () => {
    render(<App theme="dark" />);
    expect(screen.getByText('Loading the hub…')).toBeInTheDocument();
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });
});
