/**
 * Special functions for the models and tests.
 *
 * ## Method
 * - {@link logGamma}: for x >= 10 the Stirling series with 8 terms; below, the recurrence
 *   ln Gamma(x) = ln Gamma(x + n) - ln(x (x + 1) ... (x + n - 1)) shifts the argument up to 10 first.
 *   Defined for x > 0.
 *
 * ## Accuracy
 * See the fixture test beside this file.
 *
 * @internal
 * @module
 */

const HALF_LN_2PI = 0.9189385332046728; // 0.5 * ln(2 pi)
// Stirling series coefficients B_{2k} / (2k (2k - 1)), k = 1..8.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** ln Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  let y = x;
  if (y < 10) {
    let prod = 1;
    while (y < 10) {
      prod *= y;
      y += 1;
    }
    shift = Math.log(prod);
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + (STIRLING[k] as number);
  return (y - 0.5) * Math.log(y) - y + HALF_LN_2PI + series * inv - shift;
}
