import type {
  CredentialsSpec,
  FromEnv,
  LifecycleSpec,
  PlacementSpec,
  PortSpec,
  PricingSpec,
  ResourcesSpec,
} from '../spec/spec-types.js';
import { TerraformResource } from './cdktf.js';
import type { Construct } from './cdktf.js';
import { toAttributes } from './to-attributes.js';

/** One compute workload: the YAML spec's `instances.<name>` without `health` and `autoscaling`. */
export interface InstanceProps {
  /**
   * Instance name, the `<name>` of `instance.<name>`: lowercase letters, digits and dashes.
   * @default - the construct id
   */
  readonly name?: string | undefined;
  /**
   * Container image with its tag.
   * @example 'nginxinc/nginx-unprivileged:1.27'
   */
  readonly image: string;
  /**
   * Private registry login; the password (and optionally the username) come from environment
   * variables at apply time.
   * @default - public image, no login
   * @example { registry: 'ghcr.io', username: 'me', password: { fromEnv: 'GHCR_TOKEN' } }
   */
  readonly credentials?: CredentialsSpec | undefined;
  /**
   * Replaces the image's entrypoint.
   * @default - the image's entrypoint
   */
  readonly command?: readonly string[] | undefined;
  /**
   * Arguments to the entrypoint.
   * @default - the image's arguments
   */
  readonly args?: readonly string[] | undefined;
  /**
   * Plain environment variables; values are sent as strings. Never put secrets here.
   * @default {}
   * @example { LOG_LEVEL: 'info' }
   */
  readonly env?: Readonly<Record<string, string | number | boolean>> | undefined;
  /**
   * Secret environment variables, each read from a variable of Leasehold's own environment at
   * apply time; masked everywhere and sent only to the provider.
   * @default {}
   * @example { API_KEY: { fromEnv: 'WEB_API_KEY' } }
   */
  readonly secrets?: Readonly<Record<string, FromEnv>> | undefined;
  /**
   * Exposed ports: container port 1–65535, `as` the external port.
   * @default []
   * @example [{ port: 8080, as: 80 }]
   */
  readonly ports?: readonly PortSpec[] | undefined;
  /**
   * Per replica: cpu in cores (`0.5`) or millicores (`'500m'`); memory and storage as sizes
   * (`'1Gi'`, `'512Mi'`); optional GPU.
   * @default - the stack defaults, else Leasehold's built-in minimum
   * @example { cpu: 1, memory: '1Gi', storage: '2Gi' }
   */
  readonly resources?: ResourcesSpec | undefined;
  /**
   * Number of replicas, ≥ 0. An autoscaling policy moves it between its `min` and `max`.
   * @default 1
   */
  readonly count?: number | undefined;
  /**
   * Lease duration ordered at a time: a duration (`'24h'`, `'30m'`) or seconds.
   * @default '24h'
   */
  readonly duration?: string | number | undefined;
  /**
   * Where replicas may run: regions, tiers, provider allow/deny lists, spread.
   * @default - any region, community tiers, no spread
   * @example { regions: ['us-east'], spread: 'provider' }
   */
  readonly placement?: PlacementSpec | undefined;
  /**
   * Maximum price per replica per hour, in whole tokens (a decimal string keeps it exact).
   * @default - the stack defaults
   * @example { maxPerHour: '2', token: 'USDT' }
   */
  readonly pricing?: PricingSpec | undefined;
  /**
   * Replacement order and deletion guard.
   * @default { createBeforeDestroy: true, preventDestroy: false }
   */
  readonly lifecycle?: LifecycleSpec | undefined;
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
