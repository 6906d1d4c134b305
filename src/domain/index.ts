// The policy engine's public face: the WMCA Social Value Policy as code. Everything outside src/domain
// imports from here only. Pure TypeScript, no I/O. Where each rule lives:
//
//   value bands (section 6.0)          tier.ts          determineTier, TIERS (what each tier asks)
//   thresholds in force on a date      thresholds.ts    THRESHOLD_TABLE_2024/2026, rows <-> tables
//   figures a review may change        policyEdition.ts CURRENT_POLICY_EDITION, buildPolicyEdition
//   each authority's own edition       authorityEdition.ts editionFor (authority × decision date), authorityEditionProblems
//   5–30% weighting, PASS/FAIL         weighting.ts     validateWeighting, recommendWeighting
//   the six themes (section 5.0)       themes.ts        THEMES
//   measures and proxies               measures.ts      MEASURES, suggestedMeasures, validateMeasure
//   value = quantity × proxy, RAG      socialValue.ts   socialValuePence, commitmentProgress, RAG_RULE, totalsByTheme
//   proxy locked at award              commitments.ts   commitmentFor, outcomeLogFor, verifyOutcome
//   statuses and approval              lifecycle.ts     STATUS_TRANSITIONS, transition, requiresReapproval, canApprove
//   approval on record                 approvalRecord.ts approvalStanding, decisionProblem (judged by SharePoint's Author)
//   verification on record             verificationRecord.ts verificationOnRecord (the verifier is the Author, not the reporter)
//   quarterly reporting                periods.ts       periodFor, periodById ('2026-27 Q1')
//   quantities, exact in thousandths   quantities.ts    toThousandths, formatThousandths ("37.5 FTE")
//   form checks                        validation.ts    validateProcurementBasics, validateSubmission, …
//   Procurement Act 2023 s52/s71 KPIs  kpi.ts           kpiDuty, kpiDutyForProcurement, validateKpis, CONTRACT_PERFORMANCE_RATINGS, contractPerformanceNotice
//   Social Value Act 2012 s1           socialValueAct.ts socialValueActApplies
//
// Conventions: money is integer pence (`Pence`), formatted with formatPounds; dates are ISO yyyy-mm-dd
// calendar days; nonsense input throws PolicyInputError; form validators return { field, message }[].
export * from './errors';
export * from './dates';
export * from './money';
export * from './contract';
export * from './themes';
export * from './authorities';
export * from './tier';
export * from './weighting';
export * from './measures';
export * from './lifecycle';
export * from './approvalRecord';
export * from './verificationRecord';
export * from './entities';
export * from './socialValue';
export * from './thresholds';
export * from './policyEdition';
export * from './periods';
export * from './validation';
export * from './commitments';
export * from './references';
export * from './quantities';
export * from './rollups';
export * from './progress';
export * from './chase';
export * from './settings';
export * from './xmlText';
export * from './kpi';
export * from './authorityEdition';
export * from './socialValueAct';
export { decimalPlaces } from './decimal';
export * from './measureEdits';
export * from './policyFigures';
export * from './dashboardFigures';
