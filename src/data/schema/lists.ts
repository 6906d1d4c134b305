// Every SharePoint list the hub keeps, defined once. Provisioning, validation before writes, the local
// server's tables and the item types (./items.ts) all read these definitions.
//
// Decisions that apply to all lists:
// - Relations use the parent's client-generated key (ProcurementRef, indexed), not lookup columns: a
//   procurement and its commitments are written in one batch, when the procurement's Id is not known yet;
//   an indexed lookup does not help the list view threshold; text keys survive export and re-import.
// - Every list has an indexed unique key the app generates (Reference, CommitmentKey, LogKey, …), so a
//   retried batch finds what already landed instead of writing it twice.
// - Money is integer pence in Number columns (exact up to 2^53); column formatting shows pounds.
// - Indexed columns are the ones the app filters or sorts on, and no more (SharePoint allows 20).
import { CASE_STUDY_LIMITS, DEFAULT_REGIME, MAX_REFERENCE_LENGTH, WEIGHTING_DECIMALS } from '../../domain';
import type { ActionPlanStatus, ApprovalOutcome, ContractPerformanceRating, ProcurementStatus, Rag, ThemeId, Tier, VerificationStatus } from '../../domain';
import type { TaskforcePostStatus } from './vocabulary';
import { and, anyOf, beforeToday, eq, groupedViewQuery, isMe, neq, viewQuery } from './caml';
import { labelFormat, linkFormat, penceAsPoundsFormat, pillFormat } from './formatting';
import type { ListDef } from './types';
import {
  ACTION_PLAN_STATUSES,
  APPROVAL_OUTCOMES,
  AUTHORITY_CHOICES,
  AUTHORITY_LABELS,
  CONTRACT_TYPE_CHOICES,
  CONTRACT_TYPE_LABELS,
  KPI_RATING_CHOICES,
  MEASURE_UNITS,
  RAGS,
  REGIME_CHOICES,
  REGIME_LABELS,
  STATUS_CHOICES,
  TASKFORCE_POST_KINDS,
  TASKFORCE_POST_STATUSES,
  THEME_CHOICES,
  THEME_LABELS,
  TIER_CHOICES,
  TIER_LABELS,
  VERIFICATION_STATUSES,
  VERIFICATION_DECISIONS,
  WEIGHTING_METHOD_CHOICES,
  WEIGHTING_METHOD_LABELS,
} from './vocabulary';

// Typed by the domain's unions, so a new status without a tone (or a stray one) does not compile.
const STATUS_FORMAT = pillFormat<ProcurementStatus>({
  Draft: 'neutral',
  'Awaiting approval': 'warning',
  Approved: 'good',
  Rejected: 'blocked',
  Tendering: 'low',
  Awarded: 'good',
  'In delivery': 'low',
  Closed: 'neutral',
  Withdrawn: 'neutral',
});
const RAG_FORMAT = pillFormat<Rag>({ Red: 'blocked', Amber: 'warning', Green: 'good' });
const VERIFICATION_FORMAT = pillFormat<VerificationStatus>({ Reported: 'warning', Verified: 'good', Rejected: 'blocked' });
const ACTION_STATUS_FORMAT = pillFormat<ActionPlanStatus>({ 'Not started': 'neutral', 'In progress': 'low', Done: 'good' });
const TIER_FORMAT = pillFormat<Tier>({ 'light-touch': 'neutral', 'toms-considered': 'low', 'toms-included': 'warning' }, TIER_LABELS);
const OUTCOME_FORMAT = pillFormat<ApprovalOutcome>({ Approved: 'good', Rejected: 'blocked' });
const POST_STATUS_FORMAT = pillFormat<TaskforcePostStatus>({ Pending: 'neutral', Posting: 'low', Posted: 'good', Failed: 'blocked' });
const RATING_FORMAT = pillFormat<ContractPerformanceRating>({ Good: 'good', 'Approaching target': 'low', 'Requires improvement': 'warning', Inadequate: 'blocked', Other: 'neutral' });
const MONEY = penceAsPoundsFormat();

/** Modified, indexed so registers can sort by "recently changed" past 5,000 items. */
const MODIFIED = { name: 'Modified', title: 'Modified', kind: 'DateTime', dateOnly: false, builtIn: true, indexed: true } as const;

const PROCUREMENT_REF = {
  name: 'ProcurementRef',
  title: 'Procurement reference',
  kind: 'Text',
  maxLength: MAX_REFERENCE_LENGTH,
  required: true,
  indexed: true,
  description: 'The reference of the procurement this belongs to.',
} as const;

export const PROCUREMENTS_LIST = {
  title: 'Procurements',
  description: 'One item per procurement: its tier, themes, weighting decision, approval and award.',
  // Officers work on each other's procurements (cover, hand-over), and the approval workflow moves the
  // status; the decision itself is protected on the Approvals list, and versions record every change.
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Procurement title', kind: 'Text', maxLength: 255, required: true, builtIn: true, indexed: true },
    MODIFIED,
    { name: 'Reference', title: 'Reference', kind: 'Text', maxLength: MAX_REFERENCE_LENGTH, required: true, indexed: true, unique: true, description: 'Unique reference, e.g. WMCA-2026-0042.' },
    { name: 'Authority', title: 'Authority', kind: 'Choice', choices: AUTHORITY_CHOICES, required: true, indexed: true, format: labelFormat(AUTHORITY_LABELS) },
    { name: 'Directorate', title: 'Directorate', kind: 'Text', maxLength: 255 },
    { name: 'LeadOfficer', title: 'Lead officer', kind: 'User', required: true, indexed: true },
    { name: 'ContractType', title: 'Contract type', kind: 'Choice', choices: CONTRACT_TYPE_CHOICES, required: true, format: labelFormat(CONTRACT_TYPE_LABELS) },
    { name: 'Regime', title: 'Procurement regime', kind: 'Choice', choices: REGIME_CHOICES, required: true, defaultValue: DEFAULT_REGIME, format: labelFormat(REGIME_LABELS) },
    { name: 'EstimatedValuePence', title: 'Estimated whole-life value inc. VAT', kind: 'Number', decimals: 0, min: 0, required: true, indexed: true, format: MONEY, description: 'In pence, including VAT, as the Procurement Act 2023 counts it.' },
    { name: 'DecisionDate', title: 'Decision date', kind: 'DateTime', dateOnly: true, required: true, indexed: true },
    { name: 'DurationMonths', title: 'Duration (months)', kind: 'Number', decimals: 0, min: 0 },
    { name: 'IsFramework', title: 'Awards a framework', kind: 'Boolean', defaultValue: false, description: 'Section 52 of the Procurement Act 2023 (KPIs) does not apply to a framework.' },
    { name: 'SocialValueConsidered', title: 'Social value considered before the procurement started', kind: 'Boolean', defaultValue: false, description: 'Public Services (Social Value) Act 2012 section 1, for services at or above the threshold.' },
    { name: 'SocialValueConsideration', title: 'How social value was considered', kind: 'Note', maxLength: 4000, lines: 4, description: 'How the procurement might improve the area’s economic, social and environmental well-being, and whether the authority consulted.' },
    { name: 'Tier', title: 'Tier', kind: 'Choice', choices: TIER_CHOICES, indexed: true, format: TIER_FORMAT },
    { name: 'ThresholdPence', title: 'Threshold applied', kind: 'Number', decimals: 0, min: 0, format: MONEY, description: 'The procurement threshold the tier was decided against, in pence inc. VAT.' },
    { name: 'ThresholdEffectiveFrom', title: 'Threshold table in force from', kind: 'DateTime', dateOnly: true },
    { name: 'PolicyEdition', title: 'Policy edition', kind: 'Text', maxLength: 64, description: 'The policy edition the tier and weighting were decided under.' },
    { name: 'Themes', title: 'Themes', kind: 'MultiChoice', choices: THEME_CHOICES },
    { name: 'MeasureTargets', title: 'Measures and targets', kind: 'Note', maxLength: 4000, lines: 6, description: 'One line per measure: code = target quantity.' },
    { name: 'WeightingMethod', title: 'Weighting method', kind: 'Choice', choices: WEIGHTING_METHOD_CHOICES, format: labelFormat(WEIGHTING_METHOD_LABELS) },
    { name: 'WeightingPercent', title: 'Social value weighting (%)', kind: 'Number', decimals: WEIGHTING_DECIMALS, min: 0, max: 100, description: 'At most one decimal place, as approved and as the tender pack prints it.' },
    { name: 'Justification', title: 'Justification', kind: 'Note', maxLength: 4000, lines: 4 },
    { name: 'PassFailCriteria', title: 'PASS/FAIL essential criteria', kind: 'Note', maxLength: 4000, lines: 4, description: 'One criterion per line.' },
    { name: 'Status', title: 'Status', kind: 'Choice', choices: STATUS_CHOICES, required: true, defaultValue: 'Draft', indexed: true, format: STATUS_FORMAT },
    { name: 'SubmittedBy', title: 'Submitted by', kind: 'User' },
    { name: 'SubmittedAt', title: 'Submitted', kind: 'DateTime', dateOnly: false },
    { name: 'Approver', title: 'Approver', kind: 'User', indexed: true, description: 'Who is asked to approve the weighting decision.' },
    { name: 'ApprovalRound', title: 'Approval round', kind: 'Number', decimals: 0, min: 0, defaultValue: 0, description: 'Counts submissions, so a decision applies to the round it was made on.' },
    { name: 'SupplierName', title: 'Supplier', kind: 'Text', maxLength: 255, indexed: true },
    { name: 'SupplierIsSme', title: 'Supplier is an SME', kind: 'Boolean' },
    { name: 'SupplierIsVcse', title: 'Supplier is a VCSE', kind: 'Boolean' },
    { name: 'SupplierIsLocal', title: 'Supplier based in the West Midlands', kind: 'Boolean' },
    { name: 'SupplierPostcode', title: 'Supplier postcode', kind: 'Text', maxLength: 10, description: 'The supplier’s business postcode.' },
    { name: 'AwardValuePence', title: 'Award value', kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: 'ContractStart', title: 'Contract start', kind: 'DateTime', dateOnly: true },
    { name: 'ContractEnd', title: 'Contract end', kind: 'DateTime', dateOnly: true },
    { name: 'TenderNoticeId', title: 'Tender notice identifier', kind: 'Text', maxLength: 255, description: 'From the central digital platform: the procurement’s unique identifier.' },
    { name: 'ContractDetailsNoticeId', title: 'Contract details notice identifier', kind: 'Text', maxLength: 255, description: 'From the central digital platform: the contract’s unique identifier.' },
    { name: 'Kpis', title: 'Key performance indicators', kind: 'Note', maxLength: 8000, lines: 6, description: 'Set at award (Procurement Act 2023 section 52), as data the hub reads: see each KPI and its assessments on the procurement’s page and in KpiAssessments.' },
    { name: 'KpisNotAppropriate', title: 'Why KPIs are not appropriate', kind: 'Note', maxLength: 2000, lines: 3, description: 'Section 52(1): why the supplier’s performance could not appropriately be assessed by KPIs, where the authority so considers.' },
  ],
  views: [
    { title: 'All procurements', isDefault: true, rowLimit: 50, fields: ['Reference', 'LinkTitle', 'Authority', 'EstimatedValuePence', 'Tier', 'WeightingMethod', 'WeightingPercent', 'Status', 'LeadOfficer', 'Modified'], query: viewQuery(undefined, [['Modified', false]]) },
    { title: 'Awaiting approval', rowLimit: 50, fields: ['Reference', 'LinkTitle', 'Authority', 'EstimatedValuePence', 'Tier', 'WeightingMethod', 'WeightingPercent', 'LeadOfficer', 'Approver', 'SubmittedAt'], query: viewQuery(eq('Status', 'Choice', 'Awaiting approval'), [['SubmittedAt', true]]) },
    { title: 'Awaiting my approval', rowLimit: 50, fields: ['Reference', 'LinkTitle', 'Authority', 'EstimatedValuePence', 'Tier', 'WeightingMethod', 'WeightingPercent', 'LeadOfficer', 'SubmittedAt'], query: viewQuery(and(isMe('Approver'), eq('Status', 'Choice', 'Awaiting approval')), [['SubmittedAt', true]]) },
    { title: 'By tier', rowLimit: 100, fields: ['Reference', 'LinkTitle', 'Authority', 'EstimatedValuePence', 'WeightingMethod', 'Status', 'LeadOfficer'], query: groupedViewQuery('Tier', undefined, [['EstimatedValuePence', false]]) },
    { title: 'My procurements', rowLimit: 50, fields: ['Reference', 'LinkTitle', 'EstimatedValuePence', 'Tier', 'Status', 'Modified'], query: viewQuery(isMe('LeadOfficer'), [['Modified', false]]) },
    { title: 'In delivery', rowLimit: 50, fields: ['Reference', 'LinkTitle', 'Authority', 'SupplierName', 'AwardValuePence', 'ContractStart', 'ContractEnd', 'LeadOfficer'], query: viewQuery(anyOf('Status', 'Choice', ['Awarded', 'In delivery']), [['ContractEnd', true]]) },
  ],
} as const satisfies ListDef;

export const COMMITMENTS_LIST = {
  title: 'Commitments',
  description: 'One item per measure a supplier committed to at award, with the proxy value locked at award.',
  // Written in the same batch as the procurement, by whoever saves it.
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Commitment', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'CommitmentKey', title: 'Commitment key', kind: 'Text', maxLength: 80, required: true, indexed: true, unique: true, description: 'Procurement reference | measure code.' },
    PROCUREMENT_REF,
    { name: 'MeasureCode', title: 'Measure code', kind: 'Text', maxLength: 16, required: true, indexed: true },
    { name: 'Theme', title: 'Theme', kind: 'Choice', choices: THEME_CHOICES, required: true, indexed: true, format: labelFormat(THEME_LABELS) },
    { name: 'TargetQuantity', title: 'Target quantity', kind: 'Number', min: 0, required: true },
    { name: 'Unit', title: 'Unit', kind: 'Choice', choices: MEASURE_UNITS, required: true },
    { name: 'ProxyPenceLocked', title: 'Proxy value per unit (locked at award)', kind: 'Number', decimals: 0, min: 0, format: MONEY, description: 'Empty for a record-only measure.' },
    { name: 'ProxyEdition', title: 'Proxy edition', kind: 'Text', maxLength: 64 },
    { name: 'StartDate', title: 'Counting from', kind: 'DateTime', dateOnly: true },
    { name: 'DueDate', title: 'Due date', kind: 'DateTime', dateOnly: true, required: true, indexed: true },
    { name: 'Rag', title: 'RAG', kind: 'Choice', choices: RAGS, indexed: true, format: RAG_FORMAT, description: 'As the last change to its outcomes left it, for this list’s views. The dashboard reads the CommitmentProgress list.' },
    { name: 'VerifiedQuantity', title: 'Verified delivered quantity', kind: 'Number', min: 0, defaultValue: 0 },
  ],
  views: [
    { title: 'All commitments', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'LinkTitle', 'Theme', 'TargetQuantity', 'Unit', 'ProxyPenceLocked', 'VerifiedQuantity', 'DueDate', 'Rag'], query: viewQuery(undefined, [['ProcurementRef', true], ['MeasureCode', true]]) },
    { title: 'At-risk commitments', rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'LinkTitle', 'TargetQuantity', 'VerifiedQuantity', 'Unit', 'DueDate', 'Rag'], query: viewQuery(anyOf('Rag', 'Choice', ['Red', 'Amber']), [['DueDate', true]]) },
    { title: 'By procurement', rowLimit: 100, fields: ['MeasureCode', 'LinkTitle', 'TargetQuantity', 'Unit', 'VerifiedQuantity', 'DueDate', 'Rag'], query: groupedViewQuery('ProcurementRef', undefined, [['MeasureCode', true]]) },
  ],
} as const satisfies ListDef;

export const OUTCOME_LOGS_LIST = {
  title: 'OutcomeLogs',
  description: 'One item per measure delivered in one quarter on one contract. Counts, never people: no names or personal details.',
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Outcome', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'LogKey', title: 'Log key', kind: 'Text', maxLength: 96, required: true, indexed: true, unique: true, description: 'Procurement reference | measure code | period end: one log per commitment per period.' },
    PROCUREMENT_REF,
    { name: 'CommitmentId', title: 'Commitment ID', kind: 'Number', decimals: 0, min: 0 },
    { name: 'MeasureCode', title: 'Measure code', kind: 'Text', maxLength: 16, required: true, indexed: true },
    { name: 'Theme', title: 'Theme', kind: 'Choice', choices: THEME_CHOICES, required: true, indexed: true, format: labelFormat(THEME_LABELS) },
    { name: 'PeriodEnd', title: 'Period end', kind: 'DateTime', dateOnly: true, required: true, indexed: true, description: 'Last day of the reporting quarter.' },
    { name: 'Quantity', title: 'Quantity delivered', kind: 'Number', min: 0, required: true },
    { name: 'ProxyPence', title: 'Proxy value per unit', kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: 'ValuePence', title: 'Social value', kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: 'EvidenceUrl', title: 'Evidence link', kind: 'URL', format: linkFormat('Open evidence') },
    { name: 'EvidenceNotes', title: 'Evidence notes', kind: 'Note', maxLength: 2000, lines: 4, description: 'Where the evidence is kept. No names, dates of birth or other personal details.' },
    { name: 'ReportedBy', title: 'Reported by', kind: 'Text', maxLength: 255, required: true },
    { name: 'ReportedAt', title: 'Reported', kind: 'DateTime', dateOnly: false },
    { name: 'Verification', title: 'Verification', kind: 'Choice', choices: VERIFICATION_STATUSES, required: true, defaultValue: 'Reported', indexed: true, format: VERIFICATION_FORMAT },
    { name: 'VerifiedBy', title: 'Verified by', kind: 'Text', maxLength: 255 },
    { name: 'VerifiedAt', title: 'Verified', kind: 'DateTime', dateOnly: false },
    { name: 'RejectionReason', title: 'Rejection reason', kind: 'Note', maxLength: 2000, lines: 3 },
    { name: 'CelebratedMessageId', title: 'Celebrated (Teams message)', kind: 'Text', maxLength: 255 },
  ],
  views: [
    { title: 'All outcomes', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'PeriodEnd', 'Quantity', 'ValuePence', 'Verification', 'EvidenceUrl', 'ReportedBy'], query: viewQuery(undefined, [['PeriodEnd', false]]) },
    { title: 'Outcomes to verify', rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'PeriodEnd', 'Quantity', 'ValuePence', 'EvidenceUrl', 'EvidenceNotes', 'ReportedBy', 'ReportedAt'], query: viewQuery(eq('Verification', 'Choice', 'Reported'), [['PeriodEnd', true]]) },
    { title: 'Verified outcomes', rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'Theme', 'PeriodEnd', 'Quantity', 'ValuePence', 'VerifiedBy', 'VerifiedAt', 'CelebratedMessageId'], query: viewQuery(eq('Verification', 'Choice', 'Verified'), [['PeriodEnd', false]]) },
    { title: 'Rejected outcomes', rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'PeriodEnd', 'Quantity', 'RejectionReason', 'VerifiedBy', 'VerifiedAt'], query: viewQuery(eq('Verification', 'Choice', 'Rejected'), [['PeriodEnd', false]]) },
  ],
} as const satisfies ListDef;

export const ACTION_PLAN_LIST = {
  title: 'ActionPlan',
  description: 'One item per action of the plan the policy requires on contracts at or above the procurement threshold.',
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Action', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'ActionKey', title: 'Action key', kind: 'Text', maxLength: 80, required: true, indexed: true, unique: true },
    PROCUREMENT_REF,
    { name: 'OwnerName', title: 'Owner', kind: 'Text', maxLength: 255, required: true },
    { name: 'OwnerEmail', title: 'Owner email', kind: 'Text', maxLength: 255 },
    { name: 'DueDate', title: 'Due date', kind: 'DateTime', dateOnly: true, required: true, indexed: true },
    { name: 'ActionStatus', title: 'Status', kind: 'Choice', choices: ACTION_PLAN_STATUSES, required: true, defaultValue: 'Not started', indexed: true, format: ACTION_STATUS_FORMAT },
  ],
  views: [
    { title: 'All actions', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'LinkTitle', 'OwnerName', 'DueDate', 'ActionStatus'], query: viewQuery(undefined, [['DueDate', true]]) },
    { title: 'Overdue actions', rowLimit: 50, fields: ['ProcurementRef', 'LinkTitle', 'OwnerName', 'OwnerEmail', 'DueDate', 'ActionStatus'], query: viewQuery(and(neq('ActionStatus', 'Choice', 'Done'), beforeToday('DueDate')), [['DueDate', true]]) },
    { title: 'By procurement', rowLimit: 100, fields: ['LinkTitle', 'OwnerName', 'DueDate', 'ActionStatus'], query: groupedViewQuery('ProcurementRef', undefined, [['DueDate', true]]) },
  ],
} as const satisfies ListDef;

export const CASE_STUDIES_LIST = {
  title: 'CaseStudies',
  description: 'Stories of social value delivered, to share best practice. Published ones appear on the portal.',
  writeAccess: 'own-items',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Title', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'CaseStudyKey', title: 'Case study key', kind: 'Text', maxLength: 80, required: true, indexed: true, unique: true, description: 'Procurement reference | fingerprint of the title.' },
    PROCUREMENT_REF,
    { name: 'Theme', title: 'Theme', kind: 'Choice', choices: THEME_CHOICES, required: true, indexed: true, format: labelFormat(THEME_LABELS) },
    { name: 'Story', title: 'Story', kind: 'Note', maxLength: CASE_STUDY_LIMITS.story, lines: 12, required: true },
    { name: 'Quote', title: 'Quote', kind: 'Note', maxLength: CASE_STUDY_LIMITS.quote, lines: 3 },
    { name: 'ImageUrl', title: 'Image link', kind: 'URL', format: linkFormat('View image') },
    { name: 'Published', title: 'Published', kind: 'Boolean', defaultValue: false, indexed: true },
  ],
  views: [
    { title: 'All case studies', isDefault: true, rowLimit: 50, fields: ['LinkTitle', 'ProcurementRef', 'Theme', 'Published', 'Modified'], query: viewQuery(undefined, [['Modified', false]]) },
    { title: 'Published', rowLimit: 50, fields: ['LinkTitle', 'ProcurementRef', 'Theme', 'Modified'], query: viewQuery(eq('Published', 'Boolean', true), [['Modified', false]]) },
  ],
} as const satisfies ListDef;

export const MEASURES_LIST = {
  title: 'Measures',
  description: 'The measure library: what can be committed and counted, under the policy’s six themes, with proxy values by edition.',
  writeAccess: 'owners',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Measure', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    { name: 'Code', title: 'Code', kind: 'Text', maxLength: 16, required: true, indexed: true, unique: true },
    { name: 'Theme', title: 'Theme', kind: 'Choice', choices: THEME_CHOICES, required: true, indexed: true, format: labelFormat(THEME_LABELS) },
    { name: 'Outcome', title: 'Outcome', kind: 'Text', maxLength: 255, required: true },
    { name: 'Unit', title: 'Unit', kind: 'Choice', choices: MEASURE_UNITS, required: true },
    { name: 'ProxyPence', title: 'Proxy value per unit', kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: 'ProxyEdition', title: 'Proxy edition', kind: 'Text', maxLength: 64 },
    { name: 'ProxySource', title: 'Proxy source', kind: 'Note', maxLength: 2000, lines: 2 },
    { name: 'RecordOnly', title: 'Record only (no £ value)', kind: 'Boolean', defaultValue: false },
    { name: 'Active', title: 'Active', kind: 'Boolean', defaultValue: true, indexed: true },
  ],
  views: [
    { title: 'All measures', isDefault: true, rowLimit: 100, fields: ['Code', 'LinkTitle', 'Outcome', 'Unit', 'ProxyPence', 'ProxyEdition', 'RecordOnly', 'Active'], query: groupedViewQuery('Theme', undefined, [['Code', true]]) },
    { title: 'Active measures', rowLimit: 100, fields: ['Code', 'LinkTitle', 'Theme', 'Unit', 'ProxyPence', 'ProxyEdition'], query: viewQuery(eq('Active', 'Boolean', true), [['Code', true]]) },
  ],
} as const satisfies ListDef;

export const THRESHOLDS_LIST = {
  title: 'Thresholds',
  description: 'UK procurement thresholds inc. VAT, one figure per regime and contract type, with the dates they are in force.',
  writeAccess: 'owners',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Threshold', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    { name: 'ThresholdKey', title: 'Threshold key', kind: 'Text', maxLength: 80, required: true, indexed: true, unique: true, description: 'Effective from | regime | contract type.' },
    { name: 'Regime', title: 'Regime', kind: 'Choice', choices: REGIME_CHOICES, required: true, format: labelFormat(REGIME_LABELS) },
    { name: 'ContractType', title: 'Contract type', kind: 'Choice', choices: CONTRACT_TYPE_CHOICES, required: true, format: labelFormat(CONTRACT_TYPE_LABELS) },
    { name: 'ValuePence', title: 'Threshold inc. VAT', kind: 'Number', decimals: 0, min: 1, required: true, format: MONEY },
    { name: 'EffectiveFrom', title: 'In force from', kind: 'DateTime', dateOnly: true, required: true, indexed: true },
    { name: 'EffectiveTo', title: 'In force until', kind: 'DateTime', dateOnly: true },
    { name: 'TableId', title: 'Table', kind: 'Text', maxLength: 64 },
    { name: 'Source', title: 'Source', kind: 'Note', maxLength: 2000, lines: 3, required: true },
  ],
  views: [
    { title: 'All thresholds', isDefault: true, rowLimit: 100, fields: ['LinkTitle', 'Regime', 'ContractType', 'ValuePence', 'EffectiveFrom', 'EffectiveTo'], query: viewQuery(undefined, [['EffectiveFrom', false], ['ThresholdKey', true]]) },
  ],
} as const satisfies ListDef;

export const SETTINGS_LIST = {
  title: 'Settings',
  description: 'Hub settings and the policy figures a review may change (light-touch limit, weighting range), by edition.',
  writeAccess: 'owners',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Setting', kind: 'Text', maxLength: 255, required: true, builtIn: true, indexed: true, unique: true },
    { name: 'SettingValue', title: 'Value', kind: 'Note', maxLength: 10000, lines: 3 },
    { name: 'SettingDescription', title: 'What it is for', kind: 'Text', maxLength: 255 },
  ],
  views: [{ title: 'All settings', isDefault: true, rowLimit: 100, fields: ['LinkTitle', 'SettingValue', 'SettingDescription', 'Modified'], query: viewQuery(undefined, [['Title', true]]) }],
} as const satisfies ListDef;

export const TASKFORCE_POSTS_LIST = {
  title: 'TaskforcePosts',
  description: 'The outbox of cards for the Social Value Taskforce channel: each card is posted once, failures are kept and retried.',
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Card', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'IdempotencyKey', title: 'Idempotency key', kind: 'Text', maxLength: 200, required: true, indexed: true, unique: true, description: 'Kind | subject | period: the same card is never posted twice.' },
    { name: 'PostKind', title: 'Kind', kind: 'Choice', choices: TASKFORCE_POST_KINDS, required: true },
    { name: 'SubjectRef', title: 'Subject', kind: 'Text', maxLength: 200, indexed: true, description: 'The outcome log key or reporting period the card is about.' },
    { name: 'PostStatus', title: 'Status', kind: 'Choice', choices: TASKFORCE_POST_STATUSES, required: true, defaultValue: 'Pending', indexed: true, format: POST_STATUS_FORMAT },
    { name: 'TeamId', title: 'Team ID', kind: 'Text', maxLength: 128 },
    { name: 'ChannelId', title: 'Channel ID', kind: 'Text', maxLength: 255 },
    { name: 'CardJson', title: 'Card (JSON)', kind: 'Note', maxLength: 28000, lines: 4 },
    { name: 'MessageId', title: 'Teams message ID', kind: 'Text', maxLength: 255 },
    { name: 'Attempts', title: 'Attempts', kind: 'Number', decimals: 0, min: 0, defaultValue: 0 },
    { name: 'NextAttemptAt', title: 'Next attempt', kind: 'DateTime', dateOnly: false, indexed: true },
    { name: 'LastError', title: 'Last error', kind: 'Note', maxLength: 4000, lines: 3 },
    { name: 'PostedAt', title: 'Posted', kind: 'DateTime', dateOnly: false },
  ],
  views: [
    { title: 'All posts', isDefault: true, rowLimit: 50, fields: ['LinkTitle', 'PostKind', 'PostStatus', 'Attempts', 'PostedAt', 'LastError', 'Modified'], query: viewQuery(undefined, [['Modified', false]]) },
    { title: 'Failed posts', rowLimit: 50, fields: ['LinkTitle', 'PostKind', 'Attempts', 'NextAttemptAt', 'LastError'], query: viewQuery(eq('PostStatus', 'Choice', 'Failed'), [['Modified', false]]) },
    { title: 'Waiting to post', rowLimit: 50, fields: ['LinkTitle', 'PostKind', 'PostStatus', 'Attempts', 'NextAttemptAt'], query: viewQuery(anyOf('PostStatus', 'Choice', ['Pending', 'Posting']), [['NextAttemptAt', true]]) },
  ],
} as const satisfies ListDef;

/**
 * Approval decisions, one item per procurement per approval round. Only the Approvers group and the
 * approval workflow's connection can write here (members read): SharePoint has no column-level
 * permissions, so a decision only approvers may record cannot live on the Procurements list, which
 * officers edit. The workflow adds the decision here and sets the procurement's Status to Approved or
 * Rejected; the app reads the outcome, approver, date and comments from this list, and treats a
 * procurement as approved only when this list holds the Approved decision for its current round.
 */
export const APPROVALS_LIST = {
  title: 'Approvals',
  description: 'Approval decisions on procurements’ tier and weighting, one per submission. Written by approvers and the approval workflow only.',
  writeAccess: 'approvers',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Decision', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    { name: 'DecisionKey', title: 'Decision key', kind: 'Text', maxLength: 64, required: true, indexed: true, unique: true, description: 'Procurement reference | approval round: one decision per submission.' },
    PROCUREMENT_REF,
    { name: 'ApprovalRound', title: 'Approval round', kind: 'Number', decimals: 0, min: 1, required: true },
    { name: 'Outcome', title: 'Outcome', kind: 'Choice', choices: APPROVAL_OUTCOMES, required: true, format: OUTCOME_FORMAT },
    { name: 'DecidedBy', title: 'Decided by', kind: 'User', required: true },
    { name: 'DecidedAt', title: 'Decided', kind: 'DateTime', dateOnly: false, required: true, indexed: true },
    { name: 'Comments', title: 'Comments', kind: 'Note', maxLength: 4000, lines: 4 },
  ],
  views: [
    { title: 'All decisions', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'ApprovalRound', 'Outcome', 'DecidedBy', 'DecidedAt', 'Comments'], query: viewQuery(undefined, [['DecidedAt', false]]) },
  ],
} as const satisfies ListDef;

interface ThemeFigureColumn<N extends string> {
  readonly name: N;
  readonly title: string;
  readonly kind: 'Number';
  readonly decimals: 0;
  readonly min: 0;
  readonly format: object;
}

/** The three figures a rollup keeps for one theme, as Number columns named after the theme's column prefix. */
function themeFigures<P extends string>(prefix: P, themeId: ThemeId): readonly [ThemeFigureColumn<`${P}Committed`>, ThemeFigureColumn<`${P}Reported`>, ThemeFigureColumn<`${P}Verified`>] {
  const label = THEME_LABELS[themeId];
  return [
    { name: `${prefix}Committed` as `${P}Committed`, title: `${label}: committed`, kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: `${prefix}Reported` as `${P}Reported`, title: `${label}: reported (awaiting verification)`, kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: `${prefix}Verified` as `${P}Verified`, title: `${label}: verified delivered`, kind: 'Number', decimals: 0, min: 0, format: MONEY },
  ] as const;
}

/** Each theme's column prefix in the Rollups list (internal names are never renamed once provisioned). */
export const ROLLUP_THEME_PREFIX = {
  'growth-skills-employment': 'Growth',
  'local-businesses': 'Business',
  'healthier-stronger-communities': 'Community',
  environment: 'Environment',
  'social-innovation': 'Innovation',
  'planning-development': 'Planning',
} as const satisfies Record<ThemeId, string>;

/**
 * Verifications of outcome logs, one item per decision (verified or rejected). The log's own Verification and
 * VerifiedBy columns are typed by whoever edits the log, so they are display only: a verification counts when
 * this list holds it, made (SharePoint's Author) by someone other than the log's reporter, for the figures the
 * log holds now (src/domain/verificationRecord.ts). Only the Approvers group writes here (members read): a
 * Contribute member can rewrite the Author of an item they may edit through ValidateUpdateListItem
 * (SharePoint/sp-dev-docs#6333, pnp/pnpjs#3265), so a list every officer could write would let a reporter
 * verify their own outcome under a colleague's name. List permissions are what SharePoint enforces.
 */
export const VERIFICATIONS_LIST = {
  title: 'Verifications',
  description: 'Who verified or rejected which outcome log, one item per decision. The person who made it is the item’s Created By. Written by the Social Value Approvers group only.',
  writeAccess: 'approvers',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Verification', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    { name: 'VerificationKey', title: 'Verification key', kind: 'Text', maxLength: 255, required: true, indexed: true, unique: true, description: 'Log id | verifier | decision | quantity | value: a retried save finds what landed.' },
    { name: 'ProcurementRef', title: 'Procurement reference', kind: 'Text', maxLength: MAX_REFERENCE_LENGTH, required: true, indexed: true },
    { name: 'LogId', title: 'Outcome log ID', kind: 'Number', decimals: 0, min: 1, required: true, indexed: true },
    { name: 'LogKey', title: 'Outcome log key', kind: 'Text', maxLength: 96, required: true },
    { name: 'Decision', title: 'Decision', kind: 'Choice', choices: VERIFICATION_DECISIONS, required: true, format: VERIFICATION_FORMAT },
    { name: 'Quantity', title: 'Quantity checked', kind: 'Number', min: 0, required: true },
    { name: 'ValuePence', title: 'Social value checked', kind: 'Number', decimals: 0, min: 0, format: MONEY },
    { name: 'RejectionReason', title: 'Rejection reason', kind: 'Note', maxLength: 2000, lines: 3 },
  ],
  views: [
    { title: 'All verifications', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'LogKey', 'Decision', 'Quantity', 'ValuePence', 'Author', 'Created'], query: viewQuery(undefined, [['ID', false]]) },
  ],
} as const satisfies ListDef;

/**
 * Assessments of a contract's KPIs (Procurement Act 2023 section 71(2)), one item per KPI and period assessed,
 * with a rating regulation 39(5) of the Procurement Regulations 2024 prescribes. They are what a contract
 * performance notice reports; the authority publishes it on the central digital platform.
 */
export const KPI_ASSESSMENTS_LIST = {
  title: 'KpiAssessments',
  description: 'Each assessment of a contract’s key performance indicators (Procurement Act 2023 section 71), with its prescribed rating.',
  writeAccess: 'members',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Key performance indicator', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'AssessmentKey', title: 'Assessment key', kind: 'Text', maxLength: 255, required: true, indexed: true, unique: true, description: 'Procurement reference | KPI | last day assessed: one rating per KPI and period.' },
    PROCUREMENT_REF,
    { name: 'KpiTarget', title: 'Target', kind: 'Text', maxLength: 255 },
    { name: 'PeriodStart', title: 'Period from', kind: 'DateTime', dateOnly: true, required: true },
    { name: 'PeriodEnd', title: 'Period to', kind: 'DateTime', dateOnly: true, required: true },
    { name: 'Rating', title: 'Rating', kind: 'Choice', choices: KPI_RATING_CHOICES, required: true, format: RATING_FORMAT },
    { name: 'AssessmentNote', title: 'Notes', kind: 'Note', maxLength: 2000, lines: 3 },
  ],
  views: [
    { title: 'All assessments', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'LinkTitle', 'KpiTarget', 'PeriodStart', 'PeriodEnd', 'Rating', 'Author', 'Modified'], query: viewQuery(undefined, [['ID', false]]) },
    { title: 'By procurement', rowLimit: 100, fields: ['LinkTitle', 'KpiTarget', 'PeriodStart', 'PeriodEnd', 'Rating'], query: groupedViewQuery('ProcurementRef', undefined, [['PeriodEnd', false]]) },
  ],
} as const satisfies ListDef;

/**
 * Committed, reported and verified social value per procurement × quarter, with each theme's three figures
 * in its own columns, so the dashboard reads one item per active procurement per quarter instead of every
 * log. One item per procurement and quarter (not per theme) keeps a quarter of the whole region's contracts
 * under the 5,000-item threshold of an indexed filter on the period. Only site owners write them, by the
 * figures update (app/rebuild.ts), which counts verifications on record only: a member who could write a
 * rollup could put any figure on the regional dashboard (issue 19 item 3), and members' edits can be forged.
 */
export const ROLLUPS_LIST = {
  title: 'Rollups',
  description: 'Social value per procurement and quarter, per theme and in total (committed, reported, verified), for the dashboard. Written only by a site owner’s figures update, from the outcome logs and the verifications on record.',
  writeAccess: 'owners',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Rollup', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    { name: 'RollupKey', title: 'Rollup key', kind: 'Text', maxLength: 96, required: true, indexed: true, unique: true, description: 'Procurement reference | period end.' },
    PROCUREMENT_REF,
    { name: 'PeriodEnd', title: 'Period end', kind: 'DateTime', dateOnly: true, required: true, indexed: true },
    { name: 'Authority', title: 'Authority', kind: 'Choice', choices: AUTHORITY_CHOICES, required: true, indexed: true, format: labelFormat(AUTHORITY_LABELS) },
    { name: 'SupplierName', title: 'Supplier', kind: 'Text', maxLength: 255, indexed: true },
    { name: 'Themes', title: 'Themes', kind: 'MultiChoice', choices: THEME_CHOICES, description: 'The themes this procurement has figures for in the quarter (a theme can be listed with zeros).' },
    { name: 'CommittedPence', title: 'Committed (all themes)', kind: 'Number', decimals: 0, min: 0, required: true, format: MONEY },
    { name: 'ReportedPence', title: 'Reported, awaiting verification (all themes)', kind: 'Number', decimals: 0, min: 0, required: true, format: MONEY },
    { name: 'VerifiedPence', title: 'Verified delivered (all themes)', kind: 'Number', decimals: 0, min: 0, required: true, format: MONEY },
    ...themeFigures(ROLLUP_THEME_PREFIX['growth-skills-employment'], 'growth-skills-employment'),
    ...themeFigures(ROLLUP_THEME_PREFIX['local-businesses'], 'local-businesses'),
    ...themeFigures(ROLLUP_THEME_PREFIX['healthier-stronger-communities'], 'healthier-stronger-communities'),
    ...themeFigures(ROLLUP_THEME_PREFIX.environment, 'environment'),
    ...themeFigures(ROLLUP_THEME_PREFIX['social-innovation'], 'social-innovation'),
    ...themeFigures(ROLLUP_THEME_PREFIX['planning-development'], 'planning-development'),
    {
      name: 'Quantities',
      title: 'Quantities by measure',
      kind: 'Note',
      // At most one line per measure of the library; ample for the few dozen a contract commits to.
      maxLength: 4000,
      lines: 6,
      description: 'One line per measure: code | unit | committed | reported (awaiting verification) | verified, in the measure’s unit. Percentages are not summed.',
    },
  ],
  views: [
    { title: 'All rollups', isDefault: true, rowLimit: 100, fields: ['ProcurementRef', 'PeriodEnd', 'Authority', 'SupplierName', 'Themes', 'CommittedPence', 'ReportedPence', 'VerifiedPence'], query: viewQuery(undefined, [['PeriodEnd', false]]) },
    {
      title: 'Verified by theme',
      rowLimit: 100,
      fields: ['ProcurementRef', 'PeriodEnd', 'Authority', 'GrowthVerified', 'BusinessVerified', 'CommunityVerified', 'EnvironmentVerified', 'InnovationVerified', 'PlanningVerified', 'VerifiedPence'],
      query: viewQuery(undefined, [['PeriodEnd', false]]),
    },
  ],
} as const satisfies ListDef;

/**
 * Each commitment's progress (RAG and verified delivered quantity) as the site owner's figures update last
 * computed it from the verifications on record: what the dashboard's at-risk list and the taskforce card read.
 * Owners only. The Commitments list keeps a RAG too, for its views, but any officer who saves a commitment
 * writes it, so a member could hide a Red commitment from the region by typing Green (issue 19).
 */
export const PROGRESS_LIST = {
  title: 'CommitmentProgress',
  description: 'Each commitment’s RAG and verified delivered quantity, as the site owner’s figures update last computed them from the verifications on record. Written by that update only.',
  writeAccess: 'owners',
  versioning: true,
  fields: [
    { name: 'Title', title: 'Commitment', kind: 'Text', maxLength: 255, required: true, builtIn: true },
    MODIFIED,
    { name: 'ProgressKey', title: 'Commitment ID (key)', kind: 'Text', maxLength: 16, required: true, indexed: true, unique: true, description: 'The Commitments item’s ID: one progress item per commitment.' },
    { name: 'CommitmentId', title: 'Commitment ID', kind: 'Number', decimals: 0, min: 1, required: true },
    PROCUREMENT_REF,
    { name: 'MeasureCode', title: 'Measure code', kind: 'Text', maxLength: 16, required: true },
    { name: 'TargetQuantity', title: 'Target quantity', kind: 'Number', min: 0, required: true },
    { name: 'Unit', title: 'Unit', kind: 'Choice', choices: MEASURE_UNITS, required: true },
    { name: 'DueDate', title: 'Due date', kind: 'DateTime', dateOnly: true, required: true },
    { name: 'Rag', title: 'RAG', kind: 'Choice', choices: RAGS, required: true, indexed: true, format: RAG_FORMAT },
    { name: 'VerifiedQuantity', title: 'Verified delivered quantity', kind: 'Number', min: 0, required: true },
  ],
  views: [
    { title: 'At-risk commitments', isDefault: true, rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'LinkTitle', 'TargetQuantity', 'VerifiedQuantity', 'Unit', 'DueDate', 'Rag', 'Modified'], query: viewQuery(anyOf('Rag', 'Choice', ['Red', 'Amber']), [['DueDate', true]]) },
    { title: 'All progress', rowLimit: 50, fields: ['ProcurementRef', 'MeasureCode', 'LinkTitle', 'TargetQuantity', 'VerifiedQuantity', 'Unit', 'DueDate', 'Rag', 'Modified'], query: viewQuery(undefined, [['ProcurementRef', true], ['MeasureCode', true]]) },
  ],
} as const satisfies ListDef;

/** In provisioning order. */
export const SCHEMA = [
  PROCUREMENTS_LIST,
  COMMITMENTS_LIST,
  OUTCOME_LOGS_LIST,
  ACTION_PLAN_LIST,
  CASE_STUDIES_LIST,
  MEASURES_LIST,
  THRESHOLDS_LIST,
  SETTINGS_LIST,
  TASKFORCE_POSTS_LIST,
  APPROVALS_LIST,
  VERIFICATIONS_LIST,
  ROLLUPS_LIST,
  PROGRESS_LIST,
  KPI_ASSESSMENTS_LIST,
] as const;

export type SchemaList = (typeof SCHEMA)[number];
export type ListTitle = SchemaList['title'];

export function listByTitle(title: string): ListDef | undefined {
  return (SCHEMA as readonly ListDef[]).filter((l) => l.title === title)[0];
}
