// Compile-time fits, not a jest test: `tsc -p tsconfig.tests.json` (run by `npm run build`) fails when they stop
// holding. The poster's Graph dependency is satisfied by both hosts' clients: SPFx's MSGraphClientV3
// (context.msGraphClientFactory.getClient('3')) and graph-client's Client (local page, tests).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { MSGraphClientV3 } from '@microsoft/sp-http';
import type { GraphClientLike } from '../../src/teams/posting';
import type { AtRiskCommitment, NewAward, ThemeAmounts, TopSuccess, UpdateCardInput, UpdateTotals } from '../../src/teams/cards';
import type { AwardRecord, DashboardFigures } from '../../src/domain';
import type { ReportingPeriod } from '../../src/domain';

type Fits<T extends GraphClientLike> = T;
export type SpfxClientFits = Fits<MSGraphClientV3>;
export type GraphClientFits = Fits<Client>;

// The update card takes the dashboard's figures as they are (src/reporting), so the two always agree.
type FitsShape<T extends U, U> = T;
export type ThemesFit = FitsShape<DashboardFigures['themes'][number], ThemeAmounts>;
export type TotalsFit = FitsShape<DashboardFigures['totals'], UpdateTotals>;
export type TopSuccessFits = FitsShape<DashboardFigures['topSuccesses'][number], TopSuccess>;
export type AtRiskFits = FitsShape<DashboardFigures['atRisk'][number], AtRiskCommitment>;
export type AwardFits = FitsShape<AwardRecord, NewAward>;
export type PeriodFits = FitsShape<ReportingPeriod, UpdateCardInput['period']>;

