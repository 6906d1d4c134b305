import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import JSZip from 'jszip';
import { determineTier, tierSnapshot } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { App } from '../../src/ui/App';
import type { HubServices } from '../../src/ui/services';
import { memoryHub, memoryStorage } from '../support/memoryHubData';

jest.setTimeout(60_000);

const officer = { displayName: 'Priya Sandhu', email: 'priya.sandhu@svhub.example' };
const manager = { displayName: 'Daniel Hughes', email: 'daniel.hughes@svhub.example' };

/** jsdom's Blob has no arrayBuffer(); FileReader reads it as a browser would. */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

function awaiting(): Procurement {
  const tier = determineTier({ estimatedValue: 300000, contractType: 'services', decisionDate: '2026-02-01' });
  return {
    reference: 'WMCA-2026-TEST01',
    title: 'Depot refurbishment',
    authorityId: 'wmca',
    directorate: 'Transport',
    leadOfficer: officer,
    contractType: 'services',
    regime: 'sub-central',
    estimatedValuePence: 30_000_000,
    decisionDate: '2026-02-01',
    durationMonths: 36,
    tierDecision: tierSnapshot(tier),
    themeIds: ['growth-skills-employment'],
    measureTargets: [{ measureCode: 'GSE-01', targetQuantity: 4 }],
    weighting: { method: 'weighted', percent: 15, justification: 'Jobs for local people are central.' },
    status: 'Awaiting approval',
    approverEmail: manager.email,
    submittedByEmail: officer.email,
  };
}

function open(user: typeof officer, procurement: Procurement) {
  const hub = memoryHub({ currentEmail: user.email });
  // The memory hub stores it before create() first yields, so the page finds it when it opens.
  void hub.data.procurements.create(procurement); // eslint-disable-line no-void
  window.location.hash = `#/procurement/${procurement.reference}`;
  const services: HubServices = { host: 'local', siteUrl: 'http://127.0.0.1/sites/socialvalue', user, data: hub.data, drafts: memoryStorage() };
  render(<App services={services} theme="light" />);
  return { hub, user: userEvent.setup({ delay: null }) };
}

describe('the procurement page', () => {
  it('lets the named approver approve, writing back outcome, approver and date as the workflow would', async () => {
    const { hub, user } = open(manager, awaiting());
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(hub.procurements.get('WMCA-2026-TEST01')!.status).toBe('Approved'));
    const saved = hub.procurements.get('WMCA-2026-TEST01')!;
    expect(saved).toMatchObject({ approvalOutcome: 'Approved', approvedByEmail: manager.email });
    expect(Date.parse(saved.approvedAt!)).not.toBeNaN();
    expect(await screen.findByText(/Approved by daniel.hughes@svhub.example/)).toBeInTheDocument();
  });

  it('asks the approver to say why before rejecting', async () => {
    const { hub, user } = open(manager, awaiting());
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say why the decision is rejected');
    expect(hub.procurements.get('WMCA-2026-TEST01')!.status).toBe('Awaiting approval');
    await user.type(screen.getByLabelText(/Comments for the officer/), 'Weighting too low for this market.');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(hub.procurements.get('WMCA-2026-TEST01')!.status).toBe('Rejected'));
    expect(hub.procurements.get('WMCA-2026-TEST01')!.approvalComments).toBe('Weighting too low for this market.');
  });

  it('says "approval not on record" for a status the Approvals list does not back, and offers no way on', async () => {
    // As the data layer reads a procurement whose Status was set to Approved through the REST API.
    open(officer, { ...awaiting(), status: 'Approved', approvalNotOnRecord: 'There is no decision for this round on the Approvals list.' });
    expect(await screen.findByText('Approval not on record')).toBeInTheDocument();
    expect(screen.getByText(/The status says Approved, but the Approvals list holds no decision on record/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start tendering' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeInTheDocument();
  });

  it('offers Start tendering when the approval is on record', async () => {
    open(officer, { ...awaiting(), status: 'Approved', approvalOutcome: 'Approved', approvedByEmail: manager.email, approvedAt: '2026-02-10T10:00:00Z' });
    expect(await screen.findByRole('button', { name: 'Start tendering' })).toBeInTheDocument();
    expect(screen.queryByText('Approval not on record')).not.toBeInTheDocument();
  });

  it('never offers the submitter the approval buttons', async () => {
    open(officer, awaiting());
    expect(await screen.findByText('You cannot approve your own procurement.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('downloads the tender pack as a Word document holding the weighting and the measures', async () => {
    let saved: Blob | undefined;
    const createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:tender-pack';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    // The browser saves the link's file; jsdom would try to navigate to it (and log that it cannot).
    const downloads: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    const { user } = open(officer, awaiting());
    await user.click(await screen.findByRole('button', { name: 'Download tender pack' }));
    await waitFor(() => expect(saved ?? screen.queryByRole('alert')?.textContent).toBeInstanceOf(Blob));
    click.mockRestore();
    // Saved under the procurement's reference, as a Word document.
    expect(downloads).toEqual(['WMCA-2026-TEST01 Social value tender section.docx blob:tender-pack']);
    const zip = await JSZip.loadAsync(await blobBytes(saved!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/15\s*%/);
    expect(text).toContain('GSE-01');
  });
});
