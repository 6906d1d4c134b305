// The hub's opening in one request: who the user is, their rights, whether the lists are there, the settings,
// the threshold tables (with the settings, the policy edition in force), tenant properties and the Procurements
// list's id and size — one $batch instead of a request each. At SharePoint Online's latency every request on the
// way to the first screen is what a person waits for (issue 18).
//
// SharePoint's $batch (Microsoft Learn, "Make batch requests with the REST APIs"): one POST to /_api/$batch carries
// many requests and answers each with its own status, so one part failing (a missing list) does not fail the rest;
// the parts here are reads only. PnPjs's sp.batched() builds it (runBatchParts, ./batch.ts).
import type { SPFI } from '@pnp/sp';
import type { OpeningAnswers, OpeningPages, Page, ProcurementQuery, RegisterPage, SiteUser, Stored } from '../ports';
import type { Procurement, ThresholdRow } from '../../domain';
import { runBatchParts } from './batch';
import type { BatchPart } from './batch';
import { SharePointSettingsRepository, SharePointThresholdRepository } from './libraryRepository';
import { missingLists } from './schemaVersion';
import { PROCUREMENTS_LIST } from '../schema/lists';
import { canAddVerification, canManageWeb, readTenantProperty } from './tenantSettings';
import { SharePointUserDirectory } from './userDirectory';
import { ProcurementReads } from './procurementReads';
import { ApprovalsGateway } from './approvalRepository';
import { listAnswersPastThreshold } from './registerSearch';
import './pnp';

/** The Procurements list's id and size (the register's choice between list and search). */
export interface ListFacts {
  id: string;
  itemCount: number;
}

export interface OpeningRead {
  answers: OpeningAnswers;
  /** absent when the list could not be read (e.g. not provisioned yet) */
  procurementsList?: ListFacts;
}

type Answer =
  | { part: 'user'; value: SiteUser }
  | { part: 'canManageSite'; value: boolean }
  | { part: 'canVerify'; value: boolean }
  | { part: 'missingLists'; value: string[] }
  | { part: 'settings'; value: Record<string, string> }
  | { part: 'thresholds'; value: Stored<ThresholdRow>[] }
  | { part: 'procurementsList'; value: ListFacts }
  | { part: 'tenant'; key: string; value: string | undefined }
  | { part: 'register'; value: { query: ProcurementQuery; page: RegisterPage } }
  | { part: 'approvals'; value: { query: ProcurementQuery; page: Page<Stored<Procurement>> } };

/** Reads everything opening needs in one $batch to the site `sp` points at. Never throws for a part. */
export async function readOpening(sp: SPFI, options: { tenantKeys?: readonly string[]; pages?: OpeningPages; now?: () => number } = {}): Promise<OpeningRead> {
  const now = options.now ?? Date.now;
  const outcomes = await runBatchParts<Answer>(sp, (b) => {
    const part = <A extends Answer>(what: string, run: () => Promise<A>): BatchPart<Answer> => ({ what, run });
    return [
      part('Your user account', async () => ({ part: 'user' as const, value: await new SharePointUserDirectory(b).current() })),
      part('Your permissions on the hub’s site', async () => ({ part: 'canManageSite' as const, value: await canManageWeb(b) })),
      part('Whether you may verify outcomes', async () => ({ part: 'canVerify' as const, value: await canAddVerification(b) })),
      part('The hub’s lists', async () => ({ part: 'missingLists' as const, value: await missingLists(b) })),
      part('Settings', async () => ({ part: 'settings' as const, value: await new SharePointSettingsRepository(b).all() })),
      part('The threshold tables', async () => ({ part: 'thresholds' as const, value: await new SharePointThresholdRepository(b).list() })),
      part('Procurements', async () => {
        const l = await b.web.lists.getByTitle(PROCUREMENTS_LIST.title).select('Id', 'ItemCount')<{ Id: string; ItemCount: number }>();
        return { part: 'procurementsList' as const, value: { id: l.Id, itemCount: l.ItemCount } };
      }),
      ...(options.tenantKeys ?? []).map((key) => part(`The tenant property ${key}`, async () => ({ part: 'tenant' as const, key, value: await readTenantProperty(b, key) }))),
      ...firstPageParts(b, options.pages),
    ];
  });
  const read: OpeningRead = { answers: { readAt: now() } };
  const a = read.answers;
  for (const o of outcomes) {
    if (!o.ok) continue;
    const v = o.value;
    if (v.part === 'user') a.user = v.value;
    else if (v.part === 'canManageSite') a.canManageSite = v.value;
    else if (v.part === 'canVerify') a.canVerify = v.value;
    else if (v.part === 'missingLists') a.missingLists = v.value;
    else if (v.part === 'settings') a.settings = v.value;
    else if (v.part === 'thresholds') a.thresholds = v.value;
    else if (v.part === 'procurementsList') read.procurementsList = v.value;
    else if (v.part === 'register') a.register = v.value;
    else if (v.part === 'approvals') a.approvals = v.value;
    else a.tenant = { ...a.tenant, [v.key]: v.value };
  }
  return read;
}

/**
 * The landing screen's first pages as parts of the batch: the register's when the list answers it at any size (so
 * it needs neither the list's size nor search's list id, which the batch is still reading), and the approver's
 * queue. Each is the repository's own read, on the batch, filtering by the page's user id (OpeningPages).
 */
function firstPageParts(b: SPFI, pages: OpeningPages | undefined): BatchPart<Answer>[] {
  if (!pages) return [];
  // A directory for these parts only: it knows the page's user, so the person filter needs no look-up by e-mail.
  const users = new SharePointUserDirectory(b);
  users.remember({ ...pages.user, displayName: pages.user.email, isSiteAdmin: false });
  const procurements = new ProcurementReads(b, users, new ApprovalsGateway(b));
  const parts: BatchPart<Answer>[] = [];
  const { register, approvals } = pages;
  if (register && !register.pageToken && listAnswersPastThreshold(register)) {
    parts.push({ what: 'Your procurements', run: async () => ({ part: 'register', value: { query: register, page: await procurements.register(register) } }) });
  }
  if (approvals) {
    parts.push({ what: 'What waits for your approval', run: async () => ({ part: 'approvals', value: { query: approvals, page: await procurements.query(approvals) } }) });
  }
  return parts;
}
