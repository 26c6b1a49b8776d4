// cli/plan: the plan contract (plan-types.ts), saved plan files and small pure helpers over plans.
// Core only: must not import provider/ or ethers.
export { countChanges, isReplace } from './count-changes.js';
export type { ChangeCounts } from './count-changes.js';
export { jsonEqual } from './json-equal.js';
export { decodePlan, encodePlan, isPlanStale, planSchemaPath } from './plan-file.js';
export type { DecodePlanResult, PlanFile, PlanStaleness } from './plan-file.js';
export type {
  Action,
  BlockTime,
  BlockTimeSource,
  Change,
  ChangeReason,
  CostDelta,
  CostSummary,
  DriftEntry,
  Plan,
  PlanMode,
  PlanNetwork,
} from './plan-types.js';
