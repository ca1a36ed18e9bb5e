/**
 * What every section builder receives: the inputs, the locale's formatter and text chooser, the
 * observation end and the analysis options.
 */
import type { Formatter, Locale } from '../format.js';
import type { InputPaths, ReportInputs } from '../inputs.js';
import type { Progress } from '../progress.js';

/** Analysis options with their defaults applied. */
export interface AnalysisOptions {
  /** Weeks held out at the end to check the CLV model. */
  readonly holdoutWeeks: number;
  /** CLV horizon in months. */
  readonly horizonMonths: number;
  /** Discount rate per month for CLV. */
  readonly discountRatePerMonth: number;
}

export interface SectionContext {
  readonly inputs: ReportInputs;
  readonly paths: InputPaths;
  readonly locale: Locale;
  readonly f: Formatter;
  /** Picks the English or the Vietnamese text. */
  readonly t: (en: string, vi: string) => string;
  /** Epoch milliseconds: the end of the last day observed. */
  readonly observationEnd: number;
  readonly options: AnalysisOptions;
  readonly progress: Progress;
}

export const DAY = 86_400_000;

/** The first instant of the month `offset` months after the month of `ms` (UTC). */
export function monthStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

/** The first instant of the quarter `offset` quarters after the quarter of `ms` (UTC). */
export function quarterStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3 * offset, 1);
}

/** `2026-Q1` for a quarter start. */
export function quarterLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
