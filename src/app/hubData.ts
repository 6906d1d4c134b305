// What the screens see of the data layer: HubData to read through (queries, pages), its record types and
// its errors (to show and to retry). Changes go through the workflows of this layer, never HubData's writes.
export { ConflictError, DataError, ValidationError, isDataError } from '../data/errors';
export type { DataErrorKind } from '../data/errors';
export { allPages } from '../data/paging';
export type * from '../data/ports';
