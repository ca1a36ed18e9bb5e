/**
 * The constant-margin, constant-retention value kernel shared by `clvFromRetention` (clv) and the
 * retention economics (`retentionUpliftValue`, `cxInvestmentReturn`).
 *
 * @internal
 * @module
 */

/**
 * The margin multiple: the present value, in units of one period's margin, of a customer retained
 * from period to period with probability `r`, margins received at the end of each period survived
 * and discounted at `i` per period: `sum_{t=1..H} (r / (1 + i))^t`. For `H = undefined` (an
 * infinite horizon) this is `r / (1 + i - r)`, which needs `1 + i - r > 0`.
 *
 * Method: the closed forms `q (1 - q^H) / (1 - q)` (finite, `q != 1`), `H` (`q = 1`) and
 * `r / (1 + i - r)`. Accuracy: a few ulps; `1 - q^H` loses relative accuracy only for q within
 * about 1e-8 of 1, where the sum is close to H and the absolute error stays below 1e-8 H.
 */
export function marginMultiple(r: number, i: number, horizon: number | undefined): number {
  if (horizon === undefined) return r / (1 + i - r);
  const q = r / (1 + i);
  if (q === 1) return horizon;
  return (q * (1 - q ** horizon)) / (1 - q);
}

/**
 * The issue message when a margin multiple over a finite horizon exceeds the range of numbers: with
 * a negative discount rate, `r / (1 + i)` above 1 grows as `q^H` (q = 1.007 over 100,000 periods,
 * or 1e8 over 38 periods at i = -0.99999999). The callers refuse it at `['input', 'horizonPeriods']`.
 */
export const MULTIPLE_OVERFLOW = 'is too long for this retention and discount rate: the discounted sum exceeds the range of numbers';
