// The new-procurement guide's working copy: exactly what the officer typed, step by step, so going back
// never loses an entry and a reload restores it. Every decision about it is the domain's: this module
// only turns typed text into domain values and asks the domain, under the policy edition in force
// (passed in, never defaulted, so no decision silently falls back to the built-in edition).
import {
  DEFAULT_AUTHORITY_ID,
  DEFAULT_REGIME,
  PolicyInputError,
  determineTier,
  kpiDuty,
  parsePounds,
  penceToPounds,
  recommendWeighting,
  tierSnapshot,
  validateProcurementBasics,
  validateSubmission,
  validateWeighting,
} from '../../domain';
import type {
  ActionPlanItem,
  ContractType,
  FieldError,
  IsoDate,
  KpiDuty,
  Measure,
  PolicyEdition,
  Procurement,
  Regime,
  SocialValueRelevance,
  ThemeId,
  TierDecision,
  WeightingDecision,
  WeightingMethod,
  WeightingRecommendation,
} from '../../domain';
import type { ProcurementBundle, Stored } from '../../app/hubData';

export type StepId = 'basics' | 'tier' | 'measures' | 'weighting' | 'action-plan' | 'review';

export interface DraftAction {
  action: string;
  ownerEmail: string;
  ownerName: string;
  dueDate: string;
}

export interface GuideDraft {
  /** The procurement's reference, generated when the draft starts: also the key that makes saves retry-safe. */
  reference: string;
  step: StepId;
  title: string;
  authorityId: string;
  directorate: string;
  leadOfficerEmail: string;
  leadOfficerName: string;
  contractType: ContractType | '';
  regime: Regime;
  /** As typed, e.g. "£250,000" or "250000". */
  estimatedValue: string;
  decisionDate: string;
  durationMonths: string;
  /** Awards a framework (optional: drafts kept before it existed have none). */
  framework?: boolean;
  /** Public Services (Social Value) Act 2012: considered before the procurement started, and how. */
  socialValueConsidered?: boolean;
  socialValueConsideration?: string;
  themeIds: ThemeId[];
  /** Measure code → target quantity as typed. */
  targets: { code: string; quantity: string }[];
  relevance: SocialValueRelevance;
  socialValueEssential: boolean;
  method: WeightingMethod | '';
  percent: string;
  justification: string;
  /** One essential criterion per line. */
  essentialCriteria: string;
  actions: DraftAction[];
  /** When the draft was last written to the list (ISO date-time). */
  savedAt?: string;
  /** The list item's ETag after this browser's last save: tells unsaved typing from someone else's save. */
  savedEtag?: string;
}

/** A reference no one else will pick: authority-year-random, e.g. "WMCA-2026-7KQ3TD". */
export function newReference(authorityId: string, today: IsoDate, random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += alphabet.charAt(Math.floor(random() * alphabet.length));
  const prefix = authorityId === DEFAULT_AUTHORITY_ID ? 'WMCA' : authorityId.slice(0, 4).toUpperCase();
  return `${prefix}-${today.slice(0, 4)}-${suffix}`;
}

export function newDraft(user: { email: string; displayName: string }, today: IsoDate): GuideDraft {
  return {
    reference: newReference(DEFAULT_AUTHORITY_ID, today),
    step: 'basics',
    title: '',
    authorityId: DEFAULT_AUTHORITY_ID,
    directorate: '',
    leadOfficerEmail: user.email,
    leadOfficerName: user.displayName,
    contractType: '',
    regime: DEFAULT_REGIME,
    estimatedValue: '',
    decisionDate: today,
    durationMonths: '',
    themeIds: [],
    targets: [],
    relevance: 'medium',
    socialValueEssential: false,
    method: '',
    percent: '',
    justification: '',
    essentialCriteria: '',
    actions: [],
  };
}

/** The draft's estimated value in pence, or the reason it cannot be read. */
export function estimatedValuePence(draft: GuideDraft): { pence?: number; error?: string } {
  if (draft.estimatedValue.trim() === '') return { error: 'Enter the estimated whole-life value, including VAT.' };
  try {
    return { pence: parsePounds(draft.estimatedValue, 'estimated value') };
  } catch (e) {
    return { error: e instanceof PolicyInputError ? e.message : 'Enter the value in pounds, e.g. 250,000.' };
  }
}

/** Typed text as a number: '' stays undefined (so the domain says "enter …"), anything else is Number(text). */
/** A number as typed ("1,200" is 1200); undefined when blank, NaN when not a number. */
export function typedNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/,/g, '');
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The draft as the domain's procurement, for the domain's validators. */
function asProcurement(draft: GuideDraft): Partial<Procurement> {
  return {
    reference: draft.reference,
    title: draft.title,
    authorityId: draft.authorityId,
    directorate: draft.directorate,
    leadOfficer: { email: draft.leadOfficerEmail.trim(), displayName: draft.leadOfficerName.trim() },
    contractType: (draft.contractType || undefined) as ContractType | undefined,
    regime: draft.regime,
    estimatedValuePence: estimatedValuePence(draft).pence,
    decisionDate: draft.decisionDate,
    durationMonths: typedNumber(draft.durationMonths),
    framework: !!draft.framework,
    socialValueConsidered: !!draft.socialValueConsidered,
    socialValueConsideration: (draft.socialValueConsideration ?? '').trim() || undefined,
    themeIds: draft.themeIds,
    measureTargets: draft.targets.map((t) => ({ measureCode: t.code, targetQuantity: typedNumber(t.quantity) as number })),
    weighting: weightingDecision(draft),
  };
}

const BASICS_FIELDS = /^(title|authorityId|directorate|leadOfficer\.|contractType|regime|estimatedValuePence|decisionDate|durationMonths)/;
const MEASURES_FIELDS = /^(themeIds|measureTargets)/;
const TIER_FIELDS = /^socialValueConsider/;

/** Problems with the basics, each next to its field (the domain's own validator and words). */
export function basicsErrors(draft: GuideDraft, edition: PolicyEdition, library?: readonly Measure[]): FieldError[] {
  const errors = validateProcurementBasics(asProcurement(draft), { edition, library }).filter((e) => BASICS_FIELDS.test(e.field));
  const value = estimatedValuePence(draft);
  if (value.error) {
    // The domain says the value is missing; the parse error says what is wrong with what was typed.
    return errors.filter((e) => e.field !== 'estimatedValuePence').concat([{ field: 'estimatedValuePence', message: value.error }]);
  }
  if (errors.length === 0) {
    const tier = tierOf(draft, edition);
    if (tier.error) errors.push({ field: 'decisionDate', message: tier.error });
  }
  return errors;
}

/** The tier the policy gives these basics, or why it cannot be decided yet. */
export function tierOf(draft: GuideDraft, edition: PolicyEdition): { decision?: TierDecision; error?: string } {
  const value = estimatedValuePence(draft);
  if (value.pence === undefined || !draft.contractType) return { error: value.error ?? 'Choose the contract type.' };
  try {
    return {
      decision: determineTier(
        {
          estimatedValue: penceToPounds(value.pence),
          contractType: draft.contractType,
          regime: draft.regime,
          decisionDate: draft.decisionDate,
        },
        edition,
      ),
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function weightingDecision(draft: GuideDraft): WeightingDecision {
  const criteria = draft.essentialCriteria
    .split(/\r?\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const percentText = draft.percent.trim().replace(/%$/, '');
  return {
    method: (draft.method || undefined) as WeightingMethod,
    percent: draft.method === 'weighted' && percentText !== '' ? Number(percentText) : undefined,
    justification: draft.justification.trim() || undefined,
    essentialCriteria: draft.method === 'pass-fail' ? criteria : undefined,
  };
}

export function weightingErrors(draft: GuideDraft, tier: TierDecision, edition: PolicyEdition): FieldError[] {
  return validateWeighting(weightingDecision(draft), tier.tier, edition).errors;
}

/** Section 52's KPI duty for the draft, as the domain decides it. */
export function kpiDutyOf(draft: GuideDraft, tier: TierDecision, edition: PolicyEdition): KpiDuty {
  return kpiDuty(
    { estimatedValuePence: tier.estimatedValuePence, contractType: tier.contractType, regime: tier.regime, decisionDate: tier.decisionDate, framework: !!draft.framework },
    edition,
  );
}

export function weightingRecommendation(draft: GuideDraft, tier: TierDecision, edition: PolicyEdition): WeightingRecommendation {
  return recommendWeighting(
    {
      tier: tier.tier,
      estimatedValue: penceToPounds(tier.estimatedValuePence),
      contractType: tier.contractType,
      relevance: draft.relevance,
      socialValueEssential: draft.socialValueEssential,
      kpiDuty: kpiDutyOf(draft, tier, edition),
    },
    edition,
  );
}

/** The tier step's own fields: the Social Value Act 2012 record, where the Act applies (the domain's submission rule). */
export function tierStepErrors(draft: GuideDraft, edition: PolicyEdition, library?: readonly Measure[]): FieldError[] {
  const bundle = toBundle(draft, edition);
  return validateSubmission(bundle.procurement, { edition, library, actionPlan: bundle.actionPlan }).filter((e) => TIER_FIELDS.test(e.field));
}

/** Themes and targets, as the domain rules them: a theme from £50,000, every target a valid quantity in its unit. */
export function targetErrors(draft: GuideDraft, edition: PolicyEdition, library?: readonly Measure[]): FieldError[] {
  // The submission rule, so the step also says when the top tier has no measure with a target.
  return validateSubmission(asProcurement(draft), { edition, library }).filter((e) => MEASURES_FIELDS.test(e.field));
}

/** The action plan's problems, as the domain sees them at submission (fields actionPlan[i].…). */
export function actionPlanErrors(draft: GuideDraft, edition: PolicyEdition, library?: readonly Measure[]): FieldError[] {
  const bundle = toBundle(draft, edition);
  return validateSubmission(bundle.procurement, { edition, library, actionPlan: bundle.actionPlan }).filter((e) => /^actionPlan/.test(e.field));
}

/** The field name of target i, as the domain's validator names it. */
export function targetField(index: number): string {
  return `measureTargets[${index}].targetQuantity`;
}

/** Every problem that stops the draft from being submitted, step by step. */
export function draftProblems(draft: GuideDraft, edition: PolicyEdition, library?: readonly Measure[]): Partial<Record<StepId, FieldError[]>> {
  const basics = basicsErrors(draft, edition, library);
  const problems: Partial<Record<StepId, FieldError[]>> = {};
  if (basics.length) problems.basics = basics;
  const tier = tierOf(draft, edition).decision;
  if (!tier) return problems;
  const tierFields = tierStepErrors(draft, edition, library);
  if (tierFields.length) problems.tier = tierFields;
  const targets = targetErrors(draft, edition, library);
  if (targets.length) problems.measures = targets;
  const weighting = weightingErrors(draft, tier, edition);
  if (weighting.length) problems.weighting = weighting;
  const plan = actionPlanErrors(draft, edition, library);
  if (plan.length) problems['action-plan'] = plan;
  return problems;
}

/** The draft as the domain's procurement and action plan, ready for the data layer's one-batch save. */
export function toBundle(draft: GuideDraft, edition: PolicyEdition, existing?: Stored<Procurement>): ProcurementBundle {
  const tier = tierOf(draft, edition).decision;
  const value = estimatedValuePence(draft).pence ?? 0;
  const procurement: Procurement = {
    ...(existing ?? {}),
    reference: draft.reference,
    title: draft.title.trim(),
    authorityId: draft.authorityId,
    directorate: draft.directorate.trim(),
    leadOfficer: { email: draft.leadOfficerEmail.trim(), displayName: draft.leadOfficerName.trim() || draft.leadOfficerEmail.trim() },
    contractType: (draft.contractType || 'services') as ContractType,
    regime: draft.regime,
    estimatedValuePence: value,
    decisionDate: draft.decisionDate,
    durationMonths: typedNumber(draft.durationMonths) ?? 0,
    framework: draft.framework ? true : undefined,
    socialValueConsidered: draft.socialValueConsidered ? true : undefined,
    socialValueConsideration: (draft.socialValueConsideration ?? '').trim() || undefined,
    tierDecision: tier ? tierSnapshot(tier) : undefined,
    themeIds: draft.themeIds,
    measureTargets: draft.targets
      .filter((t) => typedNumber(t.quantity) !== undefined && isFinite(Number(typedNumber(t.quantity))))
      .map((t) => ({ measureCode: t.code, targetQuantity: Number(typedNumber(t.quantity)) })),
    weighting: weightingDecision(draft),
    status: existing?.status ?? 'Draft',
  };
  const actionPlan: ActionPlanItem[] = draft.actions.map((a) => ({
    procurementReference: draft.reference,
    action: a.action.trim(),
    ownerEmail: a.ownerEmail.trim(),
    ownerName: a.ownerName.trim() || a.ownerEmail.trim(),
    dueDate: a.dueDate,
    status: 'Not started',
  }));
  return { procurement, actionPlan };
}

/** A saved procurement back into the guide, to edit a draft (or an approved decision, which then needs re-approval). */
export function draftFromProcurement(p: Procurement, actions: readonly ActionPlanItem[]): GuideDraft {
  return {
    reference: p.reference,
    step: 'basics',
    title: p.title,
    authorityId: p.authorityId,
    directorate: p.directorate,
    leadOfficerEmail: p.leadOfficer.email,
    leadOfficerName: p.leadOfficer.displayName,
    contractType: p.contractType,
    regime: p.regime,
    estimatedValue: String(penceToPounds(p.estimatedValuePence)),
    decisionDate: p.decisionDate,
    durationMonths: String(p.durationMonths || ''),
    framework: !!p.framework,
    socialValueConsidered: !!p.socialValueConsidered,
    socialValueConsideration: p.socialValueConsideration ?? '',
    themeIds: [...p.themeIds],
    targets: (p.measureTargets ?? []).map((t) => ({ code: t.measureCode, quantity: String(t.targetQuantity) })),
    relevance: 'medium',
    socialValueEssential: p.weighting.method === 'pass-fail',
    method: p.weighting.method,
    percent: p.weighting.percent === undefined ? '' : String(p.weighting.percent),
    justification: p.weighting.justification ?? '',
    essentialCriteria: (p.weighting.essentialCriteria ?? []).join('\n'),
    actions: actions.map((a) => ({ action: a.action, ownerEmail: a.ownerEmail, ownerName: a.ownerName, dueDate: a.dueDate })),
  };
}

/** The steps this draft goes through: the action plan step only where the policy asks for one. */
export function stepsFor(draft: GuideDraft, edition: PolicyEdition): StepId[] {
  const tier = tierOf(draft, edition).decision;
  const steps: StepId[] = ['basics', 'tier', 'measures', 'weighting'];
  if (!tier || tier.actionPlanRequired || draft.actions.length > 0) steps.push('action-plan');
  steps.push('review');
  return steps;
}

/** What the list keeps of a draft (not the step, nor the guide's own working fields), to compare two copies. */
function listContent(draft: GuideDraft): string {
  const value = estimatedValuePence(draft);
  return JSON.stringify([
    draft.title.trim(), draft.authorityId, draft.directorate.trim(), draft.leadOfficerEmail.trim().toLowerCase(), draft.contractType,
    draft.regime, value.pence ?? draft.estimatedValue, draft.decisionDate, draft.durationMonths.trim(), [...draft.themeIds].sort(),
    draft.targets.map((t) => [t.code, t.quantity.trim()]), draft.method, draft.percent.trim(), draft.justification.trim(),
    draft.essentialCriteria.trim(), draft.actions,
  ]);
}

/** Which copy a reopened guide shows, and whether the other one differs (the guide says which it kept). */
export interface ReconciledDraft {
  draft: GuideDraft;
  /** 'browser': unsaved typing kept over the list; 'list': the list changed since this browser saved. */
  kept?: 'browser' | 'list';
  /** The copy set aside when `kept` is 'list', so the officer can take theirs back. */
  setAside?: GuideDraft;
}

/**
 * A draft reopened after a reload, with the list's copy read first. The browser's copy holds what was
 * typed since its last save; it wins only while the list still holds that save (same ETag). When the
 * list changed since (another device, a colleague, an approval), the list's copy is shown and the
 * browser's is kept aside, never lost.
 */
export function reconcileDraft(browser: GuideDraft | undefined, stored: { draft: GuideDraft; etag: string } | undefined): ReconciledDraft | undefined {
  if (!stored) return browser && { draft: browser };
  if (!browser) return { draft: stored.draft };
  if (listContent(browser) === listContent(stored.draft)) return { draft: { ...browser, savedEtag: stored.etag } };
  if (browser.savedEtag === stored.etag) return { draft: browser, kept: 'browser' };
  return { draft: { ...stored.draft, step: browser.step, savedEtag: stored.etag }, kept: 'list', setAside: browser };
}
