// The records the hub keeps, as plain data: the data layer maps SharePoint list items to and from
// these, and the UI edits them. Ids are optional because an unsaved record has none. Money is integer
// pence, dates are ISO yyyy-mm-dd, date-times ISO 8601 with zone.
import type { ContractType, Regime } from './contract';
import type { IsoDate } from './dates';
import type { Kpi } from './kpi';
import type { ProcurementStatus } from './lifecycle';
import type { MeasureUnit } from './measures';
import type { Pence } from './money';
import type { ThemeId } from './themes';
import type { Tier } from './tier';
import type { WeightingMethod } from './weighting';

export interface Person {
  email: string;
  displayName: string;
}

/** What determineTier decided when the procurement was planned: kept on the record, never recomputed silently. */
export interface TierSnapshot {
  tier: Tier;
  /** The threshold applied, inc. VAT. */
  thresholdPence: Pence;
  /** The day the threshold table applied came into force. */
  thresholdEffectiveFrom: IsoDate;
  policyEditionId: string;
}

export interface WeightingDecision {
  method: WeightingMethod;
  /** Only when method is 'weighted': the share of the evaluation given to social value, within the policy range (5–30). */
  percent?: number;
  /** Why this weighting: required at and above £50,000 (the policy leaves it to the Lead Officer's discretion). */
  justification?: string;
  /** Only when method is 'pass-fail': the essential social value deliverables a bid must meet. */
  essentialCriteria?: string[];
}

export interface Supplier {
  name: string;
  isSme: boolean;
  isVcse: boolean;
  /** Based in the West Midlands. */
  isLocal: boolean;
  postcode?: string;
}

export type ApprovalOutcome = 'Approved' | 'Rejected';
export const APPROVAL_OUTCOMES: readonly ApprovalOutcome[] = ['Approved', 'Rejected'];

/** A measure the officer chose at planning, with the quantity the tender will ask for. */
export interface ProcurementMeasureTarget {
  measureCode: string;
  targetQuantity: number;
}

export interface Procurement {
  id?: number;
  /** Unique, e.g. 'WMCA-2026-0042'. */
  reference: string;
  title: string;
  /** An id from AUTHORITIES. */
  authorityId: string;
  directorate: string;
  leadOfficer: Person;
  contractType: ContractType;
  /** Defaults to sub-central (WMCA). */
  regime: Regime;
  /** Estimated whole-life value including VAT, as the Procurement Act 2023 counts it. */
  estimatedValuePence: Pence;
  decisionDate: IsoDate;
  durationMonths: number;
  /** The procurement awards a framework: section 52 of the Procurement Act 2023 (KPIs) does not apply to it. */
  framework?: boolean;
  /**
   * Public Services (Social Value) Act 2012 section 1: the authority considered, before the procurement started,
   * how it might improve the area's economic, social and environmental well-being (socialValueActApplies).
   */
  socialValueConsidered?: boolean;
  /** How it was considered, and whether the authority consulted (section 1(3) and (7)). */
  socialValueConsideration?: string;
  tierDecision?: TierSnapshot;
  themeIds: ThemeId[];
  measureTargets?: ProcurementMeasureTarget[];
  weighting: WeightingDecision;
  status: ProcurementStatus;
  // Approval
  /** Counts submissions: a decision applies to the round it was made on (an edit after approval starts a new one). */
  approvalRound?: number;
  submittedByEmail?: string;
  submittedAt?: string;
  approverEmail?: string;
  approvalOutcome?: ApprovalOutcome;
  approvalComments?: string;
  approvedByEmail?: string;
  /** The approver's name as SharePoint records it (the decision's DecidedBy), for people to read. */
  approvedByName?: string;
  approvedAt?: string;
  /**
   * Set on read when the status claims a decision (Approved and after, or Rejected) that the Approvals list
   * does not hold on record (see approvalRecord.ts): why, for the page to show. The procurement cannot move on.
   */
  approvalNotOnRecord?: string;
  // Award
  supplier?: Supplier;
  awardValuePence?: Pence;
  contractStart?: IsoDate;
  contractEnd?: IsoDate;
  // Notices on the central digital platform (Procurement Act 2023): their identifiers, for the contract performance notice.
  /** The tender notice's identifier: the procurement's unique identifier. */
  tenderNoticeId?: string;
  /** The contract details notice's identifier: the contract's unique identifier. */
  contractDetailsNoticeId?: string;
  // Contract management (Procurement Act 2023 section 52): the KPIs set at award.
  /** The key performance indicators set before the contract was entered into (kpiDutyOf says when three are required). */
  kpis?: Kpi[];
  /** Section 52(1)'s own exception: why the supplier's performance could not appropriately be assessed by KPIs. */
  kpisNotAppropriateReason?: string;
}

export type ActionPlanStatus = 'Not started' | 'In progress' | 'Done';
export const ACTION_PLAN_STATUSES: readonly ActionPlanStatus[] = ['Not started', 'In progress', 'Done'];

/** One action of the plan the policy requires during an above-threshold contract. */
export interface ActionPlanItem {
  id?: number;
  procurementReference: string;
  action: string;
  ownerEmail: string;
  ownerName: string;
  dueDate: IsoDate;
  status: ActionPlanStatus;
}

/** One measure a supplier committed to at award, with the proxy locked at award (proxies drift between editions). */
export interface Commitment {
  id?: number;
  procurementReference: string;
  measureCode: string;
  targetQuantity: number;
  unit: MeasureUnit;
  /** £ per unit in pence, locked at award; undefined for a record-only measure. */
  proxyPenceLocked?: Pence;
  proxyEdition?: string;
  /** When delivery is due to start counting; defaults to the contract start. */
  startDate?: IsoDate;
  dueDate: IsoDate;
}

export type VerificationStatus = 'Reported' | 'Verified' | 'Rejected';
export const VERIFICATION_STATUSES: readonly VerificationStatus[] = ['Reported', 'Verified', 'Rejected'];

/**
 * One measure delivered in one reporting period on one contract. Holds counts, never people: no names,
 * dates of birth or other identifiers (UK GDPR special-category data); evidence is a link to where the
 * supplier keeps it.
 */
export interface OutcomeLog {
  id?: number;
  procurementReference: string;
  commitmentId?: number;
  measureCode: string;
  /** Last day of the reporting quarter (see periods.ts). */
  periodEnd: IsoDate;
  quantity: number;
  /** The commitment's locked proxy at the time of reporting; undefined for record-only measures. */
  proxyPence?: Pence;
  /** quantity × proxy, rounded half-up to the penny; undefined for record-only measures. */
  valuePence?: Pence;
  evidenceUrl?: string;
  evidenceNotes?: string;
  reportedBy: string;
  reportedAt?: string;
  verification: VerificationStatus;
  verifiedBy?: string;
  /** The verifier's name as SharePoint records it (display only; verifiedBy is the email the rules compare). */
  verifiedByName?: string;
  verifiedAt?: string;
  rejectionReason?: string;
  /** The Teams message id of the success card, once celebrated (so it is never posted twice). */
  celebratedMessageId?: string;
}

/** SharePoint single line of text holds 255 characters. */
export const MAX_TEXT_LENGTH = 255;

/** How long a case study's text may be; the CaseStudies list's columns are sized from these. */
export const CASE_STUDY_LIMITS = { title: 255, story: 10000, quote: 1000 } as const;

export interface CaseStudy {
  id?: number;
  procurementReference: string;
  themeId: ThemeId;
  title: string;
  story: string;
  quote?: string;
  imageUrl?: string;
  published: boolean;
}
