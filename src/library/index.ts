// The measure library admin's pure rules: reading measure sheets (CSV, XLSX) into a per-row preview,
// the new-edition rule for proxies, and new policy editions for figures and threshold tables.
export * from './csv';
export * from './measureEdits';
export * from './measureSheet';
export * from './measureFile';
export * from './policyFigures';
