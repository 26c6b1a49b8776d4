import type { HttpProbeSpec, TcpProbeSpec } from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import type { Instance } from './instance.js';
import { toAttributes } from './to-attributes.js';
import { ValidationError } from './validation-error.js';

/**
 * Probes for one instance: the YAML spec's `instances.<name>.health`. Exactly one of `http` or
 * `tcp` (checked in the constructor).
 */
export interface HealthCheckProps {
  /** The instance probed; at most one health check per instance. */
  readonly instance: Instance;
  /**
   * HTTP probe: GET `path` on a declared container `port`, healthy when the status is in
   * `expectedStatus`. Exactly one of `http` or `tcp`.
   * @default - none
   * @example { path: '/healthz', port: 8080, expectedStatus: '200-399' }
   */
  readonly http?: HttpProbeSpec | undefined;
  /**
   * TCP probe: healthy when a connection to the container `port` opens. Exactly one of `http`
   * or `tcp`.
   * @default - none
   * @example { port: 5432 }
   */
  readonly tcp?: TcpProbeSpec | undefined;
  /**
   * Time between probes: a duration (`'10s'`) or seconds; > 0.
   * @default '10s'
   */
  readonly interval?: string | number | undefined;
  /**
   * Time a probe may take before it counts as failed: a duration or seconds; > 0 and below
   * `interval`.
   * @default '2s'
   */
  readonly timeout?: string | number | undefined;
  /**
   * Consecutive successes to count as healthy, ≥ 1.
   * @default 1
   */
  readonly healthyThreshold?: number | undefined;
  /**
   * Consecutive failures to count as unhealthy, ≥ 1.
   * @default 3
   */
  readonly unhealthyThreshold?: number | undefined;
  /**
   * Time after a replica first becomes ready during which failures are ignored; a duration or
   * seconds, ≥ 0.
   * @default '30s'
   */
  readonly gracePeriod?: string | number | undefined;
  /**
   * What to do with an unhealthy replica: `replace` its lease, or only `alert`.
   * @default 'replace'
   */
  readonly onFailure?: 'replace' | 'alert' | undefined;
  /**
   * Replacements allowed per hour for this instance, to stop flapping; ≥ 0.
   * @default 3
   */
  readonly maxReplacementsPerHour?: number | undefined;
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
