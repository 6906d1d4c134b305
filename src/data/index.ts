// The data layer's public face for the UI and cards: ports and errors only (no PnPjs).
// The SharePoint adapter is imported from './sharepoint' by the hosts that build it.
export * from './ports';
export * from './paging';
