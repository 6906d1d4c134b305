// The application layer: one place per workflow. Screens call these and nothing else to change the
// hub's lists; each reads what it needs, asks the domain (src/domain) to decide, and writes through the
// ports (src/data). Screens import the module they need (not this index), so each chunk loads only its own.
export * from './user';
export * from './procurementWorkflow';
export * from './approval';
export * from './award';
export * from './contractManagement';
export * from './outcomes';
export * from './deliveryFigures';
export * from './supplierReturnImport';
export * from './celebrate';
export * from './taskforceUpdate';
export * from './rebuild';
export * from './measureLibrary';
export * from './settings';
export * from './caseStudies';
export * from './hubData';
export * from './taskforceChannel';
