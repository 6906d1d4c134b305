// Reporting: rollups (defined once, rebuilt or updated incrementally), the dashboard's figures from them,
// the loader that reads them from the lists, and the member report workbook. Pure except `load` (HubData)
// and `buildMemberReport` (exceljs, loaded on demand).
export * from './rollups';
export * from './figures';
export * from './load';
export * from './memberReport';
export * from './rebuild';
