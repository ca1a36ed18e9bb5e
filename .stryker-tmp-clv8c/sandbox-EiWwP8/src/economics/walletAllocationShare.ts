// @ts-nocheck
import { checkNumber, IssueList } from '../_lib/validate.js';

/**
 * The Wallet Allocation Rule: the share of a customer's category spending that a brand can expect
 * from its rank among the brands the customer uses.
 *
 * Definition: `share = (1 - rank / (brands + 1)) * (2 / brands)` for a brand ranked `rank` (1 =
 * the customer's favourite) among `brands` brands used. The shares over all ranks add up to 1; with
 * two brands the first gets 2/3 and the second 1/3. Ranks come from satisfaction or preference
 * scores (ties share the average of their ranks' shares).
 *
 * Cost: O(1).
 *
 * @param rank - The brand's rank, a whole number from 1 to `brands`.
 * @param brands - How many brands the customer uses, a whole number >= 1.
 * @returns The expected share of wallet, in (0, 1].
 * @throws {@link MetricsInputError} when `brands` is not a whole number >= 1, or `rank` is not a
 * whole number from 1 to `brands`.
 * @see Keiningham, Aksoy, Buoye, Cooil, Larivière & Williams (2011), "Customer loyalty isn't
 * enough. Grow your share of wallet", Harvard Business Review 89(10); Keiningham et al. (2015),
 * "The Wallet Allocation Rule", Journal of Marketing Research.
 * @example
 * ```ts
 * import { walletAllocationShare } from 'customer-metrics';
 * walletAllocationShare(1, 2); // => ~0.6667
 * walletAllocationShare(2, 2); // => ~0.3333
 * walletAllocationShare(1, 1); // => 1
 * ```
 */
export function walletAllocationShare(rank: number, brands: number): number {
  const issues = new IssueList();
  const brandsOk = checkNumber(brands, ['brands'], { integer: true, min: 1 }, issues);
  if (checkNumber(rank, ['rank'], { integer: true, min: 1 }, issues) && brandsOk && rank > brands) {
    issues.add('too_big', ['rank'], 'must be at most the number of brands');
  }
  issues.throwIfAny();
  return (1 - rank / (brands + 1)) * (2 / brands);
}
