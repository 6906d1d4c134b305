// The Verifications list: one item per verification decision, read with SharePoint's Author (the verifier).
// Outcome logs are read through it (domain verificationOnRecord), so what counts as verified is what this
// list holds, never the log's typed Verification/VerifiedBy columns.
import type { SPFI } from '@pnp/sp';
import { verificationOnRecord } from '../../domain';
import type { OutcomeLog, RecordedLog, RecordedVerification, VerificationDecision } from '../../domain';
import { DataError } from '../errors';
import type { Stored } from '../ports';
import { VERIFICATIONS_LIST } from '../schema/lists';
import { ListGateway, odataString } from './listGateway';
import { logKey } from './mapping';

type VerificationItem = {
  Id: number;
  Created?: string;
  LogId?: number | null;
  Decision?: VerificationDecision | null;
  Quantity?: number | null;
  ValuePence?: number | null;
  RejectionReason?: string | null;
  Author?: { EMail?: string; Title?: string } | null;
};

function fromItem(item: VerificationItem): RecordedVerification {
  return {
    id: item.Id,
    logId: item.LogId ?? 0,
    decision: item.Decision === 'Rejected' ? 'Rejected' : 'Verified',
    quantity: item.Quantity ?? -1,
    valuePence: item.ValuePence ?? undefined,
    rejectionReason: item.RejectionReason || undefined,
    writtenByEmail: (item.Author && item.Author.EMail) || undefined,
    writtenByName: (item.Author && item.Author.Title) || undefined,
    at: item.Created,
  };
}

/** A stored log, who SharePoint says reported it (its Author) and what its typed columns claim. */
export type AuthoredLog = Stored<OutcomeLog> & Pick<RecordedLog, 'reportedByAuthor' | 'claimed'>;

export class VerificationsGateway {
  private readonly list: ListGateway<typeof VERIFICATIONS_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, VERIFICATIONS_LIST, { Decision: 'verification', Quantity: 'quantity', ValuePence: 'valuePence', RejectionReason: 'rejectionReason' }, { authored: true });
  }

  /** Every verification of the given procurements' logs (one indexed query per procurement). */
  private async forProcurements(refs: readonly string[]): Promise<RecordedVerification[]> {
    const unique = refs.filter((r, i) => refs.indexOf(r) === i);
    const lists = await Promise.all(
      unique.map((ref) =>
        this.list.all(
          { filter: `ProcurementRef eq ${odataString(ref)}`, orderBy: [] },
          `The verifications of ${ref}`,
        ),
      ),
    );
    return ([] as RecordedVerification[]).concat(...lists.map((items) => (items as unknown as VerificationItem[]).map(fromItem)));
  }

  /** The logs with their verification as the record says (display columns replaced). */
  public async onRecord(logs: readonly AuthoredLog[]): Promise<Stored<OutcomeLog>[]> {
    if (logs.length === 0) return [];
    const all = await this.forProcurements(logs.map((l) => l.procurementReference));
    const byLog = new Map<number, RecordedVerification[]>();
    all.forEach((v) => byLog.set(v.logId, (byLog.get(v.logId) || []).concat(v)));
    return logs.map((l) => {
      const record = verificationOnRecord(l, byLog.get(l.id) || []);
      const log: AuthoredLog = { ...l, verification: record.verification, verifiedBy: record.verifiedBy, verifiedByName: record.verifiedByName, verifiedAt: record.verifiedAt, rejectionReason: record.rejectionReason };
      // Who reported it and what it claimed were for the rule only; the record out is the domain's OutcomeLog.
      delete log.reportedByAuthor;
      delete log.claimed;
      return log;
    });
  }

  /**
   * Records the caller's decision on the figures they checked (SharePoint records the caller as Author): the id
   * of the item added, or undefined when the same decision was already there (a retry).
   */
  public async add(log: Stored<OutcomeLog>, decision: VerificationDecision, verifierEmail: string, rejectionReason: string | undefined, what: string): Promise<number | undefined> {
    const key = [log.id, verifierEmail.toLowerCase(), decision, log.quantity, log.valuePence ?? 0].join('|');
    try {
      return await this.add1(log, decision, key, rejectionReason, what);
    } catch (e) {
      // The same person's same decision on the same figures is already there (a retry): nothing to add.
      if (e instanceof DataError && e.kind === 'duplicate') return undefined;
      // The list is the Approvers group's (src/data/schema/lists.ts): say so, not "ask the owner for access".
      if (e instanceof DataError && e.kind === 'forbidden') {
        throw new DataError('forbidden', `Only the hub’s approvers can verify or reject outcomes: ask one of them to check the evidence for ${what.charAt(0).toLowerCase()}${what.slice(1)}.`, { list: VERIFICATIONS_LIST.title, status: e.status });
      }
      throw e;
    }
  }

  /** Takes back a decision whose log save failed (the caller's own item: the list lets them delete it). */
  public async remove(id: number, what: string): Promise<void> {
    await this.list.remove(id, '*', what);
  }

  private async add1(log: Stored<OutcomeLog>, decision: VerificationDecision, key: string, rejectionReason: string | undefined, what: string): Promise<number> {
    const created = await this.list.add(
      {
        Title: `${log.procurementReference} ${log.measureCode} ${log.periodEnd}: ${decision}`,
        VerificationKey: key,
        ProcurementRef: log.procurementReference,
        LogId: log.id,
        LogKey: logKey(log.procurementReference, log.measureCode, log.periodEnd),
        Decision: decision,
        Quantity: log.quantity,
        ValuePence: log.valuePence ?? null,
        RejectionReason: decision === 'Rejected' ? rejectionReason || null : null,
      },
      what,
    );
    return created.Id;
  }
}
