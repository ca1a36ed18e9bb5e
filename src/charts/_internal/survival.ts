/**
 * Shared by the Kaplan-Meier charts: the input schema of a curve, its step points, the censoring
 * marks and the numbers at risk at round times.
 *
 * @internal
 * @module
 */
import { IssueList, numberSchema, parseInput, round, z } from './common.js';

const optionalNumber = numberSchema().optional();

/** The fields of a Kaplan-Meier result that the charts draw. */
export const kaplanMeierSchema = z.object({
  time: z.array(numberSchema({ min: 0 })).max(1_000_000),
  atRisk: z.array(numberSchema({ min: 0 })),
  events: z.array(numberSchema({ min: 0 })),
  censored: z.array(numberSchema({ min: 0 })),
  survival: z.array(numberSchema({ min: 0, max: 1 })),
  lower: z.array(optionalNumber),
  upper: z.array(optionalNumber),
  confidenceLevel: numberSchema({ greaterThan: 0, lessThan: 1 }),
});

/** A validated curve. */
export type Curve = z.output<typeof kaplanMeierSchema>;

/** Parses a curve at `path` and checks that its columns agree; records issues. */
export function parseCurve(value: unknown, path: readonly (string | number)[], issues: IssueList): Curve | undefined {
  const curve = parseInput(kaplanMeierSchema, value, path, issues);
  if (curve === undefined) return undefined;
  const n = curve.time.length;
  let ok = true;
  for (const key of ['atRisk', 'events', 'censored', 'survival', 'lower', 'upper'] as const) {
    if (curve[key].length !== n) {
      issues.add('invalid_structure', [...path, key], 'must have one entry per time');
      ok = false;
    }
  }
  if (!ok) return undefined;
  for (let i = 1; i < n; i++) {
    if (!((curve.time[i] as number) > (curve.time[i - 1] as number))) {
      issues.add('invalid_order', [...path, 'time', i], 'must be greater than the previous time');
      ok = false;
    }
    if ((curve.survival[i] as number) > (curve.survival[i - 1] as number)) {
      issues.add('invalid_order', [...path, 'survival', i], 'must not be above the previous survival');
      ok = false;
    }
  }
  return ok ? curve : undefined;
}

/** One vertex of the step curve. */
export interface StepPoint {
  readonly time: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The vertices of the step curve: (0, 1), then one per time of the curve; drawn with
 * `interpolate: 'step-after'`, the survival holds until the next time and then drops.
 */
export function stepPoints(curve: Curve): StepPoint[] {
  const out: StepPoint[] = [];
  if (curve.time.length === 0 || (curve.time[0] as number) > 0) out.push({ time: 0, survival: 1, lower: 1, upper: 1 });
  curve.time.forEach((t, i) => {
    const lower = curve.lower[i];
    const upper = curve.upper[i];
    out.push({
      time: round(t),
      survival: round(curve.survival[i] as number),
      lower: lower === undefined ? null : round(lower),
      upper: upper === undefined ? null : round(upper),
    });
  });
  return out;
}

/** The censoring marks: one per time with censorings, at the survival just after it. */
export function censorPoints(curve: Curve): { time: number; survival: number; censored: number }[] {
  const out: { time: number; survival: number; censored: number }[] = [];
  curve.time.forEach((t, i) => {
    const c = curve.censored[i] as number;
    if (c > 0) out.push({ time: round(t), survival: round(curve.survival[i] as number), censored: round(c) });
  });
  return out;
}

/** Round times from 0 to at least `max`, about `count` of them (1, 2 or 5 times a power of ten apart). */
export function roundTimes(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let k = 0; k * step <= max * (1 + 1e-12) && out.length < 50; k++) out.push(round(k * step, 10));
  return out;
}

/** The number at risk at time `t`: those still followed at `t` (at risk at the first curve time >= t). */
export function atRiskAt(curve: Curve, t: number): number {
  for (let i = 0; i < curve.time.length; i++) if ((curve.time[i] as number) >= t) return curve.atRisk[i] as number;
  return 0;
}
