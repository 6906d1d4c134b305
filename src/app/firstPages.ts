// The landing screen's first pages: the register's first page for a scope and the approver's queue. A module of
// its own: the screens ask the same queries (so openHub serves them what the opening started), and neither the
// screens' chunks nor the web part's entry should carry the opening's workflow to get them (issue 18).
import type { ProcurementQuery } from '../data/ports';

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
