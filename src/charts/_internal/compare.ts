/**
 * "Actual vs model" charts share their two colours and series names.
 *
 * @internal
 * @module
 */
import { OKABE_ITO, tr, WORDS, type ChartLocale } from './common.js';

/** The two series names and the colour encoding that keeps them apart. */
export function actualVsModel(locale: ChartLocale): { actual: string; model: string; color: Record<string, unknown> } {
  const actual = tr(locale, WORDS.actual);
  const model = tr(locale, WORDS.model);
  return { actual, model, color: { field: 'series', type: 'nominal', title: null, scale: { domain: [actual, model], range: [OKABE_ITO.blue, OKABE_ITO.orange] } } };
}
