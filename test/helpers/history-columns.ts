/**
 * Summary rows `{ frequency, recency, T, weight? }` as the typed columns the fitters' kernels take
 * (x, tx, T, w; weight 1 when absent). For tests that call a kernel directly.
 */
export interface HistoryColumns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
}

export function historyColumns(rows: readonly { frequency: number; recency: number; T: number; weight?: number }[]): HistoryColumns {
  return {
    x: Float64Array.from(rows, (r) => r.frequency),
    tx: Float64Array.from(rows, (r) => r.recency),
    T: Float64Array.from(rows, (r) => r.T),
    w: Float64Array.from(rows, (r) => r.weight ?? 1),
  };
}
