// The SharePoint adapter: every repository built from one SPFI. The web part passes
// spfi().using(SPFx(this.context)); the local page and tests pass createLocalSp(siteUrl).
import type { SPFI } from '@pnp/sp';
import type { Measure } from '../../domain';
import type { HubData, VivaCardReader } from '../ports';
import type { OpeningRead } from './opening';
import { readVivaCard } from './vivaCard';
import { ApprovalsGateway, SharePointApprovalRepository } from './approvalRepository';
import { SharePointCaseStudyRepository } from './caseStudyRepository';
import { SharePointKpiAssessmentRepository } from './kpiAssessmentRepository';
import { SharePointActionPlanRepository, SharePointCommitmentRepository, SharePointOutcomeLogRepository } from './deliveryRepository';
import { SharePointMeasureRepository, SharePointSettingsRepository, SharePointThresholdRepository } from './libraryRepository';
import { SharePointOutboxRepository } from './outboxRepository';
import { SharePointProcurementRepository } from './procurementRepository';
import { provision } from './provision';
import { missingLists } from './schemaVersion';
import type { ProvisionOptions } from './provision';
import { SharePointRollupRepository } from './rollupRepository';
import { SharePointProgressRepository } from './progressRepository';
import { SharePointUserDirectory } from './userDirectory';

export { createLocalSp } from './spfi';
export { provision } from './provision';
export { missingLists, SCHEMA_VERSION } from './schemaVersion';
export type { ProvisionOptions, ProvisionResult } from './provision';
export { odataString } from './listGateway';

/** How long the measure library is reused for validation before it is read again. */
const LIBRARY_TTL_MS = 5 * 60 * 1000;

/** HubData, plus the Viva Connections card's read (at most three requests). */
export type SharePointHubData = HubData & { vivaCard: VivaCardReader };

/**
 * `opened`: the site's opening read (./opening.ts), which a host makes before this adapter is built (a chunk of its
 * own, so the batch leaves before the rest of the data layer arrives); its facts prime the adapter's caches.
 */
export function createSharePointData(sp: SPFI, options: { provision?: ProvisionOptions; opened?: OpeningRead } = {}): SharePointHubData {
  const users = new SharePointUserDirectory(sp);
  const approvalsGateway = new ApprovalsGateway(sp);
  const measures = new SharePointMeasureRepository(sp);
  let cached: { at: number; library: Promise<readonly Measure[]> } | undefined;
  // Validation of commitments and logs checks codes against the site's own library (admins add measures).
  const library = (): Promise<readonly Measure[]> => {
    if (!cached || Date.now() - cached.at > LIBRARY_TTL_MS) {
      const library = measures.list().catch((e: unknown) => {
        cached = undefined;
        throw e;
      });
      cached = { at: Date.now(), library };
    }
    return cached.library;
  };
  const procurements = new SharePointProcurementRepository(sp, users, approvalsGateway, library);
  // "My procurements" filters by the user's id, a register that searches needs the list's id: both are in the
  // batch, so a register page it did not carry is the next request, not the third.
  if (options.opened?.answers.user) users.remember(options.opened.answers.user);
  if (options.opened?.procurementsList) procurements.rememberFacts(options.opened.procurementsList);
  return {
    vivaCard: (request) => readVivaCard(sp, request),
    procurements,
    approvals: new SharePointApprovalRepository(sp, approvalsGateway, users),
    commitments: new SharePointCommitmentRepository(sp, library),
    outcomes: new SharePointOutcomeLogRepository(sp, library, users),
    actionPlan: new SharePointActionPlanRepository(sp),
    caseStudies: new SharePointCaseStudyRepository(sp),
    kpiAssessments: new SharePointKpiAssessmentRepository(sp),
    measures,
    thresholds: new SharePointThresholdRepository(sp),
    settings: new SharePointSettingsRepository(sp),
    outbox: new SharePointOutboxRepository(sp),
    rollups: new SharePointRollupRepository(sp),
    progress: new SharePointProgressRepository(sp),
    users,
    provisioning: {
      missingLists: () => missingLists(sp),
      provision: () => provision(sp, options.provision),
    },
  };
}
