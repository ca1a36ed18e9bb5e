/**
 * The `economics` area.
 *
 * @module economics
 */
// @ts-nocheck

export { ltvToCac } from './ltvToCac.js';
export type { LtvToCacInput } from './ltvToCac.js';
export { cacPayback } from './cacPayback.js';
export type { CacPaybackInput } from './cacPayback.js';
export { customerProfitability } from './customerProfitability.js';
export type { CustomerCosts, CustomerProfit, CustomerProfitabilityResult, ProfitabilityTotals } from './customerProfitability.js';
export { shareOfWallet } from './shareOfWallet.js';
export type { ShareOfWalletInput, ShareOfWalletResult, WalletStatus } from './shareOfWallet.js';
export { walletAllocationShare } from './walletAllocationShare.js';
export { retentionUpliftValue } from './retentionUpliftValue.js';
export type { RetentionUpliftValueInput, RetentionUpliftValueResult } from './retentionUpliftValue.js';
export { cxInvestmentReturn } from './cxInvestmentReturn.js';
export type { CxBenefitBreakdown, CxBenefits, CxCosts, CxInvestmentReturnInput, CxInvestmentReturnResult } from './cxInvestmentReturn.js';
