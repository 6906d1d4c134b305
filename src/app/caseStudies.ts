// Case studies: write one up (as a draft or published at once), and publish a draft.
import type { CaseStudy } from '../domain';
import type { HubData, Stored } from '../data/ports';

export function saveCaseStudy(data: Pick<HubData, 'caseStudies'>, study: CaseStudy): Promise<Stored<CaseStudy>> {
  return data.caseStudies.create(study);
}

export function publishCaseStudy(data: Pick<HubData, 'caseStudies'>, study: Stored<CaseStudy>): Promise<Stored<CaseStudy>> {
  return data.caseStudies.update({ ...study, published: true });
}
