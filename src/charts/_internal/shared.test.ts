/**
 * The helpers the charts share (`_internal/compare.ts`, `model.ts`, `levels.ts`, `nps.ts`), checked
 * directly and through the public charts that use them: the "Actual vs model" colours, the model
 * validation (issue paths re-rooted at the chart's parameter, the fallback issue, other errors
 * passed through), the model names, the need-level labels and the issue paths of the two NPS row
 * forms. Aimed at the mutants that survived run `charts1c` (2026-12-07).
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../../test/helpers/charts.js';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { NEED_LEVELS } from '../../stages/index.js';
import { calibrationHoldoutChart, dropoutHeterogeneityChart, holdoutTrackingChart, npsSegmentsChart, npsTrendChart, periodTransactionsChart, probabilityAliveHistoryChart, purchaseRateHeterogeneityChart, stageTransitionChart } from '../index.js';
import { IssueList, OKABE_ITO } from './common.js';
import { actualVsModel } from './compare.js';
import { levelLabel, levelLabels } from './levels.js';
import { checkModel, modelName } from './model.js';
import { npsRowShape, parseRows } from './nps.js';
import { z } from './common.js';

const bgNbd = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const mbgNbd = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' } as const;
const paretoNbd = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, timeUnit: 'week' } as const;

/** The colour encoding of a spec: at the top level, or of its first layer. */
function colorOf(spec: Record<string, unknown>): { field: string; scale: { domain: string[]; range: string[] } } {
  const top = (spec.encoding as Record<string, unknown> | undefined)?.color;
  const layered = ((spec.layer as { encoding?: Record<string, unknown> }[] | undefined)?.[0]?.encoding)?.color;
  return (top ?? layered) as { field: string; scale: { domain: string[]; range: string[] } };
}

describe('actualVsModel: the colours of actual vs model', () => {
  it('names the series in each locale and gives actual blue, model orange', () => {
    const en = actualVsModel('en');
    expect([en.actual, en.model]).toEqual(['Actual', 'Model']);
    expect(en.color).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Actual', 'Model'], range: [OKABE_ITO.blue, OKABE_ITO.orange] } });
    const vi = actualVsModel('vi');
    expect([vi.actual, vi.model]).toEqual(['Thực tế', 'Mô hình']);
    expect((vi.color.scale as { domain: string[] }).domain).toEqual(['Thực tế', 'Mô hình']);
    // Blue and orange of the Okabe-Ito palette (colour-blind safe), not the same colour twice.
    expect([OKABE_ITO.blue, OKABE_ITO.orange]).toEqual(['#0072B2', '#E69F00']);
  });

  it('the three actual-vs-model charts colour every data row by a series in the domain', () => {
    const specs = [
      periodTransactionsChart([
        { frequency: 0, actual: 10, expected: 9.5 },
        { frequency: 1, actual: 4, expected: 4.6 },
      ]),
      calibrationHoldoutChart({
        totals: { actual: 7, expected: 6.5 },
        byFrequency: [
          { frequency: 0, customers: 10, actual: 0.3, expected: 0.25 },
          { frequency: 1, customers: 4, actual: 1, expected: 1.0 },
        ],
      } as never, { locale: 'vi' }),
      holdoutTrackingChart({ end: [1, 2], actualIncremental: [1, 2], expectedIncremental: [1.5, 1.5], actualCumulative: [1, 3], expectedCumulative: [1.5, 3] } as never),
    ];
    for (const [k, spec] of specs.entries()) {
      const color = colorOf(spec as unknown as Record<string, unknown>);
      const locale = k === 1 ? 'vi' : 'en';
      const { actual, model } = actualVsModel(locale);
      expect(color.field).toBe('series');
      expect(color.scale).toEqual({ domain: [actual, model], range: ['#0072B2', '#E69F00'] });
      const series = dataOf<{ series: string }>(spec as never).map((r) => r.series);
      expect(new Set(series)).toEqual(new Set([actual, model]));
    }
  });
});

describe('checkModel and modelName', () => {
  it('accepts a valid model and records nothing', () => {
    const issues = new IssueList();
    expect(checkModel(bgNbd, 'fit', issues)).toBe(bgNbd);
    expect(issues.isEmpty).toBe(true);
  });

  it('re-roots the clv issues at the parameter name, one issue per problem, no fallback beside them', () => {
    const issues = new IssueList();
    expect(checkModel({ kind: 'bg-nbd', parameters: { r: -1, alpha: 2, a: 3, b: -4 } }, 'fitted', issues)).toBeUndefined();
    expect(issueSummaries(() => issues.throwIfAny())).toEqual(['too_small fitted.parameters.r', 'too_small fitted.parameters.b']);
    // Through a chart: the chart's own parameter is `model`, and the options' issue follows.
    expect(issueSummaries(() => dropoutHeterogeneityChart({ kind: 'bg-nbd', parameters: { r: -1, alpha: 2, a: 3, b: -4 } } as never, { locale: 'xx' } as never))).toEqual([
      'too_small model.parameters.r',
      'too_small model.parameters.b',
      'invalid_value options.locale',
    ]);
    expect(issueSummaries(() => purchaseRateHeterogeneityChart({ kind: 'nope', parameters: {} } as never))).toEqual(['invalid_value model.kind']);
  });

  it('falls back to one issue on the parameter when the clv issues are not about the model', () => {
    // A model fitted with covariates needs each customer's covariate values, which a chart of the
    // population does not have: the clv check reports the (dummy) customer, not the model.
    const withCovariates = { ...bgNbd, covariates: { purchase: ['vip'], dropout: [], coefficients: { purchase: { vip: 0.5 }, dropout: {} } } };
    const issues = new IssueList();
    expect(checkModel(withCovariates, 'model', issues)).toBeUndefined();
    const thrown = (() => {
      try {
        issues.throwIfAny();
      } catch (error) {
        return error as { issues: { code: string; path: (string | number)[]; message: string }[] };
      }
      return undefined;
    })();
    expect(thrown?.issues).toEqual([{ code: 'invalid_value', path: ['model'], message: 'must be a valid transaction model' }]);
    expect(issueSummaries(() => dropoutHeterogeneityChart(withCovariates as never))).toEqual(['invalid_value model']);
  });

  it('passes errors that are not MetricsInputError through unchanged', () => {
    const hostile = {
      get kind(): string {
        throw new RangeError('kind getter failed');
      },
      parameters: {},
    };
    expect(() => checkModel(hostile, 'model', new IssueList())).toThrow(RangeError);
    expect(() => probabilityAliveHistoryChart(hostile as never, { purchaseTimes: [0], T: 1 })).toThrow('kind getter failed');
  });

  it('names each model kind in titles, and a generic name for any other kind', () => {
    expect(modelName('bg-nbd', 'en')).toBe('BG/NBD');
    expect(modelName('mbg-nbd', 'vi')).toBe('MBG/NBD');
    expect(modelName('pareto-nbd', 'en')).toBe('Pareto/NBD');
    expect(modelName('other', 'en')).toBe('model');
    expect(modelName('other', 'vi')).toBe('mô hình');
    const subtitle = (spec: { title: { subtitle?: string | readonly string[] } }) => String(spec.title.subtitle);
    expect(subtitle(purchaseRateHeterogeneityChart(mbgNbd))).toMatch(/^MBG\/NBD: Gamma\(r = 0\.525, alpha = 6\.183\)/);
    expect(subtitle(dropoutHeterogeneityChart(paretoNbd))).toMatch(/^Pareto\/NBD: Gamma\(s = 0\.606, beta = 11\.670\); mean dropout rate 0\.0519 per week$/);
    expect(subtitle(dropoutHeterogeneityChart(mbgNbd))).toMatch(/^MBG\/NBD: Beta\(a = 0\.891, b = 1\.614\)/);
    expect(subtitle(probabilityAliveHistoryChart(paretoNbd, { purchaseTimes: [0, 2], T: 5 }, { steps: 5 }))).toMatch(/^Pareto\/NBD; 2 purchases/);
  });
});

describe('levelLabel and levelLabels', () => {
  it('prefixes the stages area label with the level number', () => {
    for (const info of NEED_LEVELS) {
      expect(levelLabel(info.level, 'en')).toBe(`${info.level}. ${info.label.en}`);
      expect(levelLabel(info.level, 'vi')).toBe(`${info.level}. ${info.label.vi}`);
    }
    expect(levelLabels('en')).toEqual(NEED_LEVELS.map((info) => `${info.level}. ${info.label.en}`));
    expect(levelLabels('vi')).toHaveLength(6);
    expect(levelLabels('vi')[5]).toBe(`6. ${NEED_LEVELS[5]!.label.vi}`);
    // Outside 1..6 (never reached after validation): the number and no label.
    expect(levelLabel(7, 'en')).toBe('7. ');
  });

  it('stageTransitionChart labels its rows with the six level labels of the locale', () => {
    const counts = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? 2 : 1)));
    for (const locale of ['en', 'vi'] as const) {
      const spec = stageTransitionChart({ counts } as never, { locale }) as unknown as { layer: { encoding: { y: { sort: string[] } } }[] };
      expect(spec.layer[0]!.encoding.y.sort).toEqual(levelLabels(locale));
      const rows = dataOf<{ from: string; to: number }>(spec as never);
      expect(rows.find((r) => r.to === 4 && r.from.startsWith('3.'))?.from).toBe(levelLabel(3, locale));
    }
  });
});

describe('parseRows: the two input forms and their issue paths', () => {
  const row = { period: 'a', score: 10, n: 5, confidence: 0.95, interval: { lower: -5, upper: 20 } };
  const schema = z.object({ period: z.string(), ...npsRowShape });

  it('gives the rows and the path prefix of each form', () => {
    expect(parseRows([row], 'trend', schema, new IssueList())).toEqual({ rows: [row], base: ['trend'] });
    expect(parseRows({ rows: [row] }, 'trend', schema, new IssueList())).toEqual({ rows: [row], base: ['trend', 'rows'] });
    const issues = new IssueList();
    expect(parseRows({ rows: [] }, 'trend', schema, issues)).toBeUndefined();
    expect(issues.isEmpty).toBe(false);
    const arrayIssues = new IssueList();
    expect(parseRows([{ ...row, score: 101 }], 'trend', schema, arrayIssues)).toBeUndefined();
    expect(issueSummaries(() => arrayIssues.throwIfAny())).toEqual(['too_big trend.0.score']);
  });

  it('the trend and segment charts report row problems under rows for a result object', () => {
    const bad = { ...row, interval: { lower: 30, upper: 20 } };
    expect(issueSummaries(() => npsTrendChart({ rows: [row, bad] } as never))).toEqual(['invalid_order trend.rows.1.interval']);
    expect(issueSummaries(() => npsTrendChart([row, bad] as never))).toEqual(['invalid_order trend.1.interval']);
    expect(issueSummaries(() => npsTrendChart({ rows: [row, { ...row, period: 'b', confidence: 0.9 }] } as never))).toEqual(['invalid_value trend.rows.1.confidence']);
    const seg = (key: string) => ({ key, score: 10, n: 5, confidence: 0.95, interval: { lower: -5, upper: 20 } });
    expect(issueSummaries(() => npsSegmentsChart({ rows: [seg('a'), { ...seg('b'), interval: { lower: 30, upper: 20 } }] } as never))).toEqual(['invalid_order segments.rows.1.interval']);
    expect(issueSummaries(() => npsSegmentsChart({ rows: [seg('a'), { ...seg('b'), confidence: 0.9 }] } as never))).toEqual(['invalid_value segments.rows.1.confidence']);
    expect(issueSummaries(() => npsSegmentsChart({ rows: [seg('a'), seg('a')] } as never))).toEqual(['invalid_value segments.rows.1.key']);
  });
});
