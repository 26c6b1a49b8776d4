import { errorDiag } from '../../cli/diag/index.js';
import type {
  ModelView,
  PlanResourceRequest,
  PlanResourceResponse,
} from '../../cli/provider-api.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import type { AutoscalingPolicyModel, InstanceModel } from '../spec/model-types.js';
import { planAutoscalingPolicy } from './autoscaling-policy/plan-autoscaling-policy.js';
import { planHealthCheck } from './health-check/plan-health-check.js';
import { planInstance } from './instance/plan-instance.js';

/** Options of {@link planResource}. */
export type PlanResourceInput = PlanResourceRequest & {
  readonly network: ResolvedNetwork;
  /** Providers able to serve the instance (spread provider check); undefined → no check. */
  readonly eligibleProviders?: number | undefined;
};

/**
 * The provider's pure plan of one resource: the changes that take `prior` to `desired`, one per
 * slot for instances, one for health checks and policies.
 */
export function planResource(req: PlanResourceInput): PlanResourceResponse {
  const ref = req.desired ?? req.prior;
  if (ref === null) return { changes: [], diagnostics: [] };
  switch (ref.type) {
    case 'instance':
      return planInstance({
        address: ref.address,
        name: ref.name,
        desired: (req.desired?.attributes ?? null) as InstanceModel | null,
        prior: req.prior,
        policy: findPolicy(req.model, ref.address),
        options: req.options,
        network: req.network,
        eligibleProviders: req.eligibleProviders,
        secretHmacs: req.secretHmacs,
      });
    case 'health_check':
      return planHealthCheck(req);
    case 'autoscaling_policy':
      return planAutoscalingPolicy(req);
    default:
      return {
        changes: [],
        diagnostics: [
          errorDiag({
            code: 'plan/unknown-resource-type',
            summary: 'Unknown resource type',
            detail: `Resource ${ref.address} has type "${ref.type}", which this provider does not know; it knows instance, health_check and autoscaling_policy.`,
            hint: 'Upgrade Leasehold, or remove the resource from the state with `leasehold state rm`.',
            address: ref.address,
          }),
        ],
      };
  }
}

/** The autoscaling policy that scales `instance` in the desired model, if any. */
function findPolicy(
  model: ModelView | null,
  instance: string,
): Pick<AutoscalingPolicyModel, 'min' | 'max'> | null {
  for (const r of model?.resources ?? []) {
    if (r.type !== 'autoscaling_policy') continue;
    const attrs = r.attributes as AutoscalingPolicyModel;
    if (attrs.instance === instance) return { min: attrs.min, max: attrs.max };
  }
  return null;
}
