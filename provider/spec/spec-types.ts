/**
 * The YAML spec, version 1, as a user writes it (before units are parsed and defaults applied).
 * `schemas/spec.schema.json` is the source of truth; these types mirror it for the loader and the
 * CDK constructs, whose props are derived from these types (STYLE §19): a field is documented here,
 * once, with its unit, range and default, for YAML and CDK users alike. Units stay strings here: they are
 * parsed once, by the normalizer, into the model (provider/spec/model-types.ts).
 */

/** A value read from an environment variable at load time, never written anywhere. */
export interface FromEnv {
  readonly fromEnv: string;
}

/** `local` (the devnet), a named profile, or a custom network. */
export type NetworkSpec = string | CustomNetworkSpec;

export interface CustomNetworkSpec {
  readonly name: string;
  /**
   * JSON-RPC endpoint, or `{ fromEnv: NAME }`: read from that variable when a command connects,
   * so the URL (often holding an API key) stays out of the model, plans, state and logs.
   */
  readonly rpcUrl: string | FromEnv;
  readonly chainId: number;
  /** Path of a JSON address book, relative to the spec file. */
  readonly addressBook: string;
  /**
   * Time per block: `2s`, `12s`, `250ms`. Default: the address book's `blockTime`, else measured
   * from recent blocks when a command connects.
   */
  readonly blockTime?: string | number | undefined;
}

export interface PortSpec {
  /** Container port, 1–65535. */
  readonly port: number;
  /** Externally exposed port; defaults to `port`. */
  readonly as?: number | undefined;
  /** @default 'tcp' */
  readonly proto?: 'tcp' | 'udp' | undefined;
  /** Reachable from outside the provider. @default true */
  readonly global?: boolean | undefined;
  /** Host names for HTTP ingress (`as: 80`). */
  readonly accept?: readonly string[] | undefined;
}

export interface StorageVolumeSpec {
  readonly name: string;
  /** Size with unit: `10Gi`, `500M`, or plain bytes. */
  readonly size: string | number;
  /** @default false */
  readonly persistent?: boolean | undefined;
  /** Storage class, e.g. `beta3`, `ram`. */
  readonly class?: string | undefined;
  /** Mount path inside the container (persistent volumes). */
  readonly mount?: string | undefined;
  /** @default false */
  readonly readOnly?: boolean | undefined;
}

export interface GpuSpec {
  /** Number of GPUs, ≥ 1. */
  readonly units: number;
  /** @default 'nvidia' */
  readonly vendor?: 'nvidia' | 'amd' | undefined;
  /** Acceptable models, any of which will do: `[rtx4090, a100]`. Empty means any model. */
  readonly models?: readonly string[] | undefined;
  /** Minimum GPU memory per unit, `24Gi`. */
  readonly ram?: string | undefined;
  readonly interface?: 'pcie' | 'sxm' | undefined;
}

export interface ResourcesSpec {
  /** Cores (`0.5`, `2`) or millicores (`500m`). */
  readonly cpu?: string | number | undefined;
  /** `512Mi`, `1Gi`, `1G`, or plain bytes. */
  readonly memory?: string | number | undefined;
  /** One size for the default ephemeral volume, or a list of volumes. */
  readonly storage?: string | number | readonly StorageVolumeSpec[] | undefined;
  readonly gpu?: GpuSpec | undefined;
}

export type Spread = 'none' | 'provider' | 'region';
export type Mode = 'provider' | 'fizz';

/** The order (and manifest) format version (docs/spheron-versions.md). */
export type OrderProtocol = 'v1' | 'v2';
/** Spheron tiers: `secured` (1–3) and `community` (1–4), or one of them by number. */
export type TierName =
  | 'secured'
  | 'community'
  | 'secured-1'
  | 'secured-2'
  | 'secured-3'
  | 'community-1'
  | 'community-2'
  | 'community-3'
  | 'community-4';

export interface PlacementSpec {
  /** Acceptable regions, any of which will do. Empty means any region. */
  readonly regions?: readonly string[] | undefined;
  /** Acceptable tiers. @default [community] */
  readonly tiers?: readonly TierName[] | undefined;
  readonly providers?:
    | {
        /** Only these provider wallet addresses may serve the instance. */
        readonly allow?: readonly string[] | undefined;
        /** These provider wallet addresses never serve it. */
        readonly deny?: readonly string[] | undefined;
      }
    | undefined;
  /** How replicas are spread over leases. @default 'none' */
  readonly spread?: Spread | undefined;
  /** @default 'provider' */
  readonly mode?: Mode | undefined;
  /**
   * The Spheron order format: `v2` (today's SDK: compact manifest POSTed) or `v1` (Akash-style
   * manifest PUT). @default 'v2'
   */
  readonly protocol?: OrderProtocol | undefined;
}

export interface PricingSpec {
  /** Maximum price per replica per hour, a decimal string in whole tokens: `"0.75"`. */
  readonly maxPerHour: string | number;
  /** Token symbol accepted by the network: `USDT`, `USDC`, `uSPON`. */
  readonly token: string;
}

export interface HttpProbeSpec {
  /** @default '/' */
  readonly path?: string | undefined;
  /** One of the instance's declared container ports. */
  readonly port: number;
  /** Accepted status codes: `200`, `"200-399"`. @default '200-399' */
  readonly expectedStatus?: string | number | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface TcpProbeSpec {
  readonly port: number;
}

export interface HealthSpec {
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

export type MetricSpec =
  | { readonly type: 'cpu'; readonly target: { readonly averageUtilization: number } }
  | { readonly type: 'requestsPerSecond'; readonly target: { readonly averageValue: number } }
  | {
      readonly type: 'prometheus';
      readonly name: string;
      /** Counters are turned into a per-second rate between scrapes. @default 'gauge' */
      readonly kind?: 'gauge' | 'counter' | undefined;
      readonly target: { readonly averageValue: number };
    };

export interface ScalingPolicySpec {
  /** `Replicas` (HPA's `Pods`) or `Percent` of the current count. */
  readonly type: 'Replicas' | 'Percent';
  readonly value: number;
  /** Window the limit applies to: `15s`, `1m`. */
  readonly period: string | number;
}

export interface ScalingRulesSpec {
  readonly stabilizationWindow?: string | number | undefined;
  /** @default 'Max' */
  readonly selectPolicy?: 'Max' | 'Min' | 'Disabled' | undefined;
  readonly policies?: readonly ScalingPolicySpec[] | undefined;
}

export interface AutoscalingSpec {
  /**
   * Fewest replicas, ≥ 0 and ≤ `max`.
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
  readonly behavior?:
    | {
        readonly scaleUp?: ScalingRulesSpec | undefined;
        readonly scaleDown?: ScalingRulesSpec | undefined;
      }
    | undefined;
  /**
   * Quiet time after any change: a duration (`'1m'`) or seconds, ≥ 0.
   * @default '30s'
   */
  readonly cooldown?: string | number | undefined;
}

export interface LifecycleSpec {
  /** @default true */
  readonly createBeforeDestroy?: boolean | undefined;
  /** @default false */
  readonly preventDestroy?: boolean | undefined;
}

export interface CredentialsSpec {
  /** Registry host, `ghcr.io`. */
  readonly registry: string;
  readonly username: string | FromEnv;
  readonly password: FromEnv;
  readonly email?: string | undefined;
}

export interface InstanceSpec {
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
  readonly health?: HealthSpec | undefined;
  readonly autoscaling?: AutoscalingSpec | undefined;
  readonly lifecycle?: LifecycleSpec | undefined;
}

/** Values applied to every instance that does not set them. */
export interface DefaultsSpec {
  readonly resources?: ResourcesSpec | undefined;
  readonly duration?: string | number | undefined;
  readonly placement?: PlacementSpec | undefined;
  readonly pricing?: PricingSpec | undefined;
  readonly lifecycle?: LifecycleSpec | undefined;
}

export interface BudgetSpec {
  /** Ceiling on the whole stack's price per hour, in whole tokens. */
  readonly maxPerHour: string | number;
  readonly token: string;
  readonly escrow?:
    | {
        /** Keep at least this much runway in escrow: `24h`. */
        readonly runway?: string | number | undefined;
        /** Amount deposited at a time when topping up, whole tokens. */
        readonly topUp?: string | number | undefined;
        /** Never hold more than this in escrow, whole tokens. */
        readonly maxDeposit?: string | number | undefined;
      }
    | undefined;
}

export interface OutputSpec {
  /** A literal or a reference: `${instance.web.endpoints[0]}`. */
  readonly value: string;
  readonly description?: string | undefined;
  /** @default false */
  readonly sensitive?: boolean | undefined;
}

export interface StackSpec {
  readonly $schema?: string | undefined;
  /** Spec format version. @default 1 */
  readonly version?: 1 | undefined;
  /**
   * Stack name; the state and every on-chain order are keyed by it.
   * Lowercase letters, digits and dashes, 1–40 characters, starting with a letter.
   * @example 'web'
   */
  readonly stack: string;
  /**
   * Marketplace to deploy to: `local` (the devnet Leasehold starts for you), a named profile
   * (`spheron-testnet`, `spheron-mainnet`) or a custom network (RPC URL — a literal or
   * `{ fromEnv: NAME }` —, chain id, address book, and optionally `blockTime`, e.g. `'12s'`).
   * @default 'local'
   * @example { name: 'staging', rpcUrl: { fromEnv: 'STAGING_RPC_URL' }, chainId: 8453, addressBook: 'addresses.json', blockTime: '2s' }
   */
  readonly network?: NetworkSpec | undefined;
  /**
   * Values every instance gets unless it sets them: resources, duration, placement, pricing,
   * lifecycle.
   * @default - none
   * @example { pricing: { maxPerHour: '1', token: 'USDT' } }
   */
  readonly defaults?: DefaultsSpec | undefined;
  /**
   * Spending ceiling for the whole stack: price per hour in whole tokens, escrow runway and top-up.
   * @default - no stack ceiling (each instance's `pricing.maxPerHour` still applies)
   * @example { maxPerHour: '15', token: 'USDT', escrow: { runway: '24h' } }
   */
  readonly budget?: BudgetSpec | undefined;
  /** Where the state lives; connection settings never appear here. */
  readonly backend?:
    | {
        readonly type: 'local' | 'pg';
        readonly schema?: string | undefined;
        readonly keep?: number | undefined;
      }
    | undefined;
  readonly instances: Readonly<Record<string, InstanceSpec>>;
  readonly outputs?: Readonly<Record<string, OutputSpec>> | undefined;
}
