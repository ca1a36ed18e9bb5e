/**
 * Helpers for the data the report hands to `customer-metrics/charts` (every figure is one of its
 * specs; see model.ts `chartFigure`).
 */

/** Keeps about `target` evenly spaced points of a long curve (always the first and the last). */
export function thin<T>(points: readonly T[], target = 200): T[] {
  if (points.length <= target) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (target - 1);
  for (let k = 0; k < target; k++) out.push(points[Math.round(k * step)] as T);
  return out;
}
