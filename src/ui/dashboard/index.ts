// Loaded on demand: import(/* webpackChunkName: 'dashboard' */ './dashboard') — the dashboard, its charts and
// (further on demand) the member report's exceljs stay out of the hub's first bundle.
export { Dashboard } from './Dashboard';
export type { DashboardProps } from './Dashboard';
export { DashboardApp } from './DashboardApp';
export type { DashboardAppProps } from './DashboardApp';
