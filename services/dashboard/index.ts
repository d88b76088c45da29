/**
 * The read side of the dashboard: every function takes the reader's `Scope` and returns plain data (ISO instants,
 * yyyy-mm-dd days, decimal strings for money) for the pages and the JSON API to render. docs/web.md, "Read model
 * for the dashboard".
 */
export { overview, UPCOMING_DAYS, type Overview, type OverviewOptions } from './overview';
export { listCycles, listSql, type CycleListPage, type CycleListRow } from './list';
export {
  exportCycles,
  CYCLE_EXPORT_FORMATS,
  CYCLE_EXPORT_HEADERS,
  type CycleExport,
  type CycleExportFormat,
} from './export';
export {
  pairDetail,
  type PairDetail,
  type PairDetailOptions,
  type PairObligation,
  type PairUnit,
  type PairYear,
  type UnitRating,
} from './pair';
export { unitSummary, type UnitSummary } from './unit';
export {
  cycleListQuerySchema,
  parseCycleListQuery,
  listQueryErrors,
  type CycleListQuery,
  type CycleListQueryInput,
} from '../../domain/dashboard/list-query';
