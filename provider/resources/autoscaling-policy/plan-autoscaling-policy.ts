import type { PlanResourceRequest, PlanResourceResponse } from '../../../cli/provider-api.js';
import { planSingleResource } from '../plan-single-resource.js';

/** Plans an `autoscaling_policy`: the autoscaler reads it from state, so a change is an update. */
export function planAutoscalingPolicy(req: PlanResourceRequest): PlanResourceResponse {
  return planSingleResource(req);
}
