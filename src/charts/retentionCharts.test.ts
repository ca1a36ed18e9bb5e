/**
 * The retention charts: worked examples (one step per distinct event time, one cell per cohort and
 * period, ...), rendering to SVG, properties over random survival data, and bad-input tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOf, markItems, renderSvg, specProblems } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { kaplanMeier, logRankTest, type KaplanMeierResult } from '../retention/index.js';
import { churnSeriesChart, cohortRetentionChart, kaplanMeierChart, mrrMovementsChart, survivalGroupsChart } from './index.js';

type Step = { time: number; survival: number; lower: number | null; upper: number | null };

/** The number of drops of a step curve (vertices whose survival differs from the previous one). */
function drops(points: readonly { survival: number }[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) if (points[i]!.survival !== points[i - 1]!.survival) n++;
  return n;
}

const survivalData = fc
  .array(fc.record({ d: fc.integer({ min: 1, max: 30 }), o: fc.boolean() }), { minLength: 1, maxLength: 80 })
  .map((rows) => ({ durations: rows.map((r) => r.d), observed: rows.map((r) => r.o) }));

describe('kaplanMeierChart', () => {
  // Durations 1, 2+, 3, 3, 5+, 6: S(1) = 5/6; S(3) = 5/6 * 2/4 = 5/12; S(6) = 0.
  const km = kaplanMeier({ durations: [1, 2, 3, 3, 5, 6], observed: [true, false, true, true, false, true] });

  it('draws one step per distinct event time, a tick per censoring time and the numbers at risk', async () => {
    const spec = kaplanMeierChart(km);
    expect(specProblems(spec)).toEqual([]);
    const plot = (spec.vconcat as { data: { values: Step[] } }[])[0]!;
    const steps = plot.data.values;
    expect(steps.map((p) => [p.time, p.survival])).toEqual([
      [0, 1],
      [1, 0.833333],
      [2, 0.833333],
      [3, 0.416667],
      [5, 0.416667],
      [6, 0],
    ]);
    expect(drops(steps)).toBe(3); // event times 1, 3, 6
    // the band stops where the survival reaches 0
    expect(steps[steps.length - 1]?.lower).toBeNull();
    const table = (spec.vconcat as { data: { values: { time: number; atRisk: number }[] } }[])[1]!;
    // at risk at t: still followed at t (duration >= t): all 6 up to 1, five at 2, four at 3, two at 4 and 5, one at 6
    expect(table.data.values.map((v) => [v.time, v.atRisk])).toEqual([
      [0, 6],
      [1, 6],
      [2, 5],
      [3, 4],
      [4, 2],
      [5, 2],
      [6, 1],
    ]);
    const { svg, warnings } = await renderSvg(spec);
    expect(warnings).toEqual([]);
    expect(markItems(svg, 'line')).toBe(1);
    expect(markItems(svg, 'area')).toBe(1);
    expect(markItems(svg, 'symbol')).toBe(2); // censorings at 2 and 5
    expect(markItems(svg, 'text')).toBe(7);
  });

  it('says "median not reached" when the curve stays above one half, in both locales', () => {
    const high = kaplanMeier({ durations: [1, 2, 3, 4], observed: [true, false, false, false] });
    expect(kaplanMeierChart(high, { showAtRisk: false }).title.subtitle).toBe('4 subjects, 1 events, 3 censored; median not reached');
    expect(kaplanMeierChart(high, { showAtRisk: false, locale: 'vi', timeUnit: 'week' }).title.subtitle).toBe('4 đối tượng, 1 lần rời bỏ, 3 bị kiểm duyệt; chưa đạt trung vị');
  });

  it('property: steps = distinct event times with a drop; ticks = times with censorings', () => {
    fc.assert(
      fc.property(survivalData, (data) => {
        const curve = kaplanMeier(data);
        const spec = kaplanMeierChart(curve, { showAtRisk: false });
        const steps = dataOf<Step>(spec);
        const eventTimes = curve.time.filter((_, i) => curve.events[i]! > 0).length;
        expect(drops(steps)).toBe(eventTimes);
        const censorLayer = (spec.layer as { data?: { values: unknown[] } }[]).find((l) => l.data !== undefined);
        expect(censorLayer?.data?.values.length ?? 0).toBe(curve.censored.filter((c) => c > 0).length);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 50, seed: 16 },
    );
  });

  it.each([
    ['not a curve', () => kaplanMeierChart(undefined as never), ['invalid_type curve']],
    ['columns of different length', () => kaplanMeierChart({ ...km, survival: [1] }), ['invalid_structure curve.survival']],
    ['times not increasing', () => kaplanMeierChart({ ...km, time: [1, 1, 3, 5, 6] } as KaplanMeierResult), ['invalid_order curve.time.1']],
    ['survival rising', () => kaplanMeierChart({ ...km, survival: [0.5, 0.6, 0.4, 0.4, 0] } as KaplanMeierResult), ['invalid_order curve.survival.1']],
    ['survival above 1', () => kaplanMeierChart({ ...km, survival: [1.5, 0.6, 0.4, 0.4, 0] } as KaplanMeierResult), ['too_big curve.survival.0']],
    ['unknown unit', () => kaplanMeierChart(km, { timeUnit: 'hour' } as never), ['invalid_value options.timeUnit']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('survivalGroupsChart', () => {
  const monthly = { durations: [1, 2, 2, 3], observed: [true, true, true, false] };
  const yearly = { durations: [4, 6, 8, 9], observed: [true, false, false, false] };

  it('draws one step curve per group and puts the log-rank test in the subtitle', async () => {
    const test = logRankTest([monthly, yearly])!;
    const spec = survivalGroupsChart(
      [
        { name: 'monthly', curve: kaplanMeier(monthly) },
        { name: 'yearly', curve: kaplanMeier(yearly) },
      ],
      test,
    );
    expect(specProblems(spec)).toEqual([]);
    expect(spec.title.subtitle).toBe(`Log-rank test: χ² = ${test.chiSquare.toFixed(2)}, df = 1, p = ${test.pValue.toFixed(3)}`);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'line')).toBe(2);
    // at-risk numbers: one row per group at 0, 1, ..., 9 (about one per 48 pixels of the 480-pixel width)
    expect(markItems(svg, 'text')).toBe(2 * 10);
  });

  it('writes p < 0.001 for very small p-values, and leaves the subtitle out without a test', () => {
    const curve = kaplanMeier(monthly);
    const spec = survivalGroupsChart([{ name: 'a', curve }], { chiSquare: 30, degreesOfFreedom: 1, pValue: 1e-8, observed: [], expected: [] }, { showAtRisk: false, locale: 'vi' });
    expect(spec.title.subtitle).toBe('Kiểm định log-rank: χ² = 30,00, bậc tự do = 1, p < 0,001');
    expect(survivalGroupsChart([{ name: 'a', curve }], undefined, { showAtRisk: false }).title.subtitle).toBeUndefined();
  });

  it('property: the drops of each group are its event times', () => {
    fc.assert(
      fc.property(fc.array(survivalData, { minLength: 2, maxLength: 4 }), (groups) => {
        const curves = groups.map((g, i) => ({ name: `g${i}`, curve: kaplanMeier(g) }));
        const spec = survivalGroupsChart(curves, logRankTest(groups), { showAtRisk: false });
        const rows = dataOf<{ group: string; survival: number }>(spec);
        for (const { name, curve } of curves) {
          expect(drops(rows.filter((r) => r.group === name))).toBe(curve.events.filter((e) => e > 0).length);
        }
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['no groups', () => survivalGroupsChart([], undefined), ['too_small groups']],
    ['nine groups', () => survivalGroupsChart(Array.from({ length: 9 }, (_, i) => ({ name: `g${i}`, curve: kaplanMeier(monthly) })), undefined), ['too_big groups']],
    [
      'repeated name',
      () =>
        survivalGroupsChart(
          [
            { name: 'a', curve: kaplanMeier(monthly) },
            { name: 'a', curve: kaplanMeier(yearly) },
          ],
          undefined,
        ),
      ['invalid_value groups.1.name'],
    ],
    ['p above 1', () => survivalGroupsChart([{ name: 'a', curve: kaplanMeier(monthly) }], { chiSquare: 1, degreesOfFreedom: 1, pValue: 2 } as never), ['too_big logRank.pValue']],
    ['bad curve', () => survivalGroupsChart([{ name: 'a', curve: {} as never }], undefined), ['invalid_type groups.0.curve.time', 'invalid_type groups.0.curve.atRisk', 'invalid_type groups.0.curve.events', 'invalid_type groups.0.curve.censored', 'invalid_type groups.0.curve.survival', 'invalid_type groups.0.curve.lower', 'invalid_type groups.0.curve.upper', 'invalid_type groups.0.curve.confidenceLevel']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('churnSeriesChart', () => {
  const rows = [
    { label: '2025-01', rate: 0.05, trailingAverage: undefined, start: 100, churned: 5 },
    { label: '2025-02', rate: undefined, trailingAverage: undefined, start: 0, churned: 0 },
    { label: '2025-03', rate: 0.03, trailingAverage: 0.04, start: 98, churned: 3 },
  ];

  it('draws a point per defined rate and per defined trailing average', async () => {
    const spec = churnSeriesChart(rows as never);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ period: string; series: string; rate: number }>(spec).map((v) => `${v.period} ${v.series} ${v.rate}`)).toEqual([
      '2025-01 Churn rate 0.05',
      '2025-03 Churn rate 0.03',
      '2025-03 Trailing average 0.04',
    ]);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'symbol')).toBe(3);
    expect(markItems(svg, 'line')).toBe(2);
  });

  it('property: points = defined rates (+ averages) in both locales', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), { minLength: 1, maxLength: 30 }), fc.boolean(), (rates, vi) => {
        const series = rates.map((rate, i) => ({ label: `p${i}`, rate, trailingAverage: rate, start: 1, churned: 0 }));
        const spec = churnSeriesChart(series as never, { locale: vi ? 'vi' : 'en', showTrailingAverage: false });
        expect(dataOf(spec).length).toBe(rates.filter((r) => r !== undefined).length);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['empty', () => churnSeriesChart([]), ['too_small series']],
    ['negative rate', () => churnSeriesChart([{ ...rows[0], rate: -0.1 }] as never), ['too_small series.0.rate']],
    ['repeated label', () => churnSeriesChart([rows[0], rows[0]] as never), ['invalid_value series.1.label']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('mrrMovementsChart', () => {
  const movements = { startingMrr: '1000', newMrr: '200.50', expansion: 50, reactivation: 0, contraction: '30.25', churned: 120, endingMrr: '1100.25' };

  it('sets the step names at an angle below 560 px (seven names of up to about 80 px each), level from 560 px', () => {
    const axisOf = (width: number) => {
      const layer = (mrrMovementsChart(movements as never, { width }) as unknown as { layer: { encoding: { x: { axis: Record<string, unknown> } } }[] }).layer;
      return layer[0]?.encoding.x.axis;
    };
    expect(axisOf(390)).toEqual({ labelAngle: -40, labelAlign: 'right', labelBaseline: 'middle' });
    expect(axisOf(559)).toMatchObject({ labelAngle: -40 });
    expect(axisOf(560)).toEqual({ labelAngle: 0 });
  });

  it('floats each movement from the running total and ends at the ending MRR', async () => {
    const spec = mrrMovementsChart(movements as never, { locale: 'vi', currency: 'VND' });
    expect(specProblems(spec)).toEqual([]);
    // 1000 + 200.50 + 50 + 0 - 30.25 - 120 = 1100.25
    expect(dataOf<{ from: number; to: number }>(spec).map((v) => [v.from, v.to])).toEqual([
      [0, 1000],
      [1000, 1200.5],
      [1200.5, 1250.5],
      [1250.5, 1250.5],
      [1250.5, 1220.25],
      [1220.25, 1100.25],
      [0, 1100.25],
    ]);
    expect(spec.description).toContain('1100,25 VND');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(7);
  });

  it('property: the last floating bar ends at the ending MRR', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 6, maxLength: 6 }), ([s, n, e, r, c, ch]) => {
        const contraction = Math.min(c!, s! + n! + e! + r!);
        const churned = Math.min(ch!, s! + n! + e! + r! - contraction);
        const end = s! + n! + e! + r! - contraction - churned;
        const values = dataOf<{ from: number; to: number }>(mrrMovementsChart({ startingMrr: s, newMrr: n, expansion: e, reactivation: r, contraction, churned, endingMrr: end } as never));
        expect(values[5]?.to).toBe(end);
        expect(values[6]?.to).toBe(end);
      }),
      { numRuns: 50, seed: 16 },
    );
  });

  it.each([
    ['missing amounts', () => mrrMovementsChart({} as never), ['invalid_type movements.startingMrr', 'invalid_type movements.newMrr', 'invalid_type movements.expansion', 'invalid_type movements.reactivation', 'invalid_type movements.contraction', 'invalid_type movements.churned', 'invalid_type movements.endingMrr']],
    ['negative amount', () => mrrMovementsChart({ ...movements, churned: -1 } as never), ['too_small movements.churned']],
    ['does not add up', () => mrrMovementsChart({ ...movements, endingMrr: 5 } as never), ['invalid_structure movements.endingMrr']],
    ['array', () => mrrMovementsChart([] as never), ['invalid_type movements']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('cohortRetentionChart', () => {
  const result = {
    cohorts: [
      { label: '2025-01', size: 10, retention: [1, 0.8, 0.5], revenueRetention: [1, 1.1, 0.9] },
      { label: '2025-02', size: 4, retention: [1, 0.75], revenueRetention: [1, undefined] },
      { label: '2025-03', size: 2, retention: [], revenueRetention: [] },
    ],
  };

  it('draws one cell per cohort and observed period, none for the unobserved', async () => {
    const spec = cohortRetentionChart(result as never);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ cohort: string; period: number }>(spec).map((v) => `${v.cohort}+${v.period}`)).toEqual(['2025-01+0', '2025-01+1', '2025-01+2', '2025-02+0', '2025-02+1']);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(5);
    expect(markItems(svg, 'text')).toBe(5);
  });

  it('shows revenue retention on request, undefined cells left out, scale up to the largest', () => {
    const spec = cohortRetentionChart(result as never, { measure: 'revenue', showValues: false });
    expect(dataOf(spec).length).toBe(4);
    expect((spec.encoding as unknown) ?? (spec.layer as { encoding: { color: { scale: { domain: number[] } } } }[])[0]!.encoding.color.scale.domain).toEqual([0, 1.1]);
  });

  it('property: cells = sum of the observed periods', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), { minLength: 1, maxLength: 12 }), (grid) => {
        const cohorts = grid.map((retention, i) => ({ label: `c${i}`, size: 1, retention, revenueRetention: undefined }));
        const spec = cohortRetentionChart({ cohorts } as never, { locale: 'vi' });
        expect(dataOf(spec).length).toBe(grid.reduce((s, r) => s + r.length, 0));
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['no cohorts', () => cohortRetentionChart({ cohorts: [] } as never), ['too_small result.cohorts']],
    ['revenue without MRR', () => cohortRetentionChart({ cohorts: [{ label: 'a', size: 1, retention: [1], revenueRetention: undefined }] } as never, { measure: 'revenue' }), ['invalid_value result.cohorts.0.revenueRetention']],
    ['negative share', () => cohortRetentionChart({ cohorts: [{ label: 'a', size: 1, retention: [-1], revenueRetention: undefined }] } as never), ['too_small result.cohorts.0.retention.0']],
    ['repeated label', () => cohortRetentionChart({ cohorts: [result.cohorts[0], result.cohorts[0]] } as never), ['invalid_value result.cohorts.1.label']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});
