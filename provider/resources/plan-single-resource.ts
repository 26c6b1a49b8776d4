import type { PlanResourceRequest, PlanResourceResponse } from '../../cli/provider-api.js';
import type { Action, ChangeReason } from '../../cli/plan/plan-types.js';
import { canonicalJson } from '../spec/canonical-json.js';

/**
 * Plans a resource with no chain footprint (health check, autoscaling policy) as one change with
 * `key: null`: create, delete, update or no-op by attribute equality. Apply only records it in state.
 */
export function planSingleResource(req: PlanResourceRequest): PlanResourceResponse {
  const desired = req.desired;
  const prior = req.prior;
  const ref = desired ?? prior;
  if (ref === null) return { changes: [], diagnostics: [] };
  const before = prior === null ? null : prior.attributes;
  const after = desired === null ? null : desired.attributes;
  const { action, reason } = decide(before, after);
  return {
    changes: [
      {
        address: ref.address,
        resource: ref.address,
        type: ref.type,
        name: ref.name,
        key: null,
        action,
        before,
        after,
        afterUnknown: [],
        sensitivePaths: [],
        ...(reason === undefined ? {} : { reason }),
      },
    ],
    diagnostics: [],
  };
}

function decide(before: unknown, after: unknown): { action: Action; reason?: ChangeReason } {
  if (before === null) return { action: 'create' };
  if (after === null) return { action: 'delete', reason: 'delete-because-no-config' };
  return { action: canonicalJson(before) === canonicalJson(after) ? 'no-op' : 'update' };
}
