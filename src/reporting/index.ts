// Reporting: the dashboard's figures from the rollups (defined in the domain), the loader that reads them
// from the lists, and the member report workbook. Pure except `load` (HubData) and `buildMemberReport`
// (exceljs, loaded on demand).
export * from './figures';
export * from './load';
export * from './memberReport';
