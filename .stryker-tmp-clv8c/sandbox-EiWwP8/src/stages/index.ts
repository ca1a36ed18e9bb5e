/**
 * The `stages` area: the six customer need levels (from "no problem" to "has bought, deciding
 * whether to buy again"), assignment from behaviour with evidence, clean stage histories, funnels,
 * transition matrices and projections. Labels in English or Vietnamese.
 *
 * @module stages
 */
// @ts-nocheck

export { NEED_LEVELS } from './needLevels.js';
export type { LocalizedText, NeedLevel, NeedLevelFrameworks, NeedLevelInfo, NeedLevelKey, NeedLevelLocale } from './needLevels.js';
export { DEFAULT_NEED_LEVEL_RULES, NEED_SIGNALS } from './needLevelRules.js';
export type { BuiltInNeedSignals, NeedLevelRule, NeedSignalCondition, NeedSignalName, NeedSignals, SignalComparison } from './needLevelRules.js';
export { assignNeedLevel } from './assignNeedLevel.js';
export type { AssignNeedLevelOptions, NeedLevelAssignment, NeedLevelEvidence } from './assignNeedLevel.js';
export { assignNeedLevels } from './assignNeedLevels.js';
export type { AssignNeedLevelsOptions, NeedLevelAssignments } from './assignNeedLevels.js';
export { stageHistory } from './stageHistory.js';
export type { NeedLevelObservation, StageHistory, StageHistoryOptions, StageLevelTime, StageTransition, StageTransitionKind } from './stageHistory.js';
export { funnelConversion } from './funnelConversion.js';
export type { FunnelCohort, FunnelConversion, FunnelConversionOptions, FunnelStep } from './funnelConversion.js';
export { stageTransitionMatrix } from './stageTransitionMatrix.js';
export type { NeedLevelSnapshotEntry, StageTransitionMatrix, StageTransitionMatrixOptions } from './stageTransitionMatrix.js';
export { projectStageDistribution } from './projectStageDistribution.js';
export { stageDistribution } from './stageDistribution.js';
export type { StageDistribution, StageDistributionOptions, StageDistributionRow } from './stageDistribution.js';
