// Field validators for the forms: each returns { field, message }[] (empty when all is well), with
// messages in words an officer understands, naming the field. Field names are the domain model's
// property paths (e.g. 'leadOfficer.email', 'weighting.percent'), so a form can put each message
// under its input.
import { isAuthorityId } from './authorities';
import { isContractType, isRegime } from './contract';
import type { IsoDate } from './dates';
import { EARLIEST_YEAR, LATEST_YEAR, compareIsoDates, formatLongDate, isIsoDate, isIsoDateOutOfRange } from './dates';
import { exactDecimal } from './decimal';
import type { ActionPlanItem, Commitment, OutcomeLog, Procurement } from './entities';
import { MAX_TEXT_LENGTH, VERIFICATION_STATUSES } from './entities';
import type { FieldError } from './errors';
import { PolicyInputError } from './errors';
import type { Measure, MeasureUnit } from './measures';
import { MEASURES, measureByCode, quantityDecimals } from './measures';
import { formatPounds } from './money';
import { isPeriodEnd, periodFor } from './periods';
import { MAX_REFERENCE_LENGTH, sameReference } from './references';
import type { PolicyEdition } from './policyEdition';
import { CURRENT_POLICY_EDITION } from './policyEdition';
import { socialValuePence } from './socialValue';
import { socialValueActApplies } from './socialValueAct';
import { SELF_VERIFICATION_REFUSED, isReporter } from './verificationRecord';
import { isThemeId } from './themes';
import { ACTION_PLAN_DUE, determineTierForPence } from './tier';
import { validateWeighting } from './weighting';


export const MAX_DURATION_MONTHS = 600;
/** No contract delivers a billion of anything; beyond this, quantity × proxy stops being exact pence. */
export const MAX_QUANTITY = 1_000_000_000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9\-/_.]*$/;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function requiredText(errors: FieldError[], field: string, value: unknown, label: string, max = MAX_TEXT_LENGTH): void {
  if (blank(value)) errors.push({ field, message: `Enter the ${label}.` });
  else if (typeof value !== 'string') errors.push({ field, message: `The ${label} must be text.` });
  else if (value.length > max) errors.push({ field, message: `The ${label} must be ${max} characters or fewer (it has ${value.length}).` });
}

function dateField(errors: FieldError[], field: string, value: unknown, label: string, required = true): boolean {
  if (blank(value)) {
    if (required) errors.push({ field, message: `Enter the ${label}.` });
    return false;
  }
  if (isIsoDateOutOfRange(value)) {
    errors.push({ field, message: `The ${label} must be between 1 January ${EARLIEST_YEAR} and 31 December ${LATEST_YEAR}.` });
    return false;
  }
  if (!isIsoDate(value)) {
    errors.push({ field, message: `The ${label} must be a real date (yyyy-mm-dd, e.g. 2026-04-01).` });
    return false;
  }
  return true;
}

export function isValidEmail(value: unknown): boolean {
  return typeof value === 'string' && EMAIL.test(value.trim());
}

/**
 * What a unit allows on its own definition, for the hub's checks and the return workbook's in-cell ones alike:
 * never below 0; its decimal places; and a ceiling only where the unit has one of its own — a share (%) is at
 * most 100. FTE, weeks and hours have none the log can check: their bound for a quarter depends on how many
 * people the figure covers, which no outcome log records.
 */
export interface QuantityLimits {
  decimals: number;
  /** The unit's own ceiling (only a percentage has one). */
  max?: number;
}

export function quantityLimits(unit: MeasureUnit): QuantityLimits {
  return { decimals: quantityDecimals(unit), max: unit === '%' ? 100 : undefined };
}

/**
 * A quantity in a measure's unit: a number, not negative, at most MAX_QUANTITY, whole for counts, at
 * most 100 for %, at most 2 decimal places (3 for tonnes CO2e). `label` names the field in messages.
 */
export function validateOutcomeQuantity(quantity: unknown, unit: MeasureUnit, field = 'quantity', label = 'quantity'): FieldError[] {
  if (quantity === undefined || quantity === null || quantity === '') return [{ field, message: `Enter the ${label} (${unit}).` }];
  if (typeof quantity !== 'number' || !isFinite(quantity)) return [{ field, message: `The ${label} must be a number of ${unit}.` }];
  if (quantity < 0) return [{ field, message: `The ${label} cannot be negative.` }];
  if (quantity > MAX_QUANTITY) return [{ field, message: `The ${label} is too large: at most 1,000,000,000 ${unit}.` }];
  const limits = quantityLimits(unit);
  if (exactDecimal(quantity).scale > limits.decimals) {
    return [{
      field,
      message: limits.decimals === 0 ? `The ${label} is a count, so it must be a whole number.` : `The ${label} can have at most ${limits.decimals} decimal places.`,
    }];
  }
  if (limits.max !== undefined && quantity > limits.max) return [{ field, message: `The ${label} is a percentage, so it cannot be more than ${limits.max}.` }];
  return [];
}

const TYPED_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A quantity as a person typed it — in the hub's field, or as a return's cell shows it — read in the measure's
 * unit: commas as thousands separators; a trailing "%" only on a percentage, since a figure in another unit
 * than its measure's is refused, never converted ("85%" of hours is not 85 hours). Blank gives neither a
 * quantity nor an error (the caller says whether a blank is allowed); the number is then checked by
 * validateOutcomeQuantity.
 */
export function readTypedQuantity(text: string, unit: MeasureUnit, field = 'quantity', label = 'quantity'): { quantity?: number; errors: FieldError[] } {
  const typed = text.trim();
  if (typed === '') return { errors: [] };
  let digits = typed.replace(/,/g, '');
  if (/%$/.test(digits)) {
    if (unit !== '%') return { errors: [{ field, message: `The ${label} is counted in ${unit}, not as a percentage (${typed}).` }] };
    digits = digits.replace(/\s*%$/, '');
  }
  if (!TYPED_NUMBER.test(digits)) return { errors: [{ field, message: `The ${label} "${typed}" is not a number of ${unit}.` }] };
  return { quantity: Number(digits), errors: [] };
}

/** The basics of a procurement (register step): who, what, how much, when. */
export function validateProcurementBasics(
  p: Partial<Procurement>,
  options: { edition?: PolicyEdition; library?: readonly Measure[] } = {},
): FieldError[] {
  const edition = options.edition || CURRENT_POLICY_EDITION;
  const library = options.library || MEASURES;
  const errors: FieldError[] = [];
  requiredText(errors, 'reference', p.reference, 'reference', MAX_REFERENCE_LENGTH);
  if (typeof p.reference === 'string' && !blank(p.reference) && !REFERENCE.test(p.reference.trim())) {
    errors.push({ field: 'reference', message: 'The reference may contain only letters, numbers, hyphens, slashes, underscores and full stops, e.g. WMCA-2026-0042.' });
  }
  requiredText(errors, 'title', p.title, 'title');
  if (blank(p.authorityId)) errors.push({ field: 'authorityId', message: 'Choose the authority the procurement is for.' });
  else if (!isAuthorityId(p.authorityId)) errors.push({ field: 'authorityId', message: 'Choose an authority from the list.' });
  requiredText(errors, 'directorate', p.directorate, 'directorate');
  const lead = p.leadOfficer;
  if (!lead || blank(lead.email)) errors.push({ field: 'leadOfficer.email', message: 'Enter the Procurement Lead Officer’s email address.' });
  else if (!isValidEmail(lead.email)) errors.push({ field: 'leadOfficer.email', message: 'The Procurement Lead Officer’s email address is not valid.' });
  if (!lead || blank(lead.displayName)) errors.push({ field: 'leadOfficer.displayName', message: 'Enter the Procurement Lead Officer’s name.' });
  if (blank(p.contractType)) errors.push({ field: 'contractType', message: 'Choose the contract type: goods, services, works, light-touch services or concession.' });
  else if (!isContractType(p.contractType)) errors.push({ field: 'contractType', message: 'Choose a contract type from the list.' });
  if (p.regime !== undefined && !isRegime(p.regime)) errors.push({ field: 'regime', message: 'Choose the regime: sub-central, central government, utilities or defence and security.' });
  const v = p.estimatedValuePence;
  if (v === undefined || v === null) {
    errors.push({ field: 'estimatedValuePence', message: 'Enter the estimated whole-life value including VAT.' });
  } else if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    errors.push({ field: 'estimatedValuePence', message: 'The estimated value must be an amount in pounds and pence.' });
  } else if (v <= 0) {
    errors.push({ field: 'estimatedValuePence', message: 'The estimated whole-life value must be more than £0.' });
  }
  if (dateField(errors, 'decisionDate', p.decisionDate, 'decision date')) {
    const earliest = edition.thresholdTables.map((t) => t.effectiveFrom).sort()[0];
    if (earliest && compareIsoDates(p.decisionDate as IsoDate, earliest) < 0) {
      errors.push({ field: 'decisionDate', message: `The decision date must be on or after ${formatLongDate(earliest)}, the start of the earliest threshold table.` });
    }
  }
  const d = p.durationMonths;
  if (d === undefined || d === null) errors.push({ field: 'durationMonths', message: 'Enter the contract duration in months.' });
  else if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > MAX_DURATION_MONTHS) {
    errors.push({ field: 'durationMonths', message: `The duration must be a whole number of months from 1 to ${MAX_DURATION_MONTHS}.` });
  }
  const themes = p.themeIds || [];
  if (!Array.isArray(themes) || themes.some((t) => !isThemeId(t))) {
    errors.push({ field: 'themeIds', message: 'Choose themes from the list of the policy’s six themes.' });
  } else if (themes.some((t, i) => themes.indexOf(t) !== i)) {
    errors.push({ field: 'themeIds', message: 'Each theme can be chosen once.' });
  }
  (p.measureTargets || []).forEach((t, i) => {
    const field = `measureTargets[${i}]`;
    const m = measureByCode(t.measureCode, library);
    if (!m) errors.push({ field: `${field}.measureCode`, message: `Measure ${String(t.measureCode)} is not in the measure library.` });
    else errors.push(...validateOutcomeQuantity(t.targetQuantity, m.unit, `${field}.targetQuantity`, `target for ${m.code}`));
  });
  return errors;
}

/**
 * From the light-touch limit TOMs must be considered: at least one theme. A submission's rule (and the
 * themes step's), not a stored draft's: a draft saved before the officer reaches themes is not wrong.
 */
export function validateThemeChoice(p: Partial<Procurement>, edition: PolicyEdition = CURRENT_POLICY_EDITION): FieldError[] {
  const v = p.estimatedValuePence;
  const none = !Array.isArray(p.themeIds) || p.themeIds.length === 0;
  return none && typeof v === 'number' && v >= edition.lightTouchLimitPence
    ? [{ field: 'themeIds', message: `Choose at least one social value theme: from ${formatPounds(edition.lightTouchLimitPence)} TOMs must be considered.` }]
    : [];
}

/**
 * Everything needed before submitting for approval: the basics, a tier decision that matches what the
 * policy edition decides today for these inputs, a valid weighting decision for that tier, and an
 * action plan when the tier requires one.
 */
export function validateSubmission(
  p: Partial<Procurement>,
  options: { edition?: PolicyEdition; library?: readonly Measure[]; actionPlan?: readonly ActionPlanItem[] } = {},
): FieldError[] {
  const edition = options.edition || CURRENT_POLICY_EDITION;
  const errors = validateProcurementBasics(p, options).concat(validateThemeChoice(p, edition));
  if (errors.some((e) => ['estimatedValuePence', 'contractType', 'regime', 'decisionDate'].indexOf(e.field) >= 0)) return errors;
  let decided;
  try {
    decided = determineTierForPence(
      { estimatedValuePence: p.estimatedValuePence as number, contractType: p.contractType as Procurement['contractType'], regime: p.regime, decisionDate: p.decisionDate as IsoDate },
      edition,
    );
  } catch (e) {
    if (e instanceof PolicyInputError) return errors.concat([{ field: 'decisionDate', message: e.message }]);
    throw e;
  }
  const snap = p.tierDecision;
  if (!snap) {
    errors.push({ field: 'tierDecision', message: 'Work out the tier before submitting.' });
  } else if (snap.tier !== decided.tier || snap.thresholdPence !== decided.thresholdPence || snap.policyEditionId !== decided.policyEditionId) {
    errors.push({ field: 'tierDecision', message: `The tier recorded no longer matches the value, type or date: ${decided.reason} Work out the tier again.` });
  }
  if (socialValueActApplies(p.contractType as Procurement['contractType'], decided)) {
    // Public Services (Social Value) Act 2012 s1: considered before the procurement starts, so before submission.
    if (p.socialValueConsidered !== true) {
      errors.push({
        field: 'socialValueConsidered',
        message: 'Confirm that social value was considered before the procurement started: the Public Services (Social Value) Act 2012 requires it for services at or above the threshold.',
      });
    } else if (blank(p.socialValueConsideration)) {
      errors.push({
        field: 'socialValueConsideration',
        message: 'Say how social value was considered: how this procurement might improve the area’s economic, social and environmental well-being, and whether you consulted.',
      });
    }
  }
  if (typeof p.socialValueConsideration === 'string' && p.socialValueConsideration.length > 4000) {
    errors.push({ field: 'socialValueConsideration', message: `How social value was considered must be 4,000 characters or fewer (it has ${p.socialValueConsideration.length}).` });
  }
  if (!p.weighting) {
    errors.push({ field: 'weighting.method', message: 'Choose how social value is weighted.' });
  } else {
    for (const e of validateWeighting(p.weighting, decided.tier, edition).errors) errors.push({ field: `weighting.${e.field}`, message: e.message });
  }
  if (decided.tier === 'toms-included' && !(p.measureTargets || []).some((t) => typeof t.targetQuantity === 'number' && t.targetQuantity > 0)) {
    // The top tier includes TOMs in the tender: a decision with no measure to commit to would be hollow.
    errors.push({
      field: 'measureTargets',
      message: 'At or above the procurement threshold TOMs are included in the tender: choose at least one measure and give it a target.',
    });
  }
  if (decided.actionPlanRequired) {
    const plan = options.actionPlan || [];
    if (plan.length === 0) {
      errors.push({ field: 'actionPlan', message: `At or above the procurement threshold the policy requires an action plan ${ACTION_PLAN_DUE}: add at least one action with an owner and a due date.` });
    }
    plan.forEach((item, i) => errors.push(...validateActionPlanItem(item).map((e) => ({ field: `actionPlan[${i}].${e.field}`, message: e.message }))));
  }
  return errors;
}

export function validateActionPlanItem(item: Partial<ActionPlanItem>): FieldError[] {
  const errors: FieldError[] = [];
  requiredText(errors, 'action', item.action, 'action');
  if (blank(item.ownerEmail)) errors.push({ field: 'ownerEmail', message: 'Choose who owns this action.' });
  else if (!isValidEmail(item.ownerEmail)) errors.push({ field: 'ownerEmail', message: 'The owner’s email address is not valid.' });
  dateField(errors, 'dueDate', item.dueDate, 'due date');
  if (item.status !== undefined && ['Not started', 'In progress', 'Done'].indexOf(item.status) < 0) {
    errors.push({ field: 'status', message: 'Choose the status: Not started, In progress or Done.' });
  }
  return errors;
}

/** The award step: supplier, award value and contract dates. */
export function validateAward(p: Partial<Procurement>): FieldError[] {
  const errors: FieldError[] = [];
  const s = p.supplier;
  if (!s || blank(s.name)) errors.push({ field: 'supplier.name', message: 'Enter the supplier’s name.' });
  else if (typeof s.name !== 'string') errors.push({ field: 'supplier.name', message: 'The supplier’s name must be text.' });
  else if (s.name.length > MAX_TEXT_LENGTH) errors.push({ field: 'supplier.name', message: `The supplier’s name must be ${MAX_TEXT_LENGTH} characters or fewer.` });
  if (s && !blank(s.postcode) && !UK_POSTCODE.test(String(s.postcode).trim())) {
    errors.push({ field: 'supplier.postcode', message: 'The supplier’s postcode is not a UK postcode (e.g. B1 1BB).' });
  }
  const a = p.awardValuePence;
  if (a === undefined || a === null) errors.push({ field: 'awardValuePence', message: 'Enter the award value including VAT.' });
  else if (typeof a !== 'number' || !Number.isSafeInteger(a) || a <= 0) errors.push({ field: 'awardValuePence', message: 'The award value must be an amount in pounds and pence, more than £0.' });
  const startOk = dateField(errors, 'contractStart', p.contractStart, 'contract start date');
  const endOk = dateField(errors, 'contractEnd', p.contractEnd, 'contract end date');
  if (startOk && endOk && compareIsoDates(p.contractEnd as IsoDate, p.contractStart as IsoDate) < 0) {
    errors.push({ field: 'contractEnd', message: 'The contract end date must be on or after its start date.' });
  }
  return errors;
}

/** A commitment made at award: a known measure, a positive target in its unit, the proxy locked at award, dates. */
export function validateCommitment(c: Partial<Commitment>, library: readonly Measure[] = MEASURES): FieldError[] {
  const errors: FieldError[] = [];
  requiredText(errors, 'procurementReference', c.procurementReference, 'procurement reference', MAX_REFERENCE_LENGTH);
  const m = blank(c.measureCode) ? undefined : measureByCode(String(c.measureCode), library);
  if (blank(c.measureCode)) errors.push({ field: 'measureCode', message: 'Choose the measure committed to.' });
  else if (!m) errors.push({ field: 'measureCode', message: `Measure ${String(c.measureCode)} is not in the measure library.` });
  else if (!m.active && c.id === undefined) errors.push({ field: 'measureCode', message: `Measure ${m.code} is no longer offered; choose another.` });
  if (m) {
    const q = validateOutcomeQuantity(c.targetQuantity, m.unit, 'targetQuantity', 'target quantity');
    if (q.length === 0 && c.targetQuantity === 0) q.push({ field: 'targetQuantity', message: 'The target quantity must be more than 0.' });
    errors.push(...q);
    if (c.unit !== undefined && c.unit !== m.unit) errors.push({ field: 'unit', message: `Measure ${m.code} is counted in ${m.unit}, not ${String(c.unit)}.` });
    if (m.recordOnly || m.proxyPence === undefined) {
      if (c.proxyPenceLocked !== undefined && c.proxyPenceLocked !== null) {
        errors.push({ field: 'proxyPenceLocked', message: `Measure ${m.code} is record-only, so the commitment carries no £ proxy.` });
      }
    } else {
      const lock = c.proxyPenceLocked;
      if (lock === undefined || lock === null) errors.push({ field: 'proxyPenceLocked', message: `Lock the £ proxy for ${m.code} at award (currently ${formatPounds(m.proxyPence)} per ${m.unit === '£ spend' ? '£1' : m.unit.replace(/s$/, '')}).` });
      else if (typeof lock !== 'number' || !Number.isSafeInteger(lock) || lock <= 0) errors.push({ field: 'proxyPenceLocked', message: 'The locked proxy must be an amount in pounds and pence, more than £0.' });
      if (blank(c.proxyEdition)) errors.push({ field: 'proxyEdition', message: 'Record which proxy edition was locked at award.' });
    }
  } else if (c.targetQuantity === undefined) {
    errors.push({ field: 'targetQuantity', message: 'Enter the target quantity.' });
  }
  const dueOk = dateField(errors, 'dueDate', c.dueDate, 'due date');
  const startOk = dateField(errors, 'startDate', c.startDate, 'start date', false);
  if (dueOk && startOk && compareIsoDates(c.dueDate as IsoDate, c.startDate as IsoDate) < 0) {
    errors.push({ field: 'dueDate', message: 'The due date must be on or after the start date.' });
  }
  return errors;
}

/**
 * An outcome log: a quarter-end period that has started, a quantity in the measure's unit, evidence,
 * and a consistent verification. With the commitment, also checks it belongs to it and uses its locked proxy.
 */
export function validateOutcomeLog(
  log: Partial<OutcomeLog>,
  options: { commitment?: Commitment; library?: readonly Measure[]; asOf?: IsoDate } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const library = options.library || MEASURES;
  requiredText(errors, 'procurementReference', log.procurementReference, 'procurement reference', MAX_REFERENCE_LENGTH);
  const m = blank(log.measureCode) ? undefined : measureByCode(String(log.measureCode), library);
  if (!m) errors.push({ field: 'measureCode', message: blank(log.measureCode) ? 'Choose the measure delivered.' : `Measure ${String(log.measureCode)} is not in the measure library.` });
  if (dateField(errors, 'periodEnd', log.periodEnd, 'period end')) {
    const end = log.periodEnd as IsoDate;
    if (!isPeriodEnd(end)) {
      errors.push({ field: 'periodEnd', message: `The period end must be the last day of a quarter; ${formatLongDate(end)} is in ${periodFor(end).label}, which ends ${formatLongDate(periodFor(end).end)}.` });
    } else if (options.asOf && isIsoDate(options.asOf) && compareIsoDates(periodFor(end).start, options.asOf) > 0) {
      errors.push({ field: 'periodEnd', message: `${periodFor(end).label} has not started yet, so nothing can be reported for it.` });
    }
  }
  if (m) errors.push(...validateOutcomeQuantity(log.quantity, m.unit));
  if (blank(log.evidenceUrl) && blank(log.evidenceNotes)) {
    errors.push({ field: 'evidenceUrl', message: 'Give the evidence: a link to where the supplier keeps it, or notes saying what it is.' });
  } else if (!blank(log.evidenceUrl) && !/^https?:\/\/\S+$/i.test(String(log.evidenceUrl).trim())) {
    errors.push({ field: 'evidenceUrl', message: 'The evidence link must be a web address starting with https://.' });
  }
  if (blank(log.reportedBy)) errors.push({ field: 'reportedBy', message: 'Record who reported the outcome.' });
  if (VERIFICATION_STATUSES.indexOf(log.verification as OutcomeLog['verification']) < 0) {
    errors.push({ field: 'verification', message: 'Choose the verification status: Reported, Verified or Rejected.' });
  } else if (log.verification !== 'Reported') {
    if (blank(log.verifiedBy)) errors.push({ field: 'verifiedBy', message: 'Record who checked the evidence.' });
    else if (isReporter(String(log.reportedBy ?? ''), String(log.verifiedBy))) errors.push({ field: 'verifiedBy', message: SELF_VERIFICATION_REFUSED });
    if (log.verification === 'Rejected' && blank(log.rejectionReason)) {
      errors.push({ field: 'rejectionReason', message: 'Say why the outcome was rejected, so the supplier can correct it.' });
    }
  }
  const c = options.commitment;
  if (c) {
    if (log.procurementReference !== undefined && !sameReference(String(log.procurementReference), c.procurementReference)) {
      errors.push({ field: 'procurementReference', message: `This outcome is for ${String(log.procurementReference)}, but the commitment is on ${c.procurementReference}.` });
    }
    if (m && m.code !== c.measureCode) errors.push({ field: 'measureCode', message: `The commitment is for measure ${c.measureCode}, not ${m.code}.` });
    if (log.proxyPence !== c.proxyPenceLocked) {
      errors.push({ field: 'proxyPence', message: `The outcome must use the proxy locked at award (${c.proxyPenceLocked === undefined ? 'none: record-only' : formatPounds(c.proxyPenceLocked)}).` });
    }
  }
  if (log.valuePence !== undefined && typeof log.quantity === 'number' && isFinite(log.quantity) && log.quantity >= 0) {
    let expected: number | undefined;
    try {
      expected = socialValuePence(log.quantity, log.proxyPence);
    } catch (e) {
      // A proxy that is not whole pence, or a product too large to be exact: a form error, not a crash.
      if (!(e instanceof PolicyInputError)) throw e;
      errors.push({ field: 'proxyPence', message: e.message });
      return errors;
    }
    if (expected !== log.valuePence) {
      errors.push({ field: 'valuePence', message: `The value should be ${expected === undefined ? 'empty (record-only)' : formatPounds(expected)}: quantity × proxy.` });
    }
  }
  return errors;
}

/** A web address people can open: http(s) only, so a javascript: or data: "link" is refused, never rendered as one. */
export function isWebLink(text: unknown): boolean {
  if (typeof text !== 'string' || !text) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
