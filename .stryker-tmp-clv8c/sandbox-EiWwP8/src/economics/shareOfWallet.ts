// @ts-nocheck
import { checkObject } from '../_lib/checkObject.js';
import { checkMoney, type MoneyInput } from '../_lib/money.js';
import { IssueList } from '../_lib/validate.js';

/** Inputs of {@link shareOfWallet}: one customer's spending in the category over the same period. */
export interface ShareOfWalletInput {
  /** What the customer spent with us, >= 0. */
  readonly ourSpend: MoneyInput;
  /** What the customer spent with every other provider in the category, >= 0. */
  readonly otherSpend: MoneyInput;
}

/** Whom a customer buys from in the category. */
export type WalletStatus = 'us' | 'others' | 'both' | 'neither';

/** The result of {@link shareOfWallet}. */
export interface ShareOfWalletResult {
  /** `ourSpend / (ourSpend + otherSpend)`, in [0, 1]; `undefined` when the customer spent nothing. */
  readonly share: number | undefined;
  /** Whether the customer buys from us only, from others only, from both, or from nobody. */
  readonly buysFrom: WalletStatus;
}

/**
 * Share of wallet: the part of a customer's spending in a category that goes to us.
 *
 * Definition: `share = ourSpend / (ourSpend + otherSpend)`. A customer can buy from us only
 * (share 1), from others only (share 0: a prospect with a wallet, or a lost customer), or from both
 * (the customers where growing the share pays most); `buysFrom` says which. A customer with no
 * spending at all has no share (`undefined`).
 *
 * Cost: O(1).
 *
 * @param input - Our spend and everyone else's; see {@link ShareOfWalletInput}.
 * @returns The share and the buying status.
 * @throws {@link MetricsInputError} when an amount is negative or not finite.
 * @see Keiningham, Aksoy, Buoye, Cooil, Larivière & Williams (2011), "Customer loyalty isn't
 * enough. Grow your share of wallet", Harvard Business Review 89(10); Du, Kamakura & Mela (2007),
 * "Size and share of customer wallet", Journal of Marketing 71(2).
 * @example
 * ```ts
 * import { shareOfWallet } from 'customer-metrics';
 * shareOfWallet({ ourSpend: 300, otherSpend: 100 }); // => { share: 0.75, buysFrom: 'both' }
 * shareOfWallet({ ourSpend: 0, otherSpend: 50 }); // => { share: 0, buysFrom: 'others' }
 * shareOfWallet({ ourSpend: 0, otherSpend: 0 }); // => { share: undefined, buysFrom: 'neither' }
 * ```
 */
export function shareOfWallet(input: ShareOfWalletInput): ShareOfWalletResult {
  const issues = new IssueList();
  const o = checkObject(input, 'input', ['ourSpend', 'otherSpend'], issues);
  const ours = o === undefined ? undefined : checkMoney(o.ourSpend, ['input', 'ourSpend'], issues, true);
  const others = o === undefined ? undefined : checkMoney(o.otherSpend, ['input', 'otherSpend'], issues, true);
  issues.throwIfAny();
  const us = ours as NonNullable<typeof ours>;
  const them = others as NonNullable<typeof others>;
  const total = us.plus(them);
  if (total.isZero()) return { share: undefined, buysFrom: 'neither' };
  const buysFrom: WalletStatus = us.isZero() ? 'others' : them.isZero() ? 'us' : 'both';
  return { share: us.div(total).toNumber(), buysFrom };
}
