// The Viva Connections card's read: at most three $batch requests, each part one request (a part that needed a
// second would be sent after its batch had gone).
//   1. who the person is, whether the lists are there, the two quarters' rollups (one item per procurement and
//      quarter: a region's 2,000 contracts are one page), the measure library, the logs awaiting verification;
//   2. (the person's site user id now known) what waits for their approval, the live contracts they lead;
//   3. those contracts' commitments and the quarter's logs — for the returns to chase; skipped when they lead none.
// SharePoint's $batch (Microsoft Learn, "Make batch requests with the REST APIs") answers each part on its own;
// a batch over MAX_BATCH_REQUESTS parts is sent as more than one request (runBatchParts), so an officer leading
// more than 50 live contracts costs a fourth. Reads only: a visitor with Read on the lists sees the card too.
import type { SPFI } from '@pnp/sp';
import type { CommitmentWithProgress, Measure, OutcomeLog, Procurement, Rollup } from '../../domain';
import type { Page, SiteUser, Stored, VivaCardRead, VivaCardRequest } from '../ports';
import { runBatchParts } from './batch';
import type { PartOutcome } from './batch';
import { missingLists } from './schemaVersion';
import { SharePointRollupRepository } from './rollupRepository';
import { SharePointMeasureRepository } from './libraryRepository';
import { SharePointCommitmentRepository, SharePointOutcomeLogRepository } from './deliveryRepository';
import { SharePointProcurementRepository } from './procurementRepository';
import { ApprovalsGateway } from './approvalRepository';
import { SharePointUserDirectory } from './userDirectory';
import { canAddVerification } from './tenantSettings';
import './pnp';

/** SharePoint's largest page (the list view threshold): one quarter's rollups for a region in one page. */
const ROLLUP_PAGE = 5000;
/** Enough logs awaiting verification to count a to-do list; past it the card says "more than". */
const REPORTED_PAGE = 500;
/** Live contracts one officer leads that the card chases returns for (two parts each in the third batch). */
const LIVE_PAGE = 200;

interface BatchedReads {
  users: SharePointUserDirectory;
  rollups: SharePointRollupRepository;
  measures: SharePointMeasureRepository;
  commitments: SharePointCommitmentRepository;
  outcomes: SharePointOutcomeLogRepository;
  procurements: SharePointProcurementRepository;
}

/** Repositories over one batched SPFI (nothing is sent until the batch runs). */
function repositoriesOver(b: SPFI, me?: SiteUser): BatchedReads {
  const users = new SharePointUserDirectory(b);
  if (me) users.remember(me);
  const noLibrary = (): Promise<readonly Measure[]> => Promise.resolve([]); // reads never validate
  return {
    users,
    rollups: new SharePointRollupRepository(b),
    measures: new SharePointMeasureRepository(b),
    commitments: new SharePointCommitmentRepository(b, noLibrary),
    outcomes: new SharePointOutcomeLogRepository(b, noLibrary, users),
    procurements: new SharePointProcurementRepository(b, users, new ApprovalsGateway(b), noLibrary),
  };
}

/** The part's value, or its error thrown: the card shows the failure, never a figure made of half the parts. */
function valueOf<T>(outcome: PartOutcome<unknown>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value as T;
}

/** Reads what the card shows. Throws the first part's DataError when any read failed (401/403 included). */
export async function readVivaCard(sp: SPFI, request: VivaCardRequest): Promise<VivaCardRead> {
  // 1. The person, the lists, the figures and the verification queue.
  const first = await runBatchParts<unknown>(sp, (b) => {
    const r = repositoriesOver(b);
    const quarter = (end: string): (() => Promise<Page<Stored<Rollup>>>) => () => r.rollups.query({ periodFrom: end, periodTo: end, pageSize: ROLLUP_PAGE });
    return [
      { what: 'Your user account', run: () => r.users.current() },
      { what: 'The hub’s lists', run: () => missingLists(b) },
      { what: 'The quarter’s figures', run: quarter(request.quarterEnd) },
      { what: 'The previous quarter’s figures', run: quarter(request.previousQuarterEnd) },
      { what: 'The measure library', run: () => r.measures.list() },
      { what: 'Outcomes awaiting verification', run: () => r.outcomes.claimsPage({ verification: 'Reported', pageSize: REPORTED_PAGE }) },
      // A verification is an item added to the Verifications list under the verifier's name: who cannot add one
      // (a visitor, an officer outside the Approvers group) has nothing to verify.
      { what: 'Whether you may verify', run: () => canAddVerification(b) },
    ];
  });
  const user = valueOf<SiteUser>(first[0]);
  const missing = valueOf<string[]>(first[1]);
  const empty: VivaCardRead = { user, missingLists: missing, quarter: [], previousQuarter: [], library: [], reported: [], reportedMore: false, mayVerify: false, awaitingMyApproval: [], myLive: [], commitments: [], quarterLogs: [] };
  // Not provisioned (or out of date): the other parts asked lists that are not there; the card says so.
  if (missing.length > 0) return empty;
  const quarter = valueOf<Page<Stored<Rollup>>>(first[2]);
  const previousQuarter = valueOf<Page<Stored<Rollup>>>(first[3]);
  const reported = valueOf<Page<Stored<OutcomeLog>>>(first[5]);
  const read: VivaCardRead = {
    ...empty,
    quarter: await restOf(sp, quarter, request.quarterEnd),
    previousQuarter: await restOf(sp, previousQuarter, request.previousQuarterEnd),
    library: valueOf<Stored<Measure>[]>(first[4]),
    reported: reported.items,
    reportedMore: !!reported.nextPageToken,
    mayVerify: valueOf<boolean>(first[6]),
  };

  // 2. What is the person's: decisions waiting for them, contracts they lead.
  const second = await runBatchParts<unknown>(sp, (b) => {
    const r = repositoriesOver(b, user);
    return [
      { what: 'Awaiting your approval', run: () => r.procurements.query({ status: 'Awaiting approval', approverEmail: user.email, pageSize: LIVE_PAGE }) },
      { what: 'Your live contracts', run: () => r.procurements.query({ status: ['Awarded', 'In delivery'], leadOfficerEmail: user.email, pageSize: LIVE_PAGE }) },
    ];
  });
  read.awaitingMyApproval = valueOf<Page<Stored<Procurement>>>(second[0]).items;
  read.myLive = valueOf<Page<Stored<Procurement>>>(second[1]).items;
  if (read.myLive.length === 0) return read;

  // 3. Their commitments and the quarter's logs: which returns have not come in.
  const third = await runBatchParts<unknown>(sp, (b) => {
    const r = repositoriesOver(b, user);
    return read.myLive.flatMap((p) => [
      { what: `Commitments of ${p.reference}`, run: () => r.commitments.listForProcurement(p.reference) },
      { what: `The quarter’s outcomes of ${p.reference}`, run: () => r.outcomes.claimsPage({ procurementReference: p.reference, periodEnd: request.quarterEnd, pageSize: REPORTED_PAGE }) },
    ]);
  });
  for (let i = 0; i < third.length; i += 2) {
    read.commitments.push(...valueOf<Stored<CommitmentWithProgress>[]>(third[i]));
    read.quarterLogs.push(...valueOf<Page<Stored<OutcomeLog>>>(third[i + 1]).items);
  }
  return read;
}

/** The rest of a quarter's rollups past the first page (a region beyond 5,000 contracts): a request a page. */
async function restOf(sp: SPFI, first: Page<Stored<Rollup>>, end: string): Promise<Stored<Rollup>[]> {
  const items = first.items.slice();
  let token = first.nextPageToken;
  const rollups = new SharePointRollupRepository(sp);
  while (token) {
    const page = await rollups.query({ periodFrom: end, periodTo: end, pageSize: ROLLUP_PAGE, pageToken: token });
    items.push(...page.items);
    token = page.nextPageToken;
  }
  return items;
}
