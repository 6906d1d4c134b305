// KPI assessments (Procurement Act 2023 section 71): one item per KPI and period assessed. Saving the same KPI
// and period again corrects its rating (a retried save finds the item that landed and changes nothing more).
import type { SPFI } from '@pnp/sp';
import type { RecordedKpiAssessment } from '../../domain';
import type { KpiAssessmentRepository, Stored } from '../ports';
import { KPI_ASSESSMENTS_LIST } from '../schema/lists';
import { ListGateway, odataString } from './listGateway';
import { KPI_ASSESSMENT_FIELDS, assessmentFromItem, assessmentToItem, sameValues, stored } from './mapping';

export class SharePointKpiAssessmentRepository implements KpiAssessmentRepository {
  private readonly list: ListGateway<typeof KPI_ASSESSMENTS_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, KPI_ASSESSMENTS_LIST, KPI_ASSESSMENT_FIELDS);
  }

  public async save(a: RecordedKpiAssessment): Promise<Stored<RecordedKpiAssessment>> {
    const what = `The assessment of “${a.kpiName}”`;
    const body = assessmentToItem(a);
    this.list.validate(body, true);
    const existing = await this.list.findByKey('AssessmentKey', String(body.AssessmentKey), what);
    if (existing) {
      if (sameValues(body, existing)) return assessmentFromItem(existing);
      const { etag } = await this.list.update(existing.Id, existing['odata.etag'] || '*', body, what);
      return { ...assessmentFromItem(existing), ...a, etag };
    }
    const created = await this.list.add(body, what);
    return stored(a, { Id: created.Id, 'odata.etag': created.etag, Modified: created.Modified });
  }

  /** A contract's assessments, newest period first (a handful a year per KPI: one indexed filter). */
  public async listForProcurement(reference: string): Promise<Stored<RecordedKpiAssessment>[]> {
    const items = await this.list.all({ filter: `ProcurementRef eq ${odataString(reference)}`, orderBy: [['ID', true]] }, `The assessments of ${reference}`);
    return items.map(assessmentFromItem).sort((x, y) => (x.periodEnd < y.periodEnd ? 1 : x.periodEnd > y.periodEnd ? -1 : 0));
  }
}
