import type { AutoscalingSpec, MetricSpec } from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import type { Instance } from './instance.js';
import { toAttributes } from './to-attributes.js';
import { ValidationError } from './validation-error.js';

/** Scaling for one instance: the YAML spec's `instances.<name>.autoscaling`. */
export interface AutoscalingPolicyProps {
  /** The instance scaled; at most one policy per instance. */
  readonly instance: Instance;
  /**
   * Fewest replicas, ≥ 0 and ≤ `max` (checked in the constructor).
   * @example 2
   */
  readonly min: number;
  /**
   * Most replicas, ≥ 1 and ≥ `min`.
   * @example 6
   */
  readonly max: number;
  /**
   * What drives scaling; with several metrics the largest desired count wins (as in Kubernetes
   * HPA). At least one.
   * @example [{ type: 'cpu', target: { averageUtilization: 70 } }]
   */
  readonly metrics: readonly MetricSpec[];
  /**
   * Stabilization windows and step limits for scaling up and down.
   * @default - scale up at once; scale down after a 5-minute window
   * @example { scaleDown: { stabilizationWindow: '5m', policies: [{ type: 'Replicas', value: 1, period: '1m' }] } }
   */
  readonly behavior?: AutoscalingSpec['behavior'];
  /**
   * Quiet time after any change: a duration (`'1m'`) or seconds, ≥ 0.
   * @default '30s'
   */
  readonly cooldown?: string | number | undefined;
}

/**
 * `autoscaling_policy.<instance>`: moves the instance's count between `min` and `max`.
 * @example new AutoscalingPolicy(stack, 'web-scaling', { instance: web, min: 2, max: 6, metrics: [{ type: 'cpu', target: { averageUtilization: 70 } }] });
 */
export class AutoscalingPolicy extends TerraformResource {
  /** The props as given; read by `synthesizeAttributes`. */
  readonly props: AutoscalingPolicyProps;

  constructor(scope: Construct, id: string, props: AutoscalingPolicyProps) {
    super(scope, id, { terraformResourceType: 'leasehold_autoscaling_policy' });
    if (typeof props.min === 'number' && typeof props.max === 'number' && props.min > props.max) {
      throw new ValidationError({
        constructPath: this.node.path,
        detail: `\`min\` is ${props.min} and \`max\` is ${props.max}; min must not exceed max.`,
        hint: 'Lower `min` or raise `max`.',
      });
    }
    this.props = props;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...toAttributes(this.props, ['instance']), instance: this.props.instance.fqn };
  }
}
