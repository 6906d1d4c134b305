// Making commitments and outcome logs the way the policy's practice requires: a commitment locks the
// proxy in force at award (proxies drift between editions, and a contract is judged by what was agreed),
// and an outcome log snapshots that locked proxy and its £ value when it is reported.
import type { IsoDate } from './dates';
import { parseIsoDate } from './dates';
import type { Commitment, OutcomeLog } from './entities';
import { PolicyInputError } from './errors';
import type { Measure } from './measures';
import { isPeriodEnd, periodFor } from './periods';
import { socialValuePence } from './socialValue';
import { SELF_VERIFICATION_REFUSED, isReporter } from './verificationRecord';

/** A commitment to a measure at award, with the measure's current proxy locked in. */
export function commitmentFor(
  measure: Measure,
  details: { procurementReference: string; targetQuantity: number; dueDate: IsoDate; startDate?: IsoDate },
): Commitment {
  parseIsoDate(details.dueDate, 'due date');
  if (details.startDate !== undefined) parseIsoDate(details.startDate, 'start date');
  if (!measure.active) throw new PolicyInputError(`Measure ${measure.code} is no longer offered; choose another.`);
  const valued = !measure.recordOnly && measure.proxyPence !== undefined;
  return {
    procurementReference: details.procurementReference,
    measureCode: measure.code,
    targetQuantity: details.targetQuantity,
    unit: measure.unit,
    proxyPenceLocked: valued ? measure.proxyPence : undefined,
    proxyEdition: valued ? measure.proxyEdition : undefined,
    startDate: details.startDate,
    dueDate: details.dueDate,
  };
}

/**
 * A new outcome log for a commitment: the period is given by any date in it (stored as the quarter's
 * last day), the proxy is the commitment's locked one, the value is quantity × proxy, and it starts
 * as 'Reported' until an officer checks the evidence.
 */
export function outcomeLogFor(
  commitment: Commitment,
  details: { periodDate: IsoDate; quantity: number; reportedBy: string; evidenceUrl?: string; evidenceNotes?: string; reportedAt?: string },
): OutcomeLog {
  const period = periodFor(details.periodDate);
  return {
    procurementReference: commitment.procurementReference,
    commitmentId: commitment.id,
    measureCode: commitment.measureCode,
    periodEnd: period.end,
    quantity: details.quantity,
    proxyPence: commitment.proxyPenceLocked,
    valuePence: socialValuePence(details.quantity, commitment.proxyPenceLocked),
    evidenceUrl: details.evidenceUrl,
    evidenceNotes: details.evidenceNotes,
    reportedBy: details.reportedBy,
    reportedAt: details.reportedAt,
    verification: 'Reported',
  };
}

/** Marks a log verified by someone other than the reporter (the same rule as no self-approval). */
export function verifyOutcome(log: OutcomeLog, officerEmail: string, at?: string): OutcomeLog {
  return decide(log, officerEmail, 'Verified', undefined, at);
}

/** Rejects a log with the reason the supplier needs to correct it. */
export function rejectOutcome(log: OutcomeLog, officerEmail: string, reason: string, at?: string): OutcomeLog {
  if (!reason || !reason.trim()) throw new PolicyInputError('Say why the outcome is rejected, so the supplier can correct it.');
  return decide(log, officerEmail, 'Rejected', reason.trim(), at);
}

function decide(log: OutcomeLog, officerEmail: string, verification: 'Verified' | 'Rejected', reason: string | undefined, at?: string): OutcomeLog {
  if (!officerEmail || !officerEmail.trim()) throw new PolicyInputError('Record which officer checked the evidence.');
  if (isReporter(log.reportedBy, officerEmail)) throw new PolicyInputError(SELF_VERIFICATION_REFUSED);
  if (!isPeriodEnd(log.periodEnd)) throw new PolicyInputError(`The outcome's period end ${log.periodEnd} is not the last day of a quarter.`);
  return { ...log, verification, verifiedBy: officerEmail.trim(), verifiedAt: at, rejectionReason: reason };
}
