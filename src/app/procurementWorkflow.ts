// A procurement from draft to tender: save the draft, submit it for approval, and the officer's other status
// moves (recall, revise, start tendering, start delivery, close, withdraw). The domain's officerEdit applies
// the lifecycle once, here, before anything is written; the repository persists what it is given.
import * as strings from 'SocialValueHubStrings';
import { IllegalTransitionError, PolicyInputError, officerEdit, SETTING_KEYS } from '../domain';
import type { Procurement, ProcurementStatus } from '../domain';
import { DataError, ValidationError } from '../data/errors';
import type { BundleSaveResult, HubData, ProcurementBundle, Stored } from '../data/ports';
import type { CurrentUser } from './user';

/** Who approves weighting decisions (the site's setting); a clear error when no one is set. */
export async function approverFor(data: HubData): Promise<string> {
  const approver = (await data.settings.get(SETTING_KEYS.approverEmail))?.trim();
  if (!approver) throw new DataError('validation', strings.Workflow.NoApprover, { field: 'approverEmail' });
  return approver;
}

/**
 * The record an officer's save leaves (the domain's officerEdit); a move the lifecycle refuses is a refusal of
 * the status field, shown next to it like any other field's.
 */
export function applyLifecycle(before: Procurement | undefined, after: Procurement, now: Date): Procurement {
  try {
    return officerEdit(before, after, now.toISOString());
  } catch (e) {
    if (e instanceof IllegalTransitionError || e instanceof PolicyInputError) throw new ValidationError([{ field: 'status', message: e.message }]);
    throw e;
  }
}

/**
 * Saves a procurement with its commitments and action plan in one batch. `existing` is the record as the
 * caller read it (its ETag stops the save if someone has saved since), undefined for a new procurement.
 */
export async function saveProcurement(data: HubData, existing: Stored<Procurement> | undefined, bundle: ProcurementBundle, now: Date = new Date()): Promise<BundleSaveResult> {
  const next = applyLifecycle(existing, bundle.procurement, now);
  // The ETag the caller read with goes with the record: the repository stops the save if someone saved since.
  const procurement: Procurement = existing ? ({ ...next, id: existing.id, etag: existing.etag } as Stored<Procurement>) : next;
  return data.procurements.saveBundle({ ...bundle, procurement });
}

/** Saves an officer's edit of a procurement as read (`p`), the lifecycle applied. */
export async function editProcurement(data: HubData, p: Stored<Procurement>, patch: Partial<Procurement>, now: Date = new Date()): Promise<Stored<Procurement>> {
  const next = applyLifecycle(p, { ...p, ...patch }, now);
  return data.procurements.update({ ...next, id: p.id, etag: p.etag });
}

/** A status move an officer makes (the buttons STATUS_TRANSITIONS gives them). */
export async function moveTo(data: HubData, p: Stored<Procurement>, to: ProcurementStatus, patch: Partial<Procurement> = {}, now: Date = new Date()): Promise<Stored<Procurement>> {
  return editProcurement(data, p, { ...patch, status: to }, now);
}

/** Submit: Awaiting approval, naming the approver; the Teams workflow takes it from there. */
export async function submitForApproval(data: HubData, p: Stored<Procurement>, user: CurrentUser, now: Date): Promise<Stored<Procurement>> {
  const approverEmail = await approverFor(data);
  if (approverEmail.toLowerCase() === user.email.toLowerCase() || approverEmail.toLowerCase() === p.leadOfficer.email.toLowerCase()) {
    throw new DataError('validation', strings.Workflow.OwnApprover, { field: 'approverEmail' });
  }
  return moveTo(
    data,
    p,
    'Awaiting approval',
    {
      approverEmail,
      submittedByEmail: user.email,
      submittedAt: now.toISOString(),
      approvalOutcome: undefined,
      approvalComments: undefined,
      approvedByEmail: undefined,
      approvedAt: undefined,
    },
    now,
  );
}
