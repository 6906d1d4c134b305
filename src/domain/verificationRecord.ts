// A verification counts only when SharePoint says who made it. The outcome log's Verification and VerifiedBy
// columns are typed by whoever edits the log — any site member — so they are display only. What counts is a
// verification on record: an item on the Verifications list (one per decision; people edit only their own
// there), whose SharePoint Author is the verifier, made by someone other than the log's reporter (the log's
// SharePoint Author), for the very figures the log holds now (a later correction of the quantity or value
// voids it: it must be verified again), and shown on the log (its typed columns name that decision and its
// maker: a claim the record must back). The newest such verification decides; a rejection counts as rejected. Everything that counts delivery — RAG, rollups and the dashboard's rebuild, the member
// report, the cards — reads logs through this rule.
import type { OutcomeLog, VerificationStatus } from './entities';

export type VerificationDecision = 'Verified' | 'Rejected';
export const VERIFICATION_DECISIONS: readonly VerificationDecision[] = ['Verified', 'Rejected'];

/** A verification as the Verifications list holds it. */
export interface RecordedVerification {
  /** The list item's id: later verifications of the same log come after earlier ones. */
  id: number;
  logId: number;
  decision: VerificationDecision;
  /** The figures the verifier checked. */
  quantity: number;
  valuePence?: number;
  rejectionReason?: string;
  /** SharePoint's Author of the verification (Created By). */
  writtenByEmail?: string;
  /** That Author's display name, for people to read (the email is what the rule compares). */
  writtenByName?: string;
  /** SharePoint's Created. */
  at?: string;
}

/**
 * A log as the list holds it, with who SharePoint says reported it (the log's Author) and what its typed
 * columns claim (Verification, VerifiedBy): a claim the record must back, never enough by itself. A decision
 * counts only once the log shows it — so one whose log save failed (a verification refused half-way) does not.
 */
export type RecordedLog = Pick<OutcomeLog, 'quantity' | 'valuePence'> & {
  id?: number;
  reportedByAuthor?: string;
  claimed?: { verification: VerificationStatus; verifiedBy?: string };
};

function same(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What the person who reported an outcome is told when they try to verify it. */
export const SELF_VERIFICATION_REFUSED = 'The person who reported an outcome cannot verify it: ask another approver to check the evidence.';

/** Whether `person` is the one who reported the outcome (emails compared as people type them). */
export function isReporter(reportedBy: string | undefined, person: string | undefined): boolean {
  return same(reportedBy, person);
}

/** Why this verification does not count for the log as it stands (undefined when it does). */
export function verificationProblem(log: RecordedLog, v: RecordedVerification): string | undefined {
  if (log.id !== undefined && v.logId !== log.id) return 'It is a verification of another log.';
  if (!v.writtenByEmail) return 'SharePoint does not say who made it.';
  if (!log.reportedByAuthor) return 'SharePoint does not say who reported the log.';
  if (isReporter(log.reportedByAuthor, v.writtenByEmail)) return `${v.writtenByEmail} reported the outcome and cannot verify it.`;
  if (v.quantity !== log.quantity || (v.valuePence ?? 0) !== (log.valuePence ?? 0)) return 'The log was corrected after it was checked.';
  return undefined;
}

export interface VerificationOnRecord {
  verification: VerificationStatus;
  verifiedBy?: string;
  verifiedByName?: string;
  verifiedAt?: string;
  rejectionReason?: string;
}

/** The log's verification as the record says: the newest verification that counts and that the log shows, or Reported. */
export function verificationOnRecord(log: RecordedLog, verifications: readonly RecordedVerification[]): VerificationOnRecord {
  const claimed = log.claimed;
  if (claimed && claimed.verification === 'Reported') return { verification: 'Reported' };
  const shown = (v: RecordedVerification): boolean => !claimed || (v.decision === claimed.verification && same(v.writtenByEmail, claimed.verifiedBy));
  const counted = verifications.filter((v) => !verificationProblem(log, v) && shown(v)).sort((a, b) => b.id - a.id)[0];
  if (!counted) return { verification: 'Reported' };
  return {
    verification: counted.decision,
    verifiedBy: counted.writtenByEmail,
    verifiedByName: counted.writtenByName,
    verifiedAt: counted.at,
    rejectionReason: counted.decision === 'Rejected' ? counted.rejectionReason : undefined,
  };
}

/** Who verified (or rejected) a log, as people read it: their name where SharePoint gave one, else their email. */
export function verifierShown(log: Pick<OutcomeLog, 'verifiedBy' | 'verifiedByName'>): string {
  return log.verifiedByName || log.verifiedBy || '';
}
