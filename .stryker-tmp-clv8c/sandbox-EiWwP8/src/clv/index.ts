/**
 * The `clv` area.
 *
 * @module clv
 */
// @ts-nocheck

export { rfmSummary } from './rfmSummary.js';
export type { CustomerId, CustomerSummary, RfmSummaryOptions, Transaction } from './rfmSummary.js';
export { calibrationHoldoutSplit } from './calibrationHoldoutSplit.js';
export type { CalibrationHoldoutRow, CalibrationHoldoutSplitOptions } from './calibrationHoldoutSplit.js';
export { compressSummaries } from './compressSummaries.js';
export type { CompressedSummary, SummaryPattern } from './compressSummaries.js';
export { historicClv } from './historicClv.js';
export type { HistoricClvOptions, HistoricClvRow, ValuedTransaction } from './historicClv.js';
export { clvFromRetention } from './clvFromRetention.js';
export type { ClvFromRetentionInput, ClvFromRetentionResult } from './clvFromRetention.js';
export { ltvFromChurn } from './ltvFromChurn.js';
export type { LtvFromChurnInput } from './ltvFromChurn.js';
export { fitParetoNbd } from './fitParetoNbd.js';
export type { FitParetoNbdOptions, ParetoNbdModel, ParetoNbdParameters } from './fitParetoNbd.js';
export { fitBgNbd } from './fitBgNbd.js';
export type { FitBgNbdOptions } from './fitBgNbd.js';
export { fitMbgNbd } from './fitMbgNbd.js';
export type { FitMbgNbdOptions } from './fitMbgNbd.js';
export type { BgNbdParameters } from './_internal/bgFamilyKernel.js';
export type {
  BgNbdModel,
  FitConvergence,
  FittedTransactionModel,
  Horizon,
  MbgNbdModel,
  TimeUnit,
  TransactionModel,
  TransactionModelSpec,
} from './_internal/transactionModels.js';
export type { PurchaseHistoryColumns } from './_internal/transactionInput.js';
export { expectedPurchases, expectedPurchasesBatch } from './expectedPurchases.js';
export { probabilityAlive, probabilityAliveBatch } from './probabilityAlive.js';
export { purchaseCountProbability } from './purchaseCountProbability.js';
export { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';
export { fitBgBb } from './fitBgBb.js';
export type { BgBbCustomer, BgBbModel, BgBbParameters, FitBgBbOptions } from './fitBgBb.js';
export { bgBbProbabilityAlive } from './bgBbProbabilityAlive.js';
export { bgBbExpectedPurchases } from './bgBbExpectedPurchases.js';
export type { BgBbExpectedPurchasesOptions } from './bgBbExpectedPurchases.js';
export { bgBbExpectedPurchasesNewCustomer } from './bgBbExpectedPurchasesNewCustomer.js';
export type { BgBbExpectedPurchasesNewCustomerOptions } from './bgBbExpectedPurchasesNewCustomer.js';
export { bgBbPurchaseCountProbabilities } from './bgBbPurchaseCountProbabilities.js';
export type { BgBbPurchaseCountProbabilitiesOptions } from './bgBbPurchaseCountProbabilities.js';
export { bgBbFrequencyFit } from './bgBbFrequencyFit.js';
export type { BgBbFrequencyFitRow } from './bgBbFrequencyFit.js';
export { simulateBgBb } from './simulateBgBb.js';
export type { SimulateBgBbOptions, SimulatedBgBbCustomer } from './simulateBgBb.js';
export { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
export type { FitShiftedBetaGeometricOptions, ShiftedBetaGeometricModel, ShiftedBetaGeometricParameters } from './fitShiftedBetaGeometric.js';
export { survivalCurve } from './survivalCurve.js';
export type { SurvivalCurveOptions } from './survivalCurve.js';
export { retentionCurve } from './retentionCurve.js';
export type { RetentionCurveOptions } from './retentionCurve.js';
export { discountedExpectedResidualLifetime } from './discountedExpectedResidualLifetime.js';
export type { DiscountedExpectedResidualLifetimeOptions } from './discountedExpectedResidualLifetime.js';
export { compareModels } from './compareModels.js';
export type { ComparableFit, ModelComparisonRow } from './compareModels.js';
export { predictionInterval } from './predictionInterval.js';
export type { FitWithCovariance, PredictionIntervalModels, PredictionIntervalOptions, PredictionIntervalResult } from './predictionInterval.js';
export { holdoutValidation } from './holdoutValidation.js';
export type {
  HoldoutErrors,
  HoldoutFrequencyGroup,
  HoldoutRow,
  HoldoutTotals,
  HoldoutTracking,
  HoldoutTransaction,
  HoldoutTrackingInput,
  HoldoutValidation,
  HoldoutValidationOptions,
} from './holdoutValidation.js';
export { frequencyRecencyMatrix } from './frequencyRecencyMatrix.js';
export type { FrequencyRecencyMatrix, FrequencyRecencyMatrixOptions } from './frequencyRecencyMatrix.js';
export { periodTransactionsHistogram } from './periodTransactionsHistogram.js';
export type { PeriodTransactionsBin, PeriodTransactionsHistogramOptions } from './periodTransactionsHistogram.js';
export { fitGammaGamma } from './fitGammaGamma.js';
export type { FitGammaGammaOptions, GammaGammaModel, SpendHistory } from './fitGammaGamma.js';
export type { GammaGammaParameters } from './_internal/gammaGammaKernel.js';
export type { SpendModelSpec } from './_internal/spendInput.js';
export { expectedSpend, expectedSpendBatch } from './expectedSpend.js';
export { discountedExpectedTransactions } from './discountedExpectedTransactions.js';
export type { DiscountedExpectedTransactionsOptions } from './discountedExpectedTransactions.js';
export { simulateParetoNbd } from './simulateParetoNbd.js';
export type { SimulateParetoNbdOptions, SimulatedParetoNbdCustomer } from './simulateParetoNbd.js';
export { customerLifetimeValue } from './customerLifetimeValue.js';
export type { ClvCustomer, CustomerLifetimeValueInput } from './customerLifetimeValue.js';
export { simulateBgNbd } from './simulateBgNbd.js';
export type { SimulateBgNbdOptions } from './simulateBgNbd.js';
export { simulateMbgNbd } from './simulateMbgNbd.js';
export type { SimulateMbgNbdOptions } from './simulateMbgNbd.js';
export type { SimulatedCustomer } from './_internal/simulateBgFamily.js';
