/** Hostile-input specs of `customer-metrics/economics` (contract: ../spec.ts). */
import type { HostileSpecs } from '../spec.js';

export const specs: HostileSpecs = {
  cacPayback: {
    valid: () => [{ cac: 1000, arpaPerPeriod: '100', grossMargin: 0.8 }],
    refuse: { 'money as hex': () => [{ cac: '0x10', arpaPerPeriod: 100 }] },
  },
  customerProfitability: {
    valid: () => [
      [
        { customerId: 'a', revenue: 1000, costOfGoods: 600, costToServe: 150 },
        { customerId: 'b', revenue: '200', costOfGoods: '120', costToServe: '130' },
      ],
    ],
    refuse: { 'money beyond range': () => [[{ customerId: 'a', revenue: '1e400' }]] },
  },
  cxInvestmentReturn: {
    valid: () => [
      {
        customers: 1000,
        marginPerPeriod: 100,
        retentionRatePerPeriod: 0.8,
        discountRatePerPeriod: 0.1,
        horizonPeriods: 3,
        benefits: { retentionUplift: 0.05, spendUplift: 0.01, referralsPerCustomerPerPeriod: 0.1, valuePerReferral: '5' },
        upfrontCosts: { training: 5000, tools: '5000' },
        costsPerPeriod: { people: 100 },
      },
    ],
    refuse: { 'retention above 1': () => [{ customers: 1, marginPerPeriod: 1, retentionRatePerPeriod: 1.5, discountRatePerPeriod: 0.1, horizonPeriods: 1, benefits: {} }] },
  },
  ltvToCac: {
    valid: () => [{ ltv: 1600, cac: '1000' }],
    refuse: { 'ltv NaN string': () => [{ ltv: 'NaN', cac: 1 }] },
  },
  retentionUpliftValue: {
    valid: () => [{ customers: 1000, marginPerPeriod: 100, retentionRatePerPeriod: 0.8, retentionUplift: 0.05, discountRatePerPeriod: 0.1, horizonPeriods: 10 }],
    refuse: { 'uplift beyond 1': () => [{ customers: 1, marginPerPeriod: 1, retentionRatePerPeriod: 0.8, retentionUplift: 0.5, discountRatePerPeriod: 0.1 }] },
  },
  shareOfWallet: {
    valid: () => [{ ourSpend: 300, otherSpend: '100' }],
    refuse: { 'negative spend': () => [{ ourSpend: -1, otherSpend: 1 }] },
  },
  walletAllocationShare: {
    valid: () => [1, 2],
    refuse: { 'rank beyond brands': () => [3, 2] },
  },
};
