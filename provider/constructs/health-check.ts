import type { HealthSpec } from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import type { Instance } from './instance.js';
import { toAttributes } from './to-attributes.js';
import { ValidationError } from './validation-error.js';

/**
 * Probes for one instance: the YAML spec's `instances.<name>.health`, whose fields are documented
 * in provider/spec/spec-types.ts. Exactly one of `http` or `tcp` (checked in the constructor).
 */
export interface HealthCheckProps extends HealthSpec {
  /** The instance probed; at most one health check per instance. */
  readonly instance: Instance;
}

/**
 * `health_check.<instance>`: replaces (or reports) replicas that fail their probe.
 * @example new HealthCheck(stack, 'web-health', { instance: web, http: { path: '/healthz', port: 8080 } });
 */
export class HealthCheck extends TerraformResource {
  /** The props as given; read by `synthesizeAttributes`. */
  readonly props: HealthCheckProps;

  constructor(scope: Construct, id: string, props: HealthCheckProps) {
    super(scope, id, { terraformResourceType: 'leasehold_health_check' });
    if ((props.http === undefined) === (props.tcp === undefined)) {
      const found = props.http === undefined ? 'neither' : 'both';
      throw new ValidationError({
        constructPath: this.node.path,
        detail: `The health check sets ${found} of \`http\` and \`tcp\`; it needs exactly one probe.`,
        hint: 'Set either `http` or `tcp`.',
      });
    }
    this.props = props;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...toAttributes(this.props, ['instance']), instance: this.props.instance.fqn };
  }
}
