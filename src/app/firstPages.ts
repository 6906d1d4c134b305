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

/**
 * Where a host opens: the hub on its register (no deep link), the hub elsewhere (a hash or a Teams deep link), or
 * the dashboard web part (the regional portal), which shows neither the register nor the approver's queue.
 */
export type Landing = 'register' | 'hub' | 'dashboard';

/** A host's landing: what its web part shows, and the deep link it was opened with (a URL hash, Teams' subEntityId). */
export function landingOf(shows: 'hub' | 'dashboard', deepLink: string | undefined): Landing {
  if (shows === 'dashboard') return 'dashboard';
  return (deepLink ?? '').replace(/^#\/?/, '') ? 'hub' : 'register';
}

/**
 * The landing screen's first pages for a person: their register when the hub opens on it, and their approval queue
 * wherever the hub opens (the nav counts it). The dashboard shows neither, so asks for neither: on the regional
 * portal every visit would otherwise query the Procurements list for a queue no one sees.
 */
export function landingQueries(email: string, landing: Landing): { register?: ProcurementQuery; approvals?: ProcurementQuery } {
  if (landing === 'dashboard') return {};
  return { register: landing === 'register' ? firstRegisterQuery('mine', email) : undefined, approvals: awaitingMyApprovalQuery(email) };
}

/**
 * The same pages for the opening's batch to carry (OpeningPages), when the host page names the person's site user id
 * (SharePoint's page context: legacyPageContext.userId, _spPageContextInfo.userId) and e-mail before any request.
 * Without a usable id, or with no page to carry (the dashboard), undefined: a person column is filtered by id, and
 * the batch cannot look it up for itself.
 */
export function openingPages(siteUserId: unknown, email: string | undefined, landing: Landing): OpeningPages | undefined {
  const id = typeof siteUserId === 'string' && siteUserId.trim() !== '' ? Number(siteUserId) : siteUserId;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || !email) return undefined;
  const queries = landingQueries(email, landing);
  if (!queries.register && !queries.approvals) return undefined;
  return { user: { id, email }, ...queries };
}
