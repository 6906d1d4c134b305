// The data layer as the UI, the cards and the local runtime see it: interfaces in the policy's words,
// domain objects in and out, no PnPjs. The SharePoint adapter (./sharepoint) implements them; tests or
// screens may hand in anything else that does.
import type {
  ActionPlanItem,
  ApprovalOutcome,
  CaseStudy,
  Commitment,
  CommitmentWithProgress,
  IsoDate,
  Measure,
  OutcomeLog,
  Procurement,
  ProcurementStatus,
  Rag,
  RecordedKpiAssessment,
  RecordedProgress,
  Rollup,
  ThemeId,
  ThresholdRow,
  Tier,
  VerificationStatus,
} from '../domain';
import type { DataError } from './errors';
import type { TaskforcePostKind, TaskforcePostStatus } from './schema/vocabulary';

export { ConflictError, DataError, ValidationError, isDataError } from './errors';
export type { DataErrorKind } from './errors';
export type { TaskforcePostKind, TaskforcePostStatus } from './schema/vocabulary';
export { TASKFORCE_POST_KINDS, TASKFORCE_POST_STATUSES } from './schema/vocabulary';

/** A record as stored: its list item id and the ETag an update must send back. */
export type Stored<T> = T & {
  id: number;
  /** Opaque; pass it back unchanged. A stale one makes the update fail with ConflictError. */
  etag: string;
  /** ISO date-time of the last change (SharePoint's Modified). */
  modified?: string;
};

/** One page of a query. Pass `nextPageToken` back as `pageToken` (same filters and sort) for the next page. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export interface PageRequest {
  /** 1–500; defaults to 50. */
  pageSize?: number;
  pageToken?: string;
}

// ---- Procurements ------------------------------------------------------------------------------

/**
 * 'newest' (the default) walks the list by ID, the only order SharePoint allows over more than 5,000
 * items without a filter; the others sort on indexed columns and need a filter once the list is that big.
 */
export type ProcurementSortKey = 'newest' | 'modified' | 'reference' | 'title' | 'estimatedValue' | 'decisionDate';

export interface ProcurementQuery extends PageRequest {
  status?: ProcurementStatus | readonly ProcurementStatus[];
  tier?: Tier;
  authorityId?: string;
  themeId?: ThemeId;
  leadOfficerEmail?: string;
  approverEmail?: string;
  /** Matches the start of the reference, or anywhere in the title. */
  text?: string;
  sort?: { by: ProcurementSortKey; descending?: boolean };
}

/** A row of the register: what its columns show. */
export type RegisterEntry = Pick<Procurement, 'reference' | 'title' | 'authorityId' | 'estimatedValuePence' | 'weighting' | 'status'> & {
  id: number;
  tier?: Tier;
};

/**
 * A page of the register. `source` says who answered: the list itself (always current), or SharePoint Search,
 * which a list past 5,000 items needs for words, themes and broad filters — and which shows a change only once
 * the crawl has picked it up (usually within minutes).
 */
export interface RegisterPage extends Page<RegisterEntry> {
  source: 'list' | 'search';
}

/** A procurement with what is written with it (the wizard's save, the award). */
export interface ProcurementBundle {
  procurement: Procurement;
  /** When given, the procurement's commitments become exactly these (missing ones are deleted). */
  commitments?: readonly Commitment[];
  /** When given, the procurement's action plan becomes exactly these (missing ones are deleted). */
  actionPlan?: readonly ActionPlanItem[];
}

export interface WriteFailure {
  /** 'procurement', 'commitment GSE-01', 'action "Publish the plan"'. */
  what: string;
  error: DataError;
}

/**
 * The outcome of a multi-part write. SharePoint batches are not transactional: some parts may land
 * while others fail. Calling the same save again completes the set without duplicating what landed.
 */
export interface BundleSaveResult {
  ok: boolean;
  /**
   * The procurement as the list holds it now, with its current ETag — also when parts failed, so saving
   * again (which completes the set) is not mistaken for someone else's edit. Undefined only when a new
   * procurement could not be created.
   */
  procurement?: Stored<Procurement>;
  commitments: Stored<Commitment>[];
  actionPlan: Stored<ActionPlanItem>[];
  /** Descriptions of the parts written ("created procurement WMCA-2026-0001", …). */
  written: string[];
  failed: WriteFailure[];
}

/** What the dashboard needs of an awarded procurement: who won, for how much, from when. */
export type AwardSummary = Pick<Procurement, 'reference' | 'title' | 'authorityId' | 'decisionDate' | 'status'> &
  Partial<Pick<Procurement, 'supplier' | 'awardValuePence' | 'contractStart'>>;

export interface ProcurementRepository {
  get(reference: string): Promise<Stored<Procurement> | undefined>;
  getById(id: number): Promise<Stored<Procurement> | undefined>;
  query(query?: ProcurementQuery): Promise<Page<Stored<Procurement>>>;
  /**
   * The register's page: any filter, words and sort, at any size of list — the list answers what SharePoint lets
   * it answer past 5,000 items, SharePoint Search the rest (src/data/README.md, "The register at scale").
   */
  register(query: ProcurementQuery): Promise<RegisterPage>;
  /** The award facts of the procurements in one status (an indexed filter), only those columns: for the dashboard. */
  awards(query: PageRequest & { status: ProcurementStatus; authorityId?: string }): Promise<Page<AwardSummary>>;
  /**
   * Stores a new procurement as given; refuses a reference that exists (DataError 'duplicate'). The
   * repositories persist and check values and the schema; the lifecycle (which status, which approval
   * round) is applied before, once, by the workflows in src/app with the domain's officerEdit.
   */
  create(procurement: Procurement): Promise<Stored<Procurement>>;
  /**
   * Saves changes with the ETag the record was read with; ConflictError when someone else saved first.
   */
  update(procurement: Stored<Procurement>): Promise<Stored<Procurement>>;
  /** The procurement with its commitments and action plan, in one batch (create or update by reference). */
  saveBundle(bundle: ProcurementBundle): Promise<BundleSaveResult>;
  /** Status history from the item's versions, oldest first. */
  statusHistory(id: number): Promise<{ status: ProcurementStatus; at: string; byEmail?: string; byName?: string }[]>;
}

// ---- Approvals ---------------------------------------------------------------------------------

export interface ApprovalDecision {
  procurementReference: string;
  round: number;
  outcome: ApprovalOutcome;
  decidedByEmail: string;
  decidedByName?: string;
  decidedAt: string;
  comments?: string;
  /** Who SharePoint says wrote the decision (its Author), on read: what the hub judges it by (domain approvalRecord). */
  writtenByEmail?: string;
}

/** Written by approvers and the approval workflow only (list permissions enforce it). */
export interface ApprovalRepository {
  /** The decision on the procurement's given round (or its latest decision). */
  decisionFor(procurementReference: string, round?: number): Promise<ApprovalDecision | undefined>;
  /** Records a decision once per round (a second one for the same round is refused as 'duplicate'). */
  record(decision: ApprovalDecision): Promise<ApprovalDecision>;
}

// ---- Commitments, outcomes, action plan --------------------------------------------------------

export interface CommitmentQuery extends PageRequest {
  procurementReference?: string;
  rag?: Rag | readonly Rag[];
  /** Due on or before this date. */
  dueBy?: IsoDate;
}

export interface CommitmentRepository {
  listForProcurement(procurementReference: string): Promise<Stored<CommitmentWithProgress>[]>;
  query(query: CommitmentQuery): Promise<Page<Stored<CommitmentWithProgress>>>;
  update(commitment: Stored<CommitmentWithProgress>): Promise<Stored<CommitmentWithProgress>>;
}

/** Without filters, logs come in ID order (the rollup rebuild walks every log this way, past 5,000). */
export interface OutcomeLogQuery extends PageRequest {
  procurementReference?: string;
  verification?: VerificationStatus;
  periodEnd?: IsoDate;
  periodFrom?: IsoDate;
  periodTo?: IsoDate;
  measureCode?: string;
}

export interface OutcomeLogRepository {
  /**
   * One log per commitment per period: a second record for the same procurement, measure and period
   * corrects the first (same item, new version) instead of counting twice, keeping its card's message id.
   */
  record(log: OutcomeLog): Promise<{ log: Stored<OutcomeLog>; corrected: boolean }>;
  get(id: number): Promise<Stored<OutcomeLog> | undefined>;
  query(query: OutcomeLogQuery): Promise<Page<Stored<OutcomeLog>>>;
  /** Verification, rejection, celebration: saved with the ETag it was read with. */
  update(log: Stored<OutcomeLog>): Promise<Stored<OutcomeLog>>;
}

export interface ActionPlanQuery extends PageRequest {
  procurementReference?: string;
  /** Not done and due before this date. */
  overdueOn?: IsoDate;
}

export interface ActionPlanRepository {
  listForProcurement(procurementReference: string): Promise<Stored<ActionPlanItem>[]>;
  query(query: ActionPlanQuery): Promise<Page<Stored<ActionPlanItem>>>;
  update(item: Stored<ActionPlanItem>): Promise<Stored<ActionPlanItem>>;
}

// ---- Case studies, library, thresholds, settings -----------------------------------------------

export interface CaseStudyQuery extends PageRequest {
  themeId?: ThemeId;
  published?: boolean;
  procurementReference?: string;
}

/** Assessments of a contract's KPIs (Procurement Act 2023 section 71). */
export interface KpiAssessmentRepository {
  /** Records a rating for a KPI and period; the same KPI and period again replaces its rating (a correction). */
  save(assessment: RecordedKpiAssessment): Promise<Stored<RecordedKpiAssessment>>;
  /** A contract's assessments, the latest period first. */
  listForProcurement(reference: string): Promise<Stored<RecordedKpiAssessment>[]>;
}

export interface CaseStudyRepository {
  create(caseStudy: CaseStudy): Promise<Stored<CaseStudy>>;
  get(id: number): Promise<Stored<CaseStudy> | undefined>;
  update(caseStudy: Stored<CaseStudy>): Promise<Stored<CaseStudy>>;
  query(query: CaseStudyQuery): Promise<Page<Stored<CaseStudy>>>;
}

export interface MeasureRepository {
  /** The whole library (a few hundred measures at most), ordered by code. */
  list(options?: { activeOnly?: boolean }): Promise<Stored<Measure>[]>;
  getByCode(code: string): Promise<Stored<Measure> | undefined>;
  /** Creates, or updates the measure with the same code. */
  save(measure: Measure): Promise<Stored<Measure>>;
}

export interface ThresholdRepository {
  list(): Promise<Stored<ThresholdRow>[]>;
  /** Creates, or updates the row for the same date, regime and contract type. */
  save(row: ThresholdRow): Promise<Stored<ThresholdRow>>;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  all(): Promise<Record<string, string>>;
  set(key: string, value: string, description?: string): Promise<void>;
}

// ---- Taskforce outbox --------------------------------------------------------------------------

export interface TaskforcePost {
  /** kind | subject | period: the same card is never posted twice. */
  idempotencyKey: string;
  kind: TaskforcePostKind;
  title: string;
  subjectRef?: string;
  teamId?: string;
  channelId?: string;
  cardJson?: string;
  status: TaskforcePostStatus;
  messageId?: string;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  postedAt?: string;
}

export interface OutboxRepository {
  /** Adds the post unless one with the same key exists; returns the stored one either way. */
  enqueue(post: Omit<TaskforcePost, 'status' | 'attempts'>): Promise<{ post: Stored<TaskforcePost>; created: boolean }>;
  get(idempotencyKey: string): Promise<Stored<TaskforcePost> | undefined>;
  /** Pending or Failed posts whose next attempt is due by `now`, oldest first. */
  due(now: string, page?: PageRequest): Promise<Page<Stored<TaskforcePost>>>;
  query(query: PageRequest & { status?: TaskforcePostStatus }): Promise<Page<Stored<TaskforcePost>>>;
  /** Saves with the ETag: of two senders claiming the same post, one gets ConflictError. */
  update(post: Stored<TaskforcePost>): Promise<Stored<TaskforcePost>>;
}

// ---- Rollups -----------------------------------------------------------------------------------

export interface RollupQuery extends PageRequest {
  procurementReference?: string;
  periodFrom?: IsoDate;
  periodTo?: IsoDate;
  authorityId?: string;
  themeId?: ThemeId;
}

export interface RollupRepository {
  query(query: RollupQuery): Promise<Page<Stored<Rollup>>>;
  /** Creates or replaces rollups by procurement, period and theme, in batches; reports parts that failed. */
  saveMany(rollups: readonly Rollup[]): Promise<{ ok: boolean; saved: number; failed: WriteFailure[] }>;
}

// ---- Commitments' progress, as the owner's update records it ----------------------------------------

export interface ProgressQuery extends PageRequest {
  rag?: Rag;
  procurementReference?: string;
}

/** The CommitmentProgress list (owners only): the at-risk list's source. */
export interface ProgressRepository {
  query(query: ProgressQuery): Promise<Page<Stored<RecordedProgress>>>;
  /** Adds (no id) or replaces (id) progress records, and removes those of commitments gone, in batches. */
  saveMany(save: readonly (RecordedProgress & { id?: number })[], remove?: readonly number[]): Promise<{ ok: boolean; saved: number; failed: WriteFailure[] }>;
}

// ---- People and provisioning -------------------------------------------------------------------

export interface SiteUser {
  id: number;
  email: string;
  displayName: string;
  isSiteAdmin: boolean;
}

export interface UserDirectory {
  current(): Promise<SiteUser>;
  /** The site user for an email (SharePoint's ensureUser); DataError 'not-found' if no such person. */
  ensure(email: string): Promise<SiteUser>;
}

/** What provision() did, for a site owner to read. */
export interface ProvisionReport {
  created: string[];
  updated: string[];
  unchanged: number;
  /** What provisioning could not put right itself, in words a site owner can act on. */
  problems?: string[];
}

export interface Provisioning {
  /** Lists of the schema that the site lacks (empty when the hub is ready). */
  missingLists(): Promise<string[]>;
  provision(): Promise<ProvisionReport>;
}

/** Everything the hub reads and writes. Built from an SPFI by createSharePointData (./sharepoint). */
export interface HubData {
  procurements: ProcurementRepository;
  approvals: ApprovalRepository;
  commitments: CommitmentRepository;
  outcomes: OutcomeLogRepository;
  actionPlan: ActionPlanRepository;
  caseStudies: CaseStudyRepository;
  kpiAssessments: KpiAssessmentRepository;
  measures: MeasureRepository;
  thresholds: ThresholdRepository;
  settings: SettingsRepository;
  outbox: OutboxRepository;
  rollups: RollupRepository;
  progress: ProgressRepository;
  users: UserDirectory;
  provisioning: Provisioning;
}

/**
 * What opening the hub needs, read in one request (src/data/sharepoint/opening.ts). Each answer is absent when its
 * part of the batch failed: whoever needed it then asks SharePoint on its own, and sees that error itself.
 */
export interface OpeningAnswers {
  /** When the answers were read (ms since the epoch): they serve the opening only, not a later screen. */
  readAt: number;
  user?: SiteUser;
  /** ManageWeb on the lists' site. */
  canManageSite?: boolean;
  /** AddListItems on the Verifications list (the Approvers group and owners). */
  canVerify?: boolean;
  missingLists?: string[];
  settings?: Record<string, string>;
  thresholds?: Stored<ThresholdRow>[];
  /** Tenant properties asked for (a key not set reads undefined); a key whose read failed is left out. */
  tenant?: Record<string, string | undefined>;
  /** The landing screen's first pages the batch carried (OpeningPages), each with the query it answers. */
  register?: { query: ProcurementQuery; page: RegisterPage };
  approvals?: { query: ProcurementQuery; page: Page<Stored<Procurement>> };
}

/**
 * The landing screen's first pages, for the opening's batch to carry: it can when the page already knows who the
 * person is on the lists' site (SharePoint's page context holds the site user's id and e-mail), since a person
 * column is filtered by the user's id and the batch cannot feed one of its answers into another part.
 */
export interface OpeningPages {
  user: { id: number; email: string };
  register?: ProcurementQuery;
  approvals?: ProcurementQuery;
}

/** Reads the opening's answers: one $batch to the lists' site. */
export type OpeningReader = (options?: { tenantKeys?: readonly string[]; pages?: OpeningPages }) => Promise<OpeningAnswers>;

/**
 * What the Viva Connections card shows, read in at most three $batch requests (src/data/sharepoint/vivaCard.ts):
 * the figures' rollups, and the records behind the person's to-dos. Reads only: someone who can only read the
 * lists sees the card too.
 */
export interface VivaCardRead {
  user: SiteUser;
  /** Lists not there (or out of date): the card says so instead of showing figures. */
  missingLists: string[];
  /** Rollups of the quarter shown and of the one before it (the change). */
  quarter: Stored<Rollup>[];
  previousQuarter: Stored<Rollup>[];
  library: Stored<Measure>[];
  /** Logs whose column says Reported (the verification queue's query), reporter as SharePoint's Author. */
  reported: Stored<OutcomeLog>[];
  /** True when there were more reported logs than one page holds: the count is then "at least". */
  reportedMore: boolean;
  /** Whether SharePoint lets the person add a verification (Contribute on the Verifications list). */
  mayVerify: boolean;
  awaitingMyApproval: Stored<Procurement>[];
  /** Live contracts (Awarded, In delivery) the person leads, with their commitments and the quarter's logs. */
  myLive: Stored<Procurement>[];
  commitments: Stored<CommitmentWithProgress>[];
  quarterLogs: Stored<OutcomeLog>[];
}

export interface VivaCardRequest {
  /** Last day of the quarter shown (the one being reported: whose returns are chased), and of the one before it. */
  quarterEnd: IsoDate;
  previousQuarterEnd: IsoDate;
}

export type VivaCardReader = (request: VivaCardRequest) => Promise<VivaCardRead>;
