// cli/engine: the core's flows — plan, refresh and import over a ProviderSession and a
// StateBackend. Knows resource addresses, slots and dependencies generically; must not import
// provider/ or ethers (it drives the provider only through cli/provider-api.ts).
export { importStack } from './import-stack.js';
export type { ImportStackInput, ImportStackResult } from './import-stack.js';
export { planOutputs } from './plan-outputs.js';
export type { PlanOutputsInput } from './plan-outputs.js';
export { planResources } from './plan-resources.js';
export type { PlanResourcesInput, PlanResourcesResult } from './plan-resources.js';
export { planStack } from './plan-stack.js';
export type { PlanStackInput, PlanStackResult } from './plan-stack.js';
export { refreshStack } from './refresh-stack.js';
export type { RefreshStackInput, RefreshStackResult } from './refresh-stack.js';
export {
  addressBelongsTo,
  collectPlanUnits,
  resourceDependencies,
  resourceOf,
} from './resource-graph.js';
export type { PlanUnit } from './resource-graph.js';
export { isTargeted, notFound, selectTargets } from './select-targets.js';
export type { TargetSelection } from './select-targets.js';
export { verifyProviderPlan } from './verify-provider-plan.js';
export type { VerifyProviderPlanInput } from './verify-provider-plan.js';
export { openStack } from './open-stack.js';
export type { OpenStack, OpenStackRequest } from './open-stack.js';
export { runImport } from './run-import.js';
export type { RunImportRequest } from './run-import.js';
export { runPlan } from './run-plan.js';
export type { RunPlanRequest, RunPlanResult } from './run-plan.js';
export { runRefresh } from './run-refresh.js';
export type { RunRefreshRequest } from './run-refresh.js';
export { runShow } from './run-show.js';
export type { RunShowRequest, RunShowResult } from './run-show.js';
