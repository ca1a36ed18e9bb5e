/**
 * The density curves of the heterogeneity charts (`_internal/density.ts`) and the spec they are
 * drawn with (`_internal/heterogeneity.ts`): where a curve starts (x = 0 only where the density is
 * finite there), where it ends (the 99% quantile of a gamma; just inside 1 for a beta), its values
 * against the closed forms, its mean, and the area plus the dashed mean line of the chart.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../../test/helpers/charts.js';
import { regularizedGammaP } from '../../_lib/math/chiSquare.js';
import { dropoutHeterogeneityChart, purchaseRateHeterogeneityChart } from '../index.js';
import { betaDensity, gammaDensity } from './density.js';

describe('gammaDensity', () => {
  it('shape above 1: 201 points from x = 0 (density 0) to the 99% quantile', () => {
    const { points, mean } = gammaDensity(2, 0.5);
    expect(points).toHaveLength(201);
    expect(points[0]).toEqual({ x: 0, density: 0 });
    const upper = points[200]!.x;
    expect(regularizedGammaP(2, 0.5 * upper)).toBeCloseTo(0.99, 7);
    // Gamma(2, rate 0.5): f(x) = 0.25 x e^{-x/2}; at x = upper / 2 (k = 100)
    const mid = points[100]!;
    expect(mid.x).toBeCloseTo(upper / 2, 7);
    expect(mid.density).toBeCloseTo(0.25 * mid.x * Math.exp(-mid.x / 2), 7);
    expect(mean).toBe(4);
  });

  it('shape exactly 1 (exponential): starts at x = 0 with density equal to the rate', () => {
    const { points, mean } = gammaDensity(1, 3);
    expect(points).toHaveLength(201);
    expect(points[0]).toEqual({ x: 0, density: 3 });
    // the 99% quantile of an exponential of rate 3: ln(100) / 3
    expect(points[200]!.x).toBeCloseTo(Math.log(100) / 3, 7);
    expect(mean).toBeCloseTo(1 / 3, 15);
  });

  it('shape below 1: the density is infinite at 0, so the curve starts at the first step', () => {
    const { points, mean } = gammaDensity(0.5, 2);
    expect(points).toHaveLength(200);
    expect(points[0]!.x).toBeGreaterThan(0);
    expect(points[0]!.x).toBeCloseTo(points[199]!.x / 200, 7);
    expect(regularizedGammaP(0.5, 2 * points[199]!.x)).toBeCloseTo(0.99, 7);
    // Gamma(0.5, rate 2): f(x) = sqrt(2 / (pi x)) e^{-2x}
    const p = points[9]!;
    expect(p.density).toBeCloseTo(Math.sqrt(2 / (Math.PI * p.x)) * Math.exp(-2 * p.x), 6);
    expect(mean).toBe(0.25);
  });

  it('the number of steps is an argument', () => {
    expect(gammaDensity(2, 1, 10).points).toHaveLength(11);
    expect(gammaDensity(0.3, 1, 10).points).toHaveLength(10);
  });
});

describe('betaDensity', () => {
  it('199 inner points x = k / 200, the closed form, and the mean a / (a + b)', () => {
    const { points, mean } = betaDensity(2, 3);
    expect(points).toHaveLength(199);
    expect(points[0]!.x).toBe(0.005);
    expect(points[198]!.x).toBe(0.995);
    // Beta(2, 3): f(x) = 12 x (1 - x)^2
    for (const p of [points[0]!, points[59]!, points[198]!]) expect(p.density).toBeCloseTo(12 * p.x * (1 - p.x) ** 2, 7);
    expect(mean).toBe(0.4);
    expect(betaDensity(1, 3).mean).toBe(0.25);
    expect(betaDensity(2, 3, 10).points).toHaveLength(9);
  });
});

type Layer = { data?: { values: { x: number }[] }; mark: { type: string; color: string; opacity?: number; line?: { color: string }; strokeDash?: number[]; strokeWidth?: number }; encoding: { x: { field: string; type: string; title: string }; y?: { field: string; type: string; title: string } } };

describe('the heterogeneity spec: a density area and the dashed mean', () => {
  it('draws the area of the density over x, and a rule at the mean', () => {
    const model = { kind: 'bg-nbd', parameters: { r: 2, alpha: 0.5, a: 2, b: 3 }, timeUnit: 'week' } as const;
    const spec = purchaseRateHeterogeneityChart(model);
    expect(dataOf(spec)).toEqual(gammaDensity(2, 0.5).points);
    const [area, rule] = spec.layer as Layer[];
    expect(area!.mark).toEqual({ type: 'area', color: '#56B4E9', opacity: 0.5, line: { color: '#0072B2' } });
    expect(area!.encoding.x).toEqual({ field: 'x', type: 'quantitative', title: 'Purchase rate λ (purchases per week)' });
    expect(area!.encoding.y).toEqual({ field: 'density', type: 'quantitative', title: 'Density (share of customers per unit)' });
    // mean r / alpha = 4
    expect(rule!.data!.values).toEqual([{ x: 4 }]);
    expect(rule!.mark).toEqual({ type: 'rule', color: '#D55E00', strokeDash: [5, 4], strokeWidth: 2 });
    expect(rule!.encoding.x.field).toBe('x');
    expect(spec.description).toBe('Density curve of the purchase rate across customers; mean 4.0000 (dashed line). BG/NBD: Gamma(r = 2.000, alpha = 0.500); mean 4.0000 purchases per week.');
  });

  it('the dropout charts: the Beta mean a / (a + b), the Pareto/NBD Gamma mean s / beta, in Vietnamese too', () => {
    const bg = dropoutHeterogeneityChart({ kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b: 3 } });
    expect((bg.layer as Layer[])[1]!.data!.values).toEqual([{ x: 0.25 }]);
    expect(bg.description).toMatch(/^Density curve of the dropout probability across customers; mean 0\.2500 \(dashed line\)\./);
    const pareto = dropoutHeterogeneityChart({ kind: 'pareto-nbd', parameters: { r: 1, alpha: 1, s: 3, beta: 4 } }, { locale: 'vi' });
    expect((pareto.layer as Layer[])[1]!.data!.values).toEqual([{ x: 0.75 }]);
    expect(pareto.description).toMatch(/^Đường mật độ của tốc độ rời bỏ giữa các khách hàng; trung bình 0,7500 \(đường nét đứt\)\./);
    expect((pareto.layer as Layer[])[0]!.encoding.y!.title).toBe('Mật độ (tỷ lệ khách hàng trên một đơn vị)');
    expect((pareto.layer as Layer[])[0]!.encoding.x.title).toBe('Tốc độ rời bỏ μ (mỗi đơn vị thời gian)');
  });
});
