// provider/resources/instance: an instance planned slot by slot (spread → slots, diff rules,
// cost per slot). Pure; must not import provider/marketplace, ethers or any I/O.
export { buildSlotChange } from './build-slot-change.js';
export type { BuildSlotChangeInput } from './build-slot-change.js';
export { checkSlots } from './check-slots.js';
export type { CheckSlotsInput } from './check-slots.js';
export { decideSlotChange } from './decide-slot-change.js';
export type { DecideSlotChangeInput, DecideSlotChangeResult } from './decide-slot-change.js';
export { desiredCount } from './desired-count.js';
export type { DesiredCountInput } from './desired-count.js';
export { REPLACE_ROOTS, UPDATE_ROOTS, diffPaths } from './diff-paths.js';
export { groupPriorLeases, liveReplicas } from './group-prior-leases.js';
export type { GroupedLeases } from './group-prior-leases.js';
export { instanceSlotCost } from './instance-slot-cost.js';
export type { InstanceSlotCostInput } from './instance-slot-cost.js';
export {
  INSTANCE_SENSITIVE_PATHS,
  UNKNOWN_AFTER_CREATE,
  instanceSlotValue,
} from './instance-slot-value.js';
export { mapSlots } from './map-slots.js';
export type { DesiredSlot, MapSlotsInput } from './map-slots.js';
export { planInstance } from './plan-instance.js';
export type { PlanInstanceInput, PlanInstanceResult } from './plan-instance.js';
export { toPriorInstance } from './prior-instance.js';
export type { PriorInstance } from './prior-instance.js';
export { slotAddress } from './slot-address.js';
