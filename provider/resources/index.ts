// provider/resources: the resource types' plans — instance slots and diff rules, health checks,
// autoscaling policies — as pure functions of the model, the state and the network. Must not
// import provider/marketplace, ethers or any I/O.
export { planResource } from './plan-resource.js';
export type { PlanResourceInput } from './plan-resource.js';
export { planSingleResource } from './plan-single-resource.js';
export { planAutoscalingPolicy } from './autoscaling-policy/index.js';
export { planHealthCheck } from './health-check/index.js';
export { mapSlots, planInstance, slotAddress } from './instance/index.js';
export type { DesiredSlot, PlanInstanceInput, PlanInstanceResult } from './instance/index.js';
