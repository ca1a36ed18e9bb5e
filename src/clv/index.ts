/**
 * The `clv` area: customer lifetime value, from transaction logs to fitted models and their checks.
 *
 * Its folders are layered (scripts/check-imports.ts enforces it; docs/architecture.md):
 * - `shared/`: the contract every transaction model shares, history checks, sampling;
 * - `data/`: transaction logs to summaries (rfmSummary, calibrationHoldoutSplit, ...);
 * - one folder per model family: `bgNbd/` (BG/NBD, MBG/NBD), `paretoNbd/`, `bgBb/`,
 *   `shiftedBetaGeometric/`, `gammaGamma/`, each with its kernel, fitter, predictions and simulator;
 * - `predictions/`: the generic predictions over every registered transaction model, and CLV;
 * - `validation/`: holdout checks, model comparison, intervals, plot data;
 * - `simple/`: formula CLV, on its own.
 *
 * @module clv
 */
export { rfmSummary } from './data/rfmSummary.js';
export type { CustomerId, CustomerSummary, RfmSummaryOptions, Transaction } from './data/rfmSummary.js';
export type { TransactionArrays } from './data/summarize.js';
export { calibrationHoldoutSplit } from './data/calibrationHoldoutSplit.js';
export type { CalibrationHoldoutRow, CalibrationHoldoutSplitOptions } from './data/calibrationHoldoutSplit.js';
export { compressSummaries } from './data/compressSummaries.js';
export type { CompressedSummary, CompressSummariesOptions, SummaryPattern } from './data/compressSummaries.js';
export { historicClv } from './data/historicClv.js';
export { addCategoryIndicators } from './data/addCategoryIndicators.js';
export type { AddCategoryIndicatorsOptions, CategoryIndicators } from './data/addCategoryIndicators.js';
export type { CovariateCoefficients, CovariateEffects, CovariateSpec, SimulationCovariates } from './shared/covariates.js';
export type { HistoricClvOptions, HistoricClvRow, ValuedTransaction } from './data/historicClv.js';
export { clvFromRetention } from './simple/clvFromRetention.js';
export type { ClvFromRetentionInput, ClvFromRetentionResult } from './simple/clvFromRetention.js';
export { ltvFromChurn } from './simple/ltvFromChurn.js';
export type { LtvFromChurnInput } from './simple/ltvFromChurn.js';
export { fitParetoNbd } from './paretoNbd/fitParetoNbd.js';
export type { FitParetoNbdOptions, ParetoNbdModel, ParetoNbdParameters } from './paretoNbd/fitParetoNbd.js';
export { fitBgNbd } from './bgNbd/fitBgNbd.js';
export type { FitBgNbdOptions } from './bgNbd/fitBgNbd.js';
export { fitMbgNbd } from './bgNbd/fitMbgNbd.js';
export type { FitMbgNbdOptions } from './bgNbd/fitMbgNbd.js';
export type { BgNbdParameters } from './bgNbd/bgFamilyKernel.js';
export type { BgNbdModel } from './bgNbd/fitBgNbd.js';
export type { FitConvergence, FittedTransactionModel, Horizon, TimeUnit } from './shared/transactionModel.js';
export type { MbgNbdModel } from './bgNbd/fitMbgNbd.js';
export type { TransactionModel, TransactionModelSpec } from './predictions/transactionModels.js';
export type { PurchaseHistoryColumns } from './shared/historyInput.js';
export { expectedPurchases, expectedPurchasesBatch } from './predictions/expectedPurchases.js';
export { probabilityAlive, probabilityAliveBatch } from './predictions/probabilityAlive.js';
export { purchaseCountProbability } from './predictions/purchaseCountProbability.js';
export { conditionalPurchaseCountProbability } from './predictions/conditionalPurchaseCountProbability.js';
export { expectedPurchasesNewCustomer } from './predictions/expectedPurchasesNewCustomer.js';
export { fitBgBb } from './bgBb/fitBgBb.js';
export type { BgBbCustomer, BgBbModel, BgBbParameters, FitBgBbOptions } from './bgBb/fitBgBb.js';
export { bgBbProbabilityAlive } from './bgBb/bgBbProbabilityAlive.js';
export { bgBbExpectedPurchases } from './bgBb/bgBbExpectedPurchases.js';
export type { BgBbExpectedPurchasesOptions } from './bgBb/bgBbExpectedPurchases.js';
export { bgBbExpectedPurchasesNewCustomer } from './bgBb/bgBbExpectedPurchasesNewCustomer.js';
export type { BgBbExpectedPurchasesNewCustomerOptions } from './bgBb/bgBbExpectedPurchasesNewCustomer.js';
export { bgBbPurchaseCountProbabilities } from './bgBb/bgBbPurchaseCountProbabilities.js';
export type { BgBbPurchaseCountProbabilitiesOptions } from './bgBb/bgBbPurchaseCountProbabilities.js';
export { bgBbFrequencyFit } from './bgBb/bgBbFrequencyFit.js';
export type { BgBbFrequencyFitRow } from './bgBb/bgBbFrequencyFit.js';
export { simulateBgBb } from './bgBb/simulateBgBb.js';
export type { SimulateBgBbOptions, SimulatedBgBbCustomer } from './bgBb/simulateBgBb.js';
export { fitShiftedBetaGeometric } from './shiftedBetaGeometric/fitShiftedBetaGeometric.js';
export type { FitShiftedBetaGeometricOptions, ShiftedBetaGeometricModel, ShiftedBetaGeometricParameters } from './shiftedBetaGeometric/fitShiftedBetaGeometric.js';
export { survivalCurve } from './shiftedBetaGeometric/survivalCurve.js';
export type { SurvivalCurveOptions } from './shiftedBetaGeometric/survivalCurve.js';
export { retentionCurve } from './shiftedBetaGeometric/retentionCurve.js';
export type { RetentionCurveOptions } from './shiftedBetaGeometric/retentionCurve.js';
export { discountedExpectedResidualLifetime } from './shiftedBetaGeometric/discountedExpectedResidualLifetime.js';
export type { DiscountedExpectedResidualLifetimeOptions } from './shiftedBetaGeometric/discountedExpectedResidualLifetime.js';
export { compareModels } from './validation/compareModels.js';
export type { ComparableFit, ModelComparisonRow } from './validation/compareModels.js';
export { predictionInterval } from './validation/predictionInterval.js';
export type { CovariateDraws, FitWithCovariance, PredictionIntervalModels, PredictionIntervalOptions, PredictionIntervalResult } from './validation/predictionInterval.js';
export { holdoutValidation } from './validation/holdoutValidation.js';
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
} from './validation/holdoutValidation.js';
export { frequencyRecencyMatrix } from './validation/frequencyRecencyMatrix.js';
export type { FrequencyRecencyMatrix, FrequencyRecencyMatrixOptions } from './validation/frequencyRecencyMatrix.js';
export { periodTransactionsHistogram } from './validation/periodTransactionsHistogram.js';
export type { PeriodTransactionsBin, PeriodTransactionsHistogramOptions } from './validation/periodTransactionsHistogram.js';
export { fitGammaGamma } from './gammaGamma/fitGammaGamma.js';
export type { FitGammaGammaOptions, GammaGammaModel, SpendColumns, SpendHistory } from './gammaGamma/fitGammaGamma.js';
export type { GammaGammaParameters } from './gammaGamma/gammaGammaKernel.js';
export type { SpendModelSpec } from './gammaGamma/spendInput.js';
export { expectedSpend, expectedSpendBatch } from './gammaGamma/expectedSpend.js';
export { discountedExpectedTransactions } from './predictions/discountedExpectedTransactions.js';
export type { DiscountedExpectedTransactionsOptions } from './predictions/discountedExpectedTransactions.js';
export { simulateParetoNbd } from './paretoNbd/simulateParetoNbd.js';
export type { SimulateParetoNbdOptions, SimulatedParetoNbdCustomer } from './paretoNbd/simulateParetoNbd.js';
export { customerLifetimeValue } from './predictions/customerLifetimeValue.js';
export type { ClvCustomer, CustomerLifetimeValueInput } from './predictions/customerLifetimeValue.js';
export { simulateBgNbd } from './bgNbd/simulateBgNbd.js';
export type { SimulateBgNbdOptions } from './bgNbd/simulateBgNbd.js';
export { simulateMbgNbd } from './bgNbd/simulateMbgNbd.js';
export type { SimulateMbgNbdOptions } from './bgNbd/simulateMbgNbd.js';
export type { SimulatedCustomer } from './bgNbd/simulateBgFamily.js';
