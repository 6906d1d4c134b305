// The taskforce update card leads with what the quarter delivered in people and other quantities: worded from
// the site's measure library, in the dashboard's order (people into work first), counts and never names.
import { MEASURES, dashboardFigures } from '../../src/domain';
import type { Measure, Rollup } from '../../src/domain';
import { deliveredOutcomes } from '../../src/app/taskforceUpdate';

const row = (over: Partial<Rollup>): Rollup => ({
  procurementReference: 'WMCA-2026-0001',
  periodEnd: '2026-06-30',
  themeId: 'growth-skills-employment',
  authorityId: 'wmca',
  committedPence: 0,
  reportedPence: 0,
  verifiedPence: 0,
  ...over,
});
const q = (measureCode: string, unit: Measure['unit'], verifiedThousandths: number) => ({ measureCode, unit, committedThousandths: 10_000, reportedThousandths: 0, verifiedThousandths });

it('words each verified quantity with its measure’s outcome, people first, and leaves out what was not verified', () => {
  const figures = dashboardFigures(
    [
      row({ themeId: 'environment', quantities: [q('ENV-01', 'tonnes CO2e', 7_875)] }),
      row({ quantities: [q('GSE-01', 'FTE', 12_000), q('GSE-07', 'weeks', 104_000), q('GSE-08', 'count', 0)] }),
      row({ procurementReference: 'WMCA-2026-0002', quantities: [q('GSE-01', 'FTE', 0.5 * 1000)] }),
    ],
    { fromPeriodId: '2026-27 Q1', toPeriodId: '2026-27 Q1' },
  );
  const library: Measure[] = MEASURES.filter((m) => m.code !== 'ENV-01');
  expect(deliveredOutcomes(figures, library)).toEqual([
    { quantity: '12.5 FTE', outcome: 'More local people in work' },
    { quantity: '104 weeks', outcome: 'Skills through apprenticeships' },
    // A measure the site's library no longer has is named by its code.
    { quantity: '7.875 tonnes CO2e', outcome: 'ENV-01' },
  ]);
});
