/* eslint-disable @rushstack/no-new-null -- SharePoint's REST JSON uses null for an empty column, and so do these types. */
// List items ⇄ domain records. Item shapes come from the schema (ItemWrite/ItemRead), so a renamed or
// retyped column is a compile error here. Person columns need site user ids, resolved by the caller.
import { MEASURE_UNITS, THEMES, themeForMeasureCode, thousandthsFromText, thousandthsText } from '../../domain';
import type {
  ActionPlanItem,
  CaseStudy,
  Commitment,
  ContractPerformanceRating,
  IsoDate,
  Kpi,
  Measure,
  OutcomeLog,
  Procurement,
  ProcurementMeasureTarget,
  RecordedKpiAssessment,
  ThemeId,
  ThresholdRow,
  WeightingDecision,
} from '../../domain';
import type { CommitmentWithProgress, MeasureUnit, QuantityFigures, Rollup } from '../../domain';
import type { AwardSummary, Stored, TaskforcePost } from '../ports';
import type { ApprovalDecision } from '../ports';
import type { FieldMap, ItemRead, ItemWrite } from '../schema/items';
import type {
  ACTION_PLAN_LIST,
  APPROVALS_LIST,
  CASE_STUDIES_LIST,
  COMMITMENTS_LIST,
  KPI_ASSESSMENTS_LIST,
  MEASURES_LIST,
  OUTCOME_LOGS_LIST,
  PROCUREMENTS_LIST,
  ROLLUPS_LIST,
  TASKFORCE_POSTS_LIST,
  THRESHOLDS_LIST,
} from '../schema/lists';
import { ROLLUP_THEME_PREFIX } from '../schema/lists';

// ---- values ------------------------------------------------------------------------------------

/** Date-only columns are written as UTC midnight, the form SharePoint returns them in. */
export function toSpDate(date: IsoDate | undefined): string | null {
  return date ? `${date}T00:00:00Z` : null;
}

/**
 * Back to yyyy-mm-dd. A site in another time zone may hand back local midnight in UTC (the evening
 * before), so the nearest UTC date is taken.
 */
export function fromSpDate(value: string | null | undefined): IsoDate | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  if (isNaN(t)) return undefined;
  return new Date(t + 12 * 3600 * 1000).toISOString().slice(0, 10);
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);
const str = (v: string | null | undefined): string | undefined => (v === null || v === undefined || v === '' ? undefined : v);
const lines = (text: string | null | undefined): string[] =>
  (text || '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** True when every column of `body` already holds that value in `item` (so a retry need not write it). */
export function sameValues(body: Record<string, unknown>, item: Record<string, unknown>): boolean {
  return Object.keys(body).every((key) => {
    const want = body[key];
    const have = item[key];
    const empty = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty(want) || empty(have)) return empty(want) && empty(have);
    if (Array.isArray(want)) return Array.isArray(have) && want.join('\n') === have.join('\n');
    if (typeof want === 'object') return !!have && typeof have === 'object' && (want as { Url?: string }).Url === (have as { Url?: string }).Url;
    if (typeof want === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(want) && typeof have === 'string') return Date.parse(want) === Date.parse(have);
    return want === have;
  });
}

export function stored<T>(record: T, item: { Id: number; 'odata.etag'?: string; Modified?: string | null }): Stored<T> {
  return { ...record, id: item.Id, etag: item['odata.etag'] || '*', modified: opt(item.Modified) };
}

/** The theme a measure code belongs to (its prefix), from the domain. */
export function themeOfMeasure(code: string): ThemeId | undefined {
  const theme = themeForMeasureCode(code);
  return theme ? theme.id : undefined;
}

// ---- keys: client-generated, so a retried write finds what already landed -------------------------

export const commitmentKey = (ref: string, measureCode: string): string => `${ref}|${measureCode}`;
export const logKey = (ref: string, measureCode: string, periodEnd: IsoDate): string => `${ref}|${measureCode}|${periodEnd}`;
/** The Rollups list's key: one item per procurement and quarter. */
export const rollupKey = (ref: string, periodEnd: IsoDate): string => `${ref}|${periodEnd}`;
export const decisionKey = (ref: string, round: number): string => `${ref}|${round}`;
export const thresholdKey = (row: ThresholdRow): string => `${row.effectiveFrom}|${row.regime}|${row.contractType}`;

/** FNV-1a, hex: a short stable fingerprint of an action's text for its key. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}
// String(): a missing or non-text action or title must reach validation (and its message), not crash here.
export const actionKey = (ref: string, action: string): string => `${ref}|${fingerprint(String(action ?? '').trim().toLowerCase())}`;
export const caseStudyKey = (ref: string, title: string): string => `${ref}|${fingerprint(String(title ?? '').trim().toLowerCase())}`;

// ---- procurements ------------------------------------------------------------------------------

/** Which domain field each column holds, so a refused column is reported in the form's own terms. */
export const PROCUREMENT_FIELDS: FieldMap<typeof PROCUREMENTS_LIST> = {
  Title: 'title',
  Reference: 'reference',
  Authority: 'authorityId',
  Directorate: 'directorate',
  LeadOfficer: 'leadOfficer',
  ContractType: 'contractType',
  Regime: 'regime',
  EstimatedValuePence: 'estimatedValuePence',
  DecisionDate: 'decisionDate',
  DurationMonths: 'durationMonths',
  IsFramework: 'framework',
  SocialValueConsidered: 'socialValueConsidered',
  SocialValueConsideration: 'socialValueConsideration',
  Tier: 'tierDecision.tier',
  ThresholdPence: 'tierDecision.thresholdPence',
  ThresholdEffectiveFrom: 'tierDecision.thresholdEffectiveFrom',
  PolicyEdition: 'tierDecision.policyEditionId',
  Themes: 'themeIds',
  MeasureTargets: 'measureTargets',
  WeightingMethod: 'weighting.method',
  WeightingPercent: 'weighting.percent',
  Justification: 'weighting.justification',
  PassFailCriteria: 'weighting.essentialCriteria',
  Status: 'status',
  SubmittedBy: 'submittedByEmail',
  SubmittedAt: 'submittedAt',
  Approver: 'approverEmail',
  SupplierName: 'supplier.name',
  SupplierIsSme: 'supplier.isSme',
  SupplierIsVcse: 'supplier.isVcse',
  SupplierIsLocal: 'supplier.isLocal',
  SupplierPostcode: 'supplier.postcode',
  AwardValuePence: 'awardValuePence',
  ContractStart: 'contractStart',
  ContractEnd: 'contractEnd',
  TenderNoticeId: 'tenderNoticeId',
  ContractDetailsNoticeId: 'contractDetailsNoticeId',
  Kpis: 'kpis',
  KpisNotAppropriate: 'kpisNotAppropriateReason',
};

export interface ProcurementPeople {
  leadOfficerId: number;
  approverId?: number | null;
  submittedById?: number | null;
}

export function measureTargetsText(targets: readonly ProcurementMeasureTarget[] | undefined): string | null {
  return targets && targets.length > 0 ? targets.map((t) => `${t.measureCode} = ${t.targetQuantity}`).join('\n') : null;
}

export function measureTargetsFromText(text: string | null | undefined): ProcurementMeasureTarget[] {
  return lines(text)
    .map((l) => /^([^=]+?)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ measureCode: m[1].trim(), targetQuantity: Number(m[2]) }));
}

/** KPIs as the column holds them: JSON, so a name or target may hold any character a person types. */
export function kpisText(kpis: readonly Kpi[] | undefined): string | null {
  return kpis && kpis.length > 0 ? JSON.stringify(kpis.map((k) => (k.measureCode ? { name: k.name, target: k.target, measureCode: k.measureCode } : { name: k.name, target: k.target }))) : null;
}

/** The column read back; anything typed into it that is not the hub's shape is left out, never a crash. */
export function kpisFromText(text: string | null | undefined): Kpi[] | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const isText = (v: unknown): v is string => typeof v === 'string';
  const kpis = (parsed as Record<string, unknown>[])
    .filter((k) => !!k && typeof k === 'object' && isText(k.name) && isText(k.target))
    .map((k) => (isText(k.measureCode) && k.measureCode ? { name: k.name as string, target: k.target as string, measureCode: k.measureCode } : { name: k.name as string, target: k.target as string }));
  return kpis.length > 0 ? kpis : undefined;
}

export function procurementToItem(p: Procurement, people: ProcurementPeople): ItemWrite<typeof PROCUREMENTS_LIST> {
  const t = p.tierDecision;
  const s = p.supplier;
  // A draft may not have reached the themes or weighting steps: nothing chosen yet, not a crash.
  const w: Partial<WeightingDecision> = p.weighting || {};
  return {
    Title: p.title,
    Reference: p.reference,
    Authority: p.authorityId,
    Directorate: p.directorate || null,
    LeadOfficerId: people.leadOfficerId,
    ContractType: p.contractType,
    Regime: p.regime,
    EstimatedValuePence: p.estimatedValuePence,
    DecisionDate: toSpDate(p.decisionDate),
    DurationMonths: p.durationMonths,
    IsFramework: !!p.framework,
    SocialValueConsidered: !!p.socialValueConsidered,
    SocialValueConsideration: p.socialValueConsideration || null,
    Tier: t ? t.tier : null,
    ThresholdPence: t ? t.thresholdPence : null,
    ThresholdEffectiveFrom: t ? toSpDate(t.thresholdEffectiveFrom) : null,
    PolicyEdition: t ? t.policyEditionId : null,
    Themes: (p.themeIds || []).slice(),
    MeasureTargets: measureTargetsText(p.measureTargets),
    WeightingMethod: w.method,
    WeightingPercent: w.percent ?? null,
    Justification: w.justification || null,
    PassFailCriteria: w.essentialCriteria && w.essentialCriteria.length ? w.essentialCriteria.join('\n') : null,
    Status: p.status,
    SubmittedById: people.submittedById ?? null,
    SubmittedAt: p.submittedAt || null,
    ApproverId: people.approverId ?? null,
    SupplierName: s ? s.name : null,
    SupplierIsSme: s ? s.isSme : null,
    SupplierIsVcse: s ? s.isVcse : null,
    SupplierIsLocal: s ? s.isLocal : null,
    SupplierPostcode: s && s.postcode ? s.postcode : null,
    AwardValuePence: p.awardValuePence ?? null,
    ContractStart: toSpDate(p.contractStart),
    ContractEnd: toSpDate(p.contractEnd),
    TenderNoticeId: p.tenderNoticeId || null,
    ContractDetailsNoticeId: p.contractDetailsNoticeId || null,
    Kpis: kpisText(p.kpis),
    KpisNotAppropriate: p.kpisNotAppropriateReason || null,
  };
}

export type ProcurementItem = ItemRead<typeof PROCUREMENTS_LIST>;

export function procurementFromItem(item: ProcurementItem): Stored<Procurement> & { approvalRound: number } {
  const tier = item.Tier;
  const p: Procurement & { approvalRound: number } = {
    reference: item.Reference || '',
    title: item.Title || '',
    authorityId: item.Authority || '',
    directorate: item.Directorate || '',
    leadOfficer: { email: item.LeadOfficer ? item.LeadOfficer.EMail : '', displayName: item.LeadOfficer ? item.LeadOfficer.Title : '' },
    contractType: item.ContractType || 'services',
    regime: item.Regime || 'sub-central',
    estimatedValuePence: item.EstimatedValuePence ?? 0,
    decisionDate: fromSpDate(item.DecisionDate) || '',
    durationMonths: item.DurationMonths ?? 0,
    // Unset reads as undefined, not false, so a record saved before these columns existed reads back unchanged.
    framework: item.IsFramework ? true : undefined,
    socialValueConsidered: item.SocialValueConsidered ? true : undefined,
    socialValueConsideration: str(item.SocialValueConsideration),
    tierDecision:
      tier && item.ThresholdPence !== null
        ? {
            tier,
            thresholdPence: item.ThresholdPence,
            thresholdEffectiveFrom: fromSpDate(item.ThresholdEffectiveFrom) || '',
            policyEditionId: item.PolicyEdition || '',
          }
        : undefined,
    themeIds: item.Themes || [],
    measureTargets: measureTargetsFromText(item.MeasureTargets),
    weighting: {
      method: item.WeightingMethod || 'none',
      percent: opt(item.WeightingPercent),
      justification: str(item.Justification),
      essentialCriteria: item.PassFailCriteria ? lines(item.PassFailCriteria) : undefined,
    },
    status: item.Status || 'Draft',
    submittedByEmail: item.SubmittedBy ? item.SubmittedBy.EMail : undefined,
    submittedAt: str(item.SubmittedAt),
    approverEmail: item.Approver ? item.Approver.EMail : undefined,
    ...awardFromItem(item),
    contractEnd: fromSpDate(item.ContractEnd),
    tenderNoticeId: str(item.TenderNoticeId),
    contractDetailsNoticeId: str(item.ContractDetailsNoticeId),
    kpis: kpisFromText(item.Kpis),
    kpisNotAppropriateReason: str(item.KpisNotAppropriate),
    approvalRound: item.ApprovalRound ?? 0,
  };
  return stored(p, item);
}

/** The columns awardSummaryFromItem reads: the dashboard asks for these alone. */
export const AWARD_SUMMARY_COLUMNS = [
  'Id', 'Reference', 'Title', 'Authority', 'DecisionDate', 'Status',
  'SupplierName', 'SupplierIsSme', 'SupplierIsVcse', 'SupplierIsLocal', 'SupplierPostcode', 'AwardValuePence', 'ContractStart',
] as const;

function awardFromItem(item: Pick<ProcurementItem, 'SupplierName' | 'SupplierIsSme' | 'SupplierIsVcse' | 'SupplierIsLocal' | 'SupplierPostcode' | 'AwardValuePence' | 'ContractStart'>): Pick<Procurement, 'supplier' | 'awardValuePence' | 'contractStart'> {
  return {
    supplier: item.SupplierName
      ? {
          name: item.SupplierName,
          isSme: !!item.SupplierIsSme,
          isVcse: !!item.SupplierIsVcse,
          isLocal: !!item.SupplierIsLocal,
          postcode: str(item.SupplierPostcode),
        }
      : undefined,
    awardValuePence: opt(item.AwardValuePence),
    contractStart: fromSpDate(item.ContractStart),
  };
}

export function awardSummaryFromItem(item: ProcurementItem): AwardSummary {
  return {
    reference: item.Reference || '',
    title: item.Title || '',
    authorityId: item.Authority || '',
    decisionDate: fromSpDate(item.DecisionDate) || '',
    status: item.Status || 'Draft',
    ...awardFromItem(item),
  };
}

// ---- commitments -------------------------------------------------------------------------------

export const COMMITMENT_FIELDS: FieldMap<typeof COMMITMENTS_LIST> = {
  ProcurementRef: 'procurementReference',
  MeasureCode: 'measureCode',
  Theme: 'measureCode',
  TargetQuantity: 'targetQuantity',
  Unit: 'unit',
  ProxyPenceLocked: 'proxyPenceLocked',
  ProxyEdition: 'proxyEdition',
  StartDate: 'startDate',
  DueDate: 'dueDate',
  Rag: 'rag',
  VerifiedQuantity: 'verifiedQuantity',
};

export function commitmentToItem(c: CommitmentWithProgress): ItemWrite<typeof COMMITMENTS_LIST> {
  const item: ItemWrite<typeof COMMITMENTS_LIST> = {
    Title: `${c.procurementReference} · ${c.measureCode}`,
    CommitmentKey: commitmentKey(c.procurementReference, c.measureCode),
    ProcurementRef: c.procurementReference,
    MeasureCode: c.measureCode,
    Theme: themeOfMeasure(c.measureCode) ?? null,
    TargetQuantity: c.targetQuantity,
    Unit: c.unit,
    ProxyPenceLocked: c.proxyPenceLocked ?? null,
    ProxyEdition: c.proxyEdition || null,
    StartDate: toSpDate(c.startDate),
    DueDate: toSpDate(c.dueDate),
  };
  if (c.rag !== undefined) item.Rag = c.rag;
  if (c.verifiedQuantity !== undefined) item.VerifiedQuantity = c.verifiedQuantity;
  return item;
}

export function commitmentFromItem(item: ItemRead<typeof COMMITMENTS_LIST>): Stored<CommitmentWithProgress> {
  const c: CommitmentWithProgress = {
    procurementReference: item.ProcurementRef || '',
    measureCode: item.MeasureCode || '',
    targetQuantity: item.TargetQuantity ?? 0,
    unit: item.Unit || 'count',
    proxyPenceLocked: opt(item.ProxyPenceLocked),
    proxyEdition: str(item.ProxyEdition),
    startDate: fromSpDate(item.StartDate),
    dueDate: fromSpDate(item.DueDate) || '',
    rag: opt(item.Rag),
    verifiedQuantity: opt(item.VerifiedQuantity),
  };
  return stored(c, item);
}

// ---- outcome logs ------------------------------------------------------------------------------

export const OUTCOME_FIELDS: FieldMap<typeof OUTCOME_LOGS_LIST> = {
  ProcurementRef: 'procurementReference',
  CommitmentId: 'commitmentId',
  MeasureCode: 'measureCode',
  Theme: 'measureCode',
  PeriodEnd: 'periodEnd',
  Quantity: 'quantity',
  ProxyPence: 'proxyPence',
  ValuePence: 'valuePence',
  EvidenceUrl: 'evidenceUrl',
  EvidenceNotes: 'evidenceNotes',
  ReportedBy: 'reportedBy',
  ReportedAt: 'reportedAt',
  Verification: 'verification',
  VerifiedBy: 'verifiedBy',
  VerifiedAt: 'verifiedAt',
  RejectionReason: 'rejectionReason',
  CelebratedMessageId: 'celebratedMessageId',
};

export function outcomeToItem(o: OutcomeLog): ItemWrite<typeof OUTCOME_LOGS_LIST> {
  return {
    Title: `${o.procurementReference} · ${o.measureCode} · ${o.periodEnd}`,
    LogKey: logKey(o.procurementReference, o.measureCode, o.periodEnd),
    ProcurementRef: o.procurementReference,
    CommitmentId: o.commitmentId ?? null,
    MeasureCode: o.measureCode,
    Theme: themeOfMeasure(o.measureCode) ?? null,
    PeriodEnd: toSpDate(o.periodEnd),
    Quantity: o.quantity,
    ProxyPence: o.proxyPence ?? null,
    ValuePence: o.valuePence ?? null,
    EvidenceUrl: o.evidenceUrl ? { Url: o.evidenceUrl, Description: 'Evidence' } : null,
    EvidenceNotes: o.evidenceNotes || null,
    ReportedBy: o.reportedBy,
    ReportedAt: o.reportedAt || null,
    Verification: o.verification,
    VerifiedBy: o.verifiedBy || null,
    VerifiedAt: o.verifiedAt || null,
    RejectionReason: o.rejectionReason || null,
    CelebratedMessageId: o.celebratedMessageId || null,
  };
}

export function outcomeFromItem(item: ItemRead<typeof OUTCOME_LOGS_LIST>): Stored<OutcomeLog> {
  const o: OutcomeLog = {
    procurementReference: item.ProcurementRef || '',
    commitmentId: opt(item.CommitmentId),
    measureCode: item.MeasureCode || '',
    periodEnd: fromSpDate(item.PeriodEnd) || '',
    quantity: item.Quantity ?? 0,
    proxyPence: opt(item.ProxyPence),
    valuePence: opt(item.ValuePence),
    evidenceUrl: item.EvidenceUrl ? item.EvidenceUrl.Url : undefined,
    evidenceNotes: str(item.EvidenceNotes),
    reportedBy: item.ReportedBy || '',
    reportedAt: str(item.ReportedAt),
    verification: item.Verification || 'Reported',
    verifiedBy: str(item.VerifiedBy),
    verifiedAt: str(item.VerifiedAt),
    rejectionReason: str(item.RejectionReason),
    celebratedMessageId: str(item.CelebratedMessageId),
  };
  return stored(o, item);
}

// ---- action plan -------------------------------------------------------------------------------

export const ACTION_FIELDS: FieldMap<typeof ACTION_PLAN_LIST> = {
  Title: 'action',
  ProcurementRef: 'procurementReference',
  OwnerName: 'ownerName',
  OwnerEmail: 'ownerEmail',
  DueDate: 'dueDate',
  ActionStatus: 'status',
};

export function actionToItem(a: ActionPlanItem, key?: string): ItemWrite<typeof ACTION_PLAN_LIST> {
  return {
    Title: a.action,
    ActionKey: key || actionKey(a.procurementReference, a.action),
    ProcurementRef: a.procurementReference,
    OwnerName: a.ownerName,
    OwnerEmail: a.ownerEmail || null,
    DueDate: toSpDate(a.dueDate),
    ActionStatus: a.status,
  };
}

export function actionFromItem(item: ItemRead<typeof ACTION_PLAN_LIST>): Stored<ActionPlanItem> & { key: string } {
  const a: ActionPlanItem = {
    procurementReference: item.ProcurementRef || '',
    action: item.Title || '',
    ownerName: item.OwnerName || '',
    ownerEmail: item.OwnerEmail || '',
    dueDate: fromSpDate(item.DueDate) || '',
    status: item.ActionStatus || 'Not started',
  };
  return { ...stored(a, item), key: item.ActionKey || '' };
}

// ---- case studies ------------------------------------------------------------------------------

export const CASE_STUDY_FIELDS: FieldMap<typeof CASE_STUDIES_LIST> = {
  Title: 'title',
  ProcurementRef: 'procurementReference',
  Theme: 'themeId',
  Story: 'story',
  Quote: 'quote',
  ImageUrl: 'imageUrl',
  Published: 'published',
};

export function caseStudyToItem(c: CaseStudy): ItemWrite<typeof CASE_STUDIES_LIST> {
  return {
    Title: c.title,
    CaseStudyKey: caseStudyKey(c.procurementReference, c.title),
    ProcurementRef: c.procurementReference,
    Theme: c.themeId,
    Story: c.story,
    Quote: c.quote || null,
    ImageUrl: c.imageUrl ? { Url: c.imageUrl, Description: c.title } : null,
    Published: c.published,
  };
}

export function caseStudyFromItem(item: ItemRead<typeof CASE_STUDIES_LIST>): Stored<CaseStudy> {
  const c: CaseStudy = {
    procurementReference: item.ProcurementRef || '',
    themeId: item.Theme || 'growth-skills-employment',
    title: item.Title || '',
    story: item.Story || '',
    quote: str(item.Quote),
    imageUrl: item.ImageUrl ? item.ImageUrl.Url : undefined,
    published: !!item.Published,
  };
  return stored(c, item);
}

// ---- measures, thresholds ----------------------------------------------------------------------

export const MEASURE_FIELDS: FieldMap<typeof MEASURES_LIST> = {
  Title: 'text',
  Code: 'code',
  Theme: 'themeId',
  Outcome: 'outcome',
  Unit: 'unit',
  ProxyPence: 'proxyPence',
  ProxyEdition: 'proxyEdition',
  ProxySource: 'proxySource',
  RecordOnly: 'recordOnly',
  Active: 'active',
};

export function measureToItem(m: Measure): ItemWrite<typeof MEASURES_LIST> {
  return {
    Title: m.text,
    Code: m.code,
    Theme: m.themeId,
    Outcome: m.outcome,
    Unit: m.unit,
    ProxyPence: m.proxyPence ?? null,
    ProxyEdition: m.proxyEdition || null,
    ProxySource: m.proxySource || null,
    RecordOnly: m.recordOnly,
    Active: m.active,
  };
}

export function measureFromItem(item: ItemRead<typeof MEASURES_LIST>): Stored<Measure> {
  const m: Measure = {
    code: item.Code || '',
    themeId: item.Theme || 'growth-skills-employment',
    outcome: item.Outcome || '',
    text: item.Title || '',
    unit: item.Unit || 'count',
    proxyPence: opt(item.ProxyPence),
    proxyEdition: str(item.ProxyEdition),
    proxySource: str(item.ProxySource),
    recordOnly: !!item.RecordOnly,
    active: item.Active !== false,
  };
  return stored(m, item);
}

export const THRESHOLD_FIELDS: FieldMap<typeof THRESHOLDS_LIST> = {
  Regime: 'regime',
  ContractType: 'contractType',
  ValuePence: 'valuePence',
  EffectiveFrom: 'effectiveFrom',
  EffectiveTo: 'effectiveTo',
  TableId: 'tableId',
  Source: 'source',
};

export function thresholdToItem(row: ThresholdRow): ItemWrite<typeof THRESHOLDS_LIST> {
  return {
    Title: `${row.regime} ${row.contractType} from ${row.effectiveFrom}`,
    ThresholdKey: thresholdKey(row),
    Regime: row.regime,
    ContractType: row.contractType,
    ValuePence: row.valuePence,
    EffectiveFrom: toSpDate(row.effectiveFrom),
    EffectiveTo: toSpDate(row.effectiveTo),
    TableId: row.tableId || null,
    Source: row.source,
  };
}

export function thresholdFromItem(item: ItemRead<typeof THRESHOLDS_LIST>): Stored<ThresholdRow> {
  const row: ThresholdRow = {
    regime: item.Regime || 'sub-central',
    contractType: item.ContractType || 'services',
    valuePence: item.ValuePence ?? 0,
    effectiveFrom: fromSpDate(item.EffectiveFrom) || '',
    effectiveTo: fromSpDate(item.EffectiveTo),
    source: item.Source || '',
    tableId: str(item.TableId),
  };
  return stored(row, item);
}

// ---- approvals, outbox, rollups ----------------------------------------------------------------

export function approvalToItem(d: ApprovalDecision, decidedById: number): ItemWrite<typeof APPROVALS_LIST> {
  return {
    Title: `${d.procurementReference} round ${d.round}: ${d.outcome}`,
    DecisionKey: decisionKey(d.procurementReference, d.round),
    ProcurementRef: d.procurementReference,
    ApprovalRound: d.round,
    Outcome: d.outcome,
    DecidedById: decidedById,
    DecidedAt: d.decidedAt,
    Comments: d.comments || null,
  };
}

export function approvalFromItem(item: ItemRead<typeof APPROVALS_LIST>): ApprovalDecision {
  return {
    procurementReference: item.ProcurementRef || '',
    round: item.ApprovalRound ?? 0,
    outcome: item.Outcome || 'Rejected',
    decidedByEmail: item.DecidedBy ? item.DecidedBy.EMail : '',
    decidedByName: item.DecidedBy ? item.DecidedBy.Title : undefined,
    decidedAt: item.DecidedAt || '',
    comments: str(item.Comments),
  };
}

export const OUTBOX_FIELDS: FieldMap<typeof TASKFORCE_POSTS_LIST> = {
  Title: 'title',
  IdempotencyKey: 'idempotencyKey',
  PostKind: 'kind',
  SubjectRef: 'subjectRef',
  PostStatus: 'status',
  TeamId: 'teamId',
  ChannelId: 'channelId',
  CardJson: 'cardJson',
  MessageId: 'messageId',
  Attempts: 'attempts',
  NextAttemptAt: 'nextAttemptAt',
  LastError: 'lastError',
  PostedAt: 'postedAt',
};

export function postToItem(p: TaskforcePost): ItemWrite<typeof TASKFORCE_POSTS_LIST> {
  return {
    Title: p.title,
    IdempotencyKey: p.idempotencyKey,
    PostKind: p.kind,
    SubjectRef: p.subjectRef || null,
    PostStatus: p.status,
    TeamId: p.teamId || null,
    ChannelId: p.channelId || null,
    CardJson: p.cardJson || null,
    MessageId: p.messageId || null,
    Attempts: p.attempts,
    NextAttemptAt: p.nextAttemptAt || null,
    LastError: p.lastError || null,
    PostedAt: p.postedAt || null,
  };
}

export function postFromItem(item: ItemRead<typeof TASKFORCE_POSTS_LIST>): Stored<TaskforcePost> {
  const p: TaskforcePost = {
    idempotencyKey: item.IdempotencyKey || '',
    kind: item.PostKind || 'success',
    title: item.Title || '',
    subjectRef: str(item.SubjectRef),
    teamId: str(item.TeamId),
    channelId: str(item.ChannelId),
    cardJson: str(item.CardJson),
    status: item.PostStatus || 'Pending',
    messageId: str(item.MessageId),
    attempts: item.Attempts ?? 0,
    nextAttemptAt: str(item.NextAttemptAt),
    lastError: str(item.LastError),
    postedAt: str(item.PostedAt),
  };
  return stored(p, item);
}

type RollupItem = ItemWrite<typeof ROLLUPS_LIST>;
type RollupFigureColumn = `${(typeof ROLLUP_THEME_PREFIX)[ThemeId]}${'Committed' | 'Reported' | 'Verified'}`;

/** A theme's three figure columns in the Rollups list. */
function themeColumns(themeId: ThemeId): { committed: RollupFigureColumn; reported: RollupFigureColumn; verified: RollupFigureColumn } {
  const prefix = ROLLUP_THEME_PREFIX[themeId];
  return { committed: `${prefix}Committed`, reported: `${prefix}Reported`, verified: `${prefix}Verified` };
}

const sumOf = (rows: readonly Rollup[], pick: (r: Rollup) => number): number => rows.reduce((sum, r) => sum + pick(r), 0);

/**
 * The Rollups item of one procurement and quarter from all its theme rows (the caller merges with what is
 * stored first). Themes without a row have empty columns; the totals are the rows' sums.
 */
export function rollupToItem(rows: readonly Rollup[]): RollupItem {
  const first = rows[0];
  const ordered = THEMES.map((t) => rows.filter((r) => r.themeId === t.id)[0]).filter((r): r is Rollup => !!r);
  const item: RollupItem = {
    Title: `${first.procurementReference} · ${first.periodEnd}`,
    RollupKey: rollupKey(first.procurementReference, first.periodEnd),
    ProcurementRef: first.procurementReference,
    PeriodEnd: toSpDate(first.periodEnd),
    Authority: first.authorityId,
    SupplierName: first.supplierName || null,
    Themes: ordered.map((r) => r.themeId),
    CommittedPence: sumOf(ordered, (r) => r.committedPence),
    ReportedPence: sumOf(ordered, (r) => r.reportedPence),
    VerifiedPence: sumOf(ordered, (r) => r.verifiedPence),
    Quantities: quantitiesText(ordered) || null,
  };
  for (const theme of THEMES) {
    const row = ordered.filter((r) => r.themeId === theme.id)[0];
    const columns = themeColumns(theme.id);
    item[columns.committed] = row ? row.committedPence : null;
    item[columns.reported] = row ? row.reportedPence : null;
    item[columns.verified] = row ? row.verifiedPence : null;
  }
  return item;
}

/** Theme rows grouped by the Rollups item they live in (procurement | quarter), in first-seen order. */
export function rollupsByItem(rollups: readonly Rollup[]): Map<string, Rollup[]> {
  const groups = new Map<string, Rollup[]>();
  for (const r of rollups) {
    const key = rollupKey(r.procurementReference, r.periodEnd);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** The Quantities column: one line per measure, "code | unit | committed | reported | verified", in the unit. */
function quantitiesText(rows: readonly Rollup[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    for (const q of r.quantities || []) {
      lines.push([q.measureCode, q.unit, thousandthsText(q.committedThousandths), thousandthsText(q.reportedThousandths), thousandthsText(q.verifiedThousandths)].join(' | '));
    }
  }
  return lines.join('\n');
}

/**
 * The Quantities column read back, by theme. A line that does not read as one (the list is editable by hand)
 * is left out rather than counted as something it is not.
 */
function quantitiesFromText(text: string | null | undefined): Map<ThemeId, QuantityFigures[]> {
  const byTheme = new Map<ThemeId, QuantityFigures[]>();
  for (const line of String(text ?? '').split(/\r?\n/)) {
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== 5) continue;
    const [measureCode, unit, ...figures] = parts;
    const theme = themeForMeasureCode(measureCode);
    const amounts = figures.map(thousandthsFromText);
    if (!theme || MEASURE_UNITS.indexOf(unit as MeasureUnit) < 0 || amounts.some((a) => a === undefined)) continue;
    const [committedThousandths, reportedThousandths, verifiedThousandths] = amounts as number[];
    byTheme.set(theme.id, [...(byTheme.get(theme.id) || []), { measureCode, unit: unit as MeasureUnit, committedThousandths, reportedThousandths, verifiedThousandths }]);
  }
  return byTheme;
}

/** The theme rows of one Rollups item (the themes it lists), each carrying the item's id and ETag. */
export function rollupsFromItem(item: ItemRead<typeof ROLLUPS_LIST>): Stored<Rollup>[] {
  const listed = item.Themes || [];
  const quantities = quantitiesFromText(item.Quantities);
  return THEMES.filter((t) => listed.indexOf(t.id) >= 0).map((theme) => {
    const columns = themeColumns(theme.id);
    const r: Rollup = {
      procurementReference: item.ProcurementRef || '',
      periodEnd: fromSpDate(item.PeriodEnd) || '',
      themeId: theme.id,
      authorityId: item.Authority || '',
      supplierName: str(item.SupplierName),
      committedPence: item[columns.committed] ?? 0,
      reportedPence: item[columns.reported] ?? 0,
      verifiedPence: item[columns.verified] ?? 0,
      quantities: quantities.get(theme.id) || [],
    };
    return stored(r, item);
  });
}

/** Commitments as the domain has them (without the list's delivery figures). */
export function plainCommitment(c: CommitmentWithProgress): Commitment {
  const rest: CommitmentWithProgress = { ...c };
  delete rest.rag;
  delete rest.verifiedQuantity;
  return rest;
}

// ---- KPI assessments (Procurement Act 2023 section 71) ----------------------------------------------

/** One rating per KPI and period assessed: the KPI by fingerprint, as its name may be long. */
export const assessmentKey = (ref: string, kpiName: string, periodEnd: IsoDate): string => `${ref}|${fingerprint(String(kpiName ?? '').trim().toLowerCase())}|${periodEnd}`;

export const KPI_ASSESSMENT_FIELDS: FieldMap<typeof KPI_ASSESSMENTS_LIST> = {
  Title: 'kpiName',
  AssessmentKey: 'kpiName',
  ProcurementRef: 'procurementReference',
  KpiTarget: 'kpiTarget',
  PeriodStart: 'periodStart',
  PeriodEnd: 'periodEnd',
  Rating: 'rating',
  AssessmentNote: 'note',
};

export function assessmentToItem(a: RecordedKpiAssessment): ItemWrite<typeof KPI_ASSESSMENTS_LIST> {
  return {
    Title: a.kpiName,
    AssessmentKey: assessmentKey(a.procurementReference, a.kpiName, a.periodEnd),
    ProcurementRef: a.procurementReference,
    KpiTarget: a.kpiTarget || null,
    PeriodStart: toSpDate(a.periodStart),
    PeriodEnd: toSpDate(a.periodEnd),
    Rating: a.rating,
    AssessmentNote: a.note || null,
  };
}

export function assessmentFromItem(item: ItemRead<typeof KPI_ASSESSMENTS_LIST>): Stored<RecordedKpiAssessment> {
  const a: RecordedKpiAssessment = {
    procurementReference: item.ProcurementRef || '',
    kpiName: item.Title || '',
    kpiTarget: str(item.KpiTarget),
    periodStart: fromSpDate(item.PeriodStart) || '',
    periodEnd: fromSpDate(item.PeriodEnd) || '',
    rating: item.Rating as ContractPerformanceRating,
    note: str(item.AssessmentNote),
  };
  return stored(a, item);
}
