// Case studies: stories of delivered social value, published to the portal.
import type { SPFI } from '@pnp/sp';
import type { CaseStudy } from '../../domain';
import { DataError } from '../errors';
import type { CaseStudyQuery, CaseStudyRepository, Page, Stored } from '../ports';
import { CASE_STUDIES_LIST } from '../schema/lists';
import { and, ListGateway, odataString } from './listGateway';
import { CASE_STUDY_FIELDS, caseStudyFromItem, caseStudyToItem, stored } from './mapping';

export class SharePointCaseStudyRepository implements CaseStudyRepository {
  private readonly list: ListGateway<typeof CASE_STUDIES_LIST>;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, CASE_STUDIES_LIST, CASE_STUDY_FIELDS);
  }

  /** Idempotent: creating the same story again (a retry) returns the one already saved. */
  public async create(caseStudy: CaseStudy): Promise<Stored<CaseStudy>> {
    const what = `The case study “${caseStudy.title}”`;
    const body = caseStudyToItem(caseStudy);
    this.list.validate(body, true);
    const existing = await this.list.findByKey('CaseStudyKey', String(body.CaseStudyKey), what);
    if (existing) {
      const found = caseStudyFromItem(existing);
      if (found.story === caseStudy.story) return found;
      throw new DataError('duplicate', `${caseStudy.procurementReference} already has a case study called “${caseStudy.title}”.`, { field: 'title', list: CASE_STUDIES_LIST.title });
    }
    const created = await this.list.add(body, what);
    return stored(caseStudy, { Id: created.Id, 'odata.etag': created.etag, Modified: created.Modified });
  }

  public async get(id: number): Promise<Stored<CaseStudy> | undefined> {
    const item = await this.list.getRaw(id, `Case study ${id}`);
    return item ? caseStudyFromItem(item) : undefined;
  }

  public async update(caseStudy: Stored<CaseStudy>): Promise<Stored<CaseStudy>> {
    const { etag } = await this.list.update(caseStudy.id, caseStudy.etag, caseStudyToItem(caseStudy), `The case study “${caseStudy.title}”`);
    return { ...caseStudy, etag };
  }

  public async query(query: CaseStudyQuery): Promise<Page<Stored<CaseStudy>>> {
    const filter = and(
      query.procurementReference && `ProcurementRef eq ${odataString(query.procurementReference)}`,
      query.themeId && `Theme eq ${odataString(query.themeId)}`,
      query.published !== undefined && `Published eq ${query.published ? 1 : 0}`,
    );
    const page = await this.list.page({ filter, orderBy: filter ? [['Modified', false]] : [['ID', false]], pageSize: query.pageSize, pageToken: query.pageToken }, 'Case studies');
    return { items: page.items.map(caseStudyFromItem), nextPageToken: page.nextPageToken };
  }
}
