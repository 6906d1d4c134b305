// The landing screen's first pages: the register's first page for a scope and the approver's queue. A module of
// its own: the screens ask the same queries (so openHub serves them what the opening started), and neither the
// screens' chunks nor the web part's entry should carry the opening's workflow to get them (issue 18).
import type { OpeningPages, ProcurementQuery } from '../data/ports';

/** The register's page size and first order (newest first: the one order SharePoint serves past 5,000 items). */
export const REGISTER_PAGE_SIZE = 25;
export const REGISTER_FIRST_SORT = { by: 'newest', descending: true } as const;

/** The register's first page for a scope, before any filter: what the landing screen asks for. */
export function firstRegisterQuery(scope: 'mine' | 'all' | 'approvals', email: string): ProcurementQuery {
  return {
    pageSize: REGISTER_PAGE_SIZE,
    status: scope === 'approvals' ? 'Awaiting approval' : undefined,
    leadOfficerEmail: scope === 'mine' ? email : undefined,
    approverEmail: scope === 'approvals' ? email : undefined,
    sort: { ...REGISTER_FIRST_SORT },
  };
}

/** What waits for this person's decision (the nav's count, and whether they land on the queue). */
export function awaitingMyApprovalQuery(email: string): ProcurementQuery {
  return { status: 'Awaiting approval', approverEmail: email, pageSize: 50 };
}

/** The landing screen's first pages for a person: their register when the hub opens on it, and their approval queue. */
export function landingQueries(email: string, landsOnRegister: boolean): { register?: ProcurementQuery; approvals: ProcurementQuery } {
  return { register: landsOnRegister ? firstRegisterQuery('mine', email) : undefined, approvals: awaitingMyApprovalQuery(email) };
}

/**
 * The same pages for the opening's batch to carry (OpeningPages), when the host page names the person's site user id
 * (SharePoint's page context: legacyPageContext.userId, _spPageContextInfo.userId) and e-mail before any request.
 * Without a usable id, undefined: a person column is filtered by id, and the batch cannot look it up for itself.
 */
export function openingPages(siteUserId: unknown, email: string | undefined, landsOnRegister: boolean): OpeningPages | undefined {
  const id = typeof siteUserId === 'string' && siteUserId.trim() !== '' ? Number(siteUserId) : siteUserId;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || !email) return undefined;
  return { user: { id, email }, ...landingQueries(email, landsOnRegister) };
}
