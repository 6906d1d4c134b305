// Loaded on demand by the hub: import(/* webpackChunkName: 'case-studies' */ './caseStudies').
export { CaseStudies, CaseStudyCard, caseStudyProblems } from './CaseStudies';
export type { CaseStudiesProps, CaseStudyProblem } from './CaseStudies';
