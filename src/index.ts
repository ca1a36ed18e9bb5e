/**
 * customer-metrics: typed, tested, fast customer metrics.
 *
 * The root entry re-exports every area; each area is also available as a subpath
 * (`customer-metrics/nps`, ...), which bundlers can tree-shake just as well.
 *
 * @module customer-metrics
 */
export * from './errors.js';
export type { CalendarPeriod, DateInput, MoneyInput, NumericArray } from './types.js';
export * from './nps/index.js';
export * from './retention/index.js';
export * from './segmentation/index.js';
export * from './stages/index.js';
export * from './clv/index.js';
export * from './economics/index.js';
export * from './charts/index.js';
