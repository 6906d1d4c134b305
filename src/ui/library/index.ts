export { MeasureLibraryAdmin } from './MeasureLibraryAdmin';
export type { MeasureLibraryAdminProps } from './MeasureLibraryAdmin';
