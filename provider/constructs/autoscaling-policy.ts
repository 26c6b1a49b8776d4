import type { AutoscalingSpec } from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import type { Instance } from './instance.js';
import { toAttributes } from './to-attributes.js';
import { ValidationError } from './validation-error.js';

/**
 * Scaling for one instance: the YAML spec's `instances.<name>.autoscaling`, whose fields are
 * documented in provider/spec/spec-types.ts. `min` ≤ `max` is checked in the constructor.
 */
export interface AutoscalingPolicyProps extends AutoscalingSpec {
  /** The instance scaled; at most one policy per instance. */
  readonly instance: Instance;
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
