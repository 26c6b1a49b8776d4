import type { InstanceSpec } from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import { toAttributes } from './to-attributes.js';

/**
 * One compute workload: the YAML spec's `instances.<name>` without `health` and `autoscaling`
 * (those are the HealthCheck and AutoscalingPolicy constructs). Every other field is the spec's
 * own, documented once in provider/spec/spec-types.ts.
 */
export interface InstanceProps extends Omit<InstanceSpec, 'health' | 'autoscaling'> {
  /**
   * Instance name, the `<name>` of `instance.<name>`: lowercase letters, digits and dashes.
   * @default - the construct id
   */
  readonly name?: string | undefined;
}

/**
 * `instance.<name>`: a workload of `count` replicas, each a lease on the marketplace. Attribute
 * getters return tokens for what is only known after apply (endpoints, lease ids, current count).
 * @example const web = new Instance(stack, 'web', { image: 'nginx:1.27', ports: [{ port: 80 }] });
 */
export class Instance extends TerraformResource {
  /** The instance name: the `name` prop, else the construct id. */
  readonly instanceName: string;
  /** The props as given; read by `synthesizeAttributes`. */
  readonly props: InstanceProps;

  constructor(scope: Construct, id: string, props: InstanceProps) {
    super(scope, id, { terraformResourceType: 'leasehold_instance' });
    this.props = props;
    this.instanceName = props.name ?? id;
  }

  /** Public endpoints of the replicas (`host:port`), known after apply. */
  get endpoints(): string[] {
    return this.getListAttribute('endpoints');
  }

  /** Lease ids of the replicas, known after apply. */
  get leaseIds(): string[] {
    return this.getListAttribute('leaseIds');
  }

  /**
   * Replicas running now (autoscaling moves it), known after apply. Named `replicaCount` because
   * cdktf's `TerraformResource` already owns `count`.
   */
  get replicaCount(): number {
    return this.getNumberAttribute('count');
  }

  /** One replica's endpoint, as a token: `${instance.web.endpoints[0]}` in the spec. */
  endpoint(index: number): string {
    return this.getStringAttribute(`endpoints[${index}]`);
  }

  /** One replica's lease id, as a token. */
  leaseId(index: number): string {
    return this.getStringAttribute(`leaseIds[${index}]`);
  }

  /**
   * `count` and `lifecycle` are spec fields here, not Terraform meta-arguments: cdktf would
   * otherwise snake-case them or drop them when unset.
   */
  override get terraformMetaArguments(): Record<string, unknown> {
    const { count: _count, lifecycle: _lifecycle, ...rest } = super.terraformMetaArguments;
    return rest;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...toAttributes(this.props, ['name']), name: this.instanceName };
  }
}
