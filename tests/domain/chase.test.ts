import { commitmentFor, measureByCode, outcomeLogFor, verifyOutcome } from '../../src/domain';
import type { Procurement } from '../../src/domain';
import { chaseList, monthEnd } from '../../src/domain';

const p = (reference: string, contractStart: string, contractEnd: string): Procurement =>
  ({ reference, title: `Contract ${reference}`, contractStart, contractEnd, supplier: { name: `Supplier ${reference}`, isSme: true, isVcse: false, isLocal: true } }) as Procurement;
const c = (ref: string, code: string, target: number, dueDate: string) => ({ ...commitmentFor(measureByCode(code)!, { procurementReference: ref, targetQuantity: target, dueDate }), id: Math.random() });
const log = (commitment: ReturnType<typeof c>, periodDate: string, quantity: number) =>
  outcomeLogFor(commitment, { periodDate, quantity, reportedBy: 'a@x.example', evidenceUrl: 'https://e.example' });

describe('what to chase this month', () => {
  it('knows the last day of the month', () => {
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2026-11-25')).toBe('2026-11-30');
  });

  it('chases missing returns, unmet commitments due by the month end and open actions due by then, overdue first', () => {
    const a = c('A', 'HSC-01', 100, '2027-03-31');
    const b = c('A', 'GSE-08', 4, '2026-10-31');
    const met = c('B', 'GSE-08', 2, '2026-11-15');
    const items = chaseList({
      today: '2026-11-05',
      procurements: [p('A', '2026-04-01', '2027-03-31'), p('B', '2026-04-01', '2027-03-31'), p('C', '2027-01-01', '2027-12-31')],
      commitments: [a, b, met, c('C', 'HSC-01', 10, '2027-12-31')],
      logs: [
        verifyOutcome(log(met, '2026-09-30', 2), 'b@x.example'),
        log(b, '2026-09-30', 4), // reported, not verified: does not count as delivered
      ],
      actions: [
        { procurementReference: 'A', action: 'Publish the plan', ownerEmail: 'o@x.example', ownerName: 'Owner', dueDate: '2026-11-20', status: 'In progress' },
        { procurementReference: 'A', action: 'Done already', ownerEmail: 'o@x.example', ownerName: 'Owner', dueDate: '2026-10-01', status: 'Done' },
        { procurementReference: 'A', action: 'Later', ownerEmail: 'o@x.example', ownerName: 'Owner', dueDate: '2026-12-20', status: 'Not started' },
      ],
    });
    expect(items.map((i) => [i.kind, i.procurementReference, i.overdue])).toEqual([
      ['return', 'A', true],
      ['commitment', 'A', true],
      ['action', 'A', false],
    ]);
    expect(items[0].what).toBe('Return for Q2 2026-27 (July to September 2026): 1 of 2 measures not reported (HSC-01)');
    expect(items[0].why).toBe('Overdue: it was due by 30 October 2026.');
    expect(items[1].why).toMatch(/^Overdue: 0 of 4 delivered/);
    expect(items[2]).toMatchObject({ who: 'Owner (o@x.example)', why: 'Due by 20 November 2026.' });
  });
});
