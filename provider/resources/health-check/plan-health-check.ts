import type { PlanResourceRequest, PlanResourceResponse } from '../../../cli/provider-api.js';
import { planSingleResource } from '../plan-single-resource.js';

/** Plans a `health_check`: probes run from Leasehold, so any change is an in-place update. */
export function planHealthCheck(req: PlanResourceRequest): PlanResourceResponse {
  return planSingleResource(req);
}
