import { PolicyInputError, commitmentFor, measureByCode, outcomeLogFor, rejectOutcome, validateCommitment, validateOutcomeLog, verifyOutcome } from '../../src/domain';

describe('commitmentFor: the proxy is locked at award', () => {
  it('copies the measure’s current proxy, edition and unit', () => {
    const c = commitmentFor(measureByCode('ENV-01')!, { procurementReference: 'WMCA-2026-0042', targetQuantity: 12.5, dueDate: '2027-03-31' });
    expect(c).toMatchObject({ measureCode: 'ENV-01', unit: 'tonnes CO2e', proxyPenceLocked: 24500, proxyEdition: '2022', targetQuantity: 12.5 });
    expect(validateCommitment(c)).toEqual([]);
  });

  it('keeps the locked proxy when the library’s proxy later changes', () => {
    const atAward = measureByCode('HSC-01')!;
    const c = commitmentFor(atAward, { procurementReference: 'R-1', targetQuantity: 10, dueDate: '2027-03-31' });
    const laterEdition = { ...atAward, proxyPence: 1800, proxyEdition: 'SVH 2028' };
    expect(laterEdition.proxyPence).not.toBe(c.proxyPenceLocked);
    expect(outcomeLogFor(c, { periodDate: '2026-05-10', quantity: 10, reportedBy: 's@x.uk' }).valuePence).toBe(16930);
  });

  it('locks nothing for a record-only measure', () => {
    const c = commitmentFor(measureByCode('GSE-01')!, { procurementReference: 'R-1', targetQuantity: 3, dueDate: '2027-03-31' });
    expect(c.proxyPenceLocked).toBeUndefined();
    expect(c.proxyEdition).toBeUndefined();
  });

  it('refuses a retired measure and a bad date', () => {
    expect(() => commitmentFor({ ...measureByCode('GSE-01')!, active: false }, { procurementReference: 'R', targetQuantity: 1, dueDate: '2027-03-31' })).toThrow(/no longer offered/);
    expect(() => commitmentFor(measureByCode('GSE-01')!, { procurementReference: 'R', targetQuantity: 1, dueDate: 'March' })).toThrow(PolicyInputError);
  });
});

describe('outcomeLogFor, verifyOutcome and rejectOutcome', () => {
  const c = { ...commitmentFor(measureByCode('HSC-01')!, { procurementReference: 'WMCA-2026-0042', targetQuantity: 100, dueDate: '2027-03-31' }), id: 7 };

  it('files the log at the end of its quarter with the locked proxy and its value', () => {
    const log = outcomeLogFor(c, { periodDate: '2026-08-14', quantity: 2.5, reportedBy: 'supplier@example.com', evidenceUrl: 'https://x.example/e' });
    expect(log).toMatchObject({ commitmentId: 7, periodEnd: '2026-09-30', proxyPence: 1693, valuePence: 4233, verification: 'Reported' });
    expect(validateOutcomeLog(log, { commitment: c })).toEqual([]);
  });

  it('is verified only by someone other than the reporter', () => {
    const log = outcomeLogFor(c, { periodDate: '2026-08-14', quantity: 1, reportedBy: 'supplier@example.com', evidenceUrl: 'https://x.example/e' });
    expect(verifyOutcome(log, 'officer@wmca.org.uk', '2026-10-02T09:00:00Z')).toMatchObject({ verification: 'Verified', verifiedBy: 'officer@wmca.org.uk' });
    expect(() => verifyOutcome(log, 'SUPPLIER@example.com')).toThrow(/cannot verify it/);
    expect(() => verifyOutcome(log, ' ')).toThrow(PolicyInputError);
  });

  it('is rejected only with a reason', () => {
    const log = outcomeLogFor(c, { periodDate: '2026-08-14', quantity: 1, reportedBy: 'supplier@example.com', evidenceNotes: 'Timesheets held by supplier' });
    expect(rejectOutcome(log, 'officer@wmca.org.uk', ' Hours not on this contract ')).toMatchObject({ verification: 'Rejected', rejectionReason: 'Hours not on this contract' });
    expect(() => rejectOutcome(log, 'officer@wmca.org.uk', '')).toThrow(/Say why/);
  });
});
