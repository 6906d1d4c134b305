// Loaded on demand by the hub, for site owners:
// React.lazy(() => import(/* webpackChunkName: 'measure-library' */ './library').then((m) => ({ default: m.MeasureLibraryAdmin }))).
// exceljs is loaded only when an .xlsx sheet is imported (chunk 'measure-import').
export { MeasureLibraryAdmin } from './MeasureLibraryAdmin';
export type { MeasureLibraryAdminProps } from './MeasureLibraryAdmin';
