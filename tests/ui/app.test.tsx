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

  it('says nothing about who is signed in when the host page does not know', () => {
    render(<App theme="dark" />);
    expect(screen.getByText('Loading the hub…')).toBeInTheDocument();
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });
});
