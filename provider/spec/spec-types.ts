/**
 * The YAML spec, version 1, as a user writes it (before units are parsed and defaults applied).
 * `schemas/spec.schema.json` is the source of truth; these types mirror it for the loader and the
 * CDK constructs, whose props are these fields (STYLE §19). Units stay strings here: they are
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
  readonly rpcUrl: string;
  readonly chainId: number;
  /** Path of a JSON address book, relative to the spec file. */
  readonly addressBook: string;
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
  /** Exactly one of `http` or `tcp`. */
  readonly http?: HttpProbeSpec | undefined;
  readonly tcp?: TcpProbeSpec | undefined;
  /** @default '10s' */
  readonly interval?: string | number | undefined;
  /** @default '2s' */
  readonly timeout?: string | number | undefined;
  /** Consecutive successes to count as healthy. @default 1 */
  readonly healthyThreshold?: number | undefined;
  /** Consecutive failures to count as unhealthy. @default 3 */
  readonly unhealthyThreshold?: number | undefined;
  /** Time after a replica first becomes ready during which failures are ignored. @default '30s' */
  readonly gracePeriod?: string | number | undefined;
  /** @default 'replace' */
  readonly onFailure?: 'replace' | 'alert' | undefined;
  /** Replacements allowed per hour for this instance, to stop flapping. @default 3 */
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
  readonly min: number;
  readonly max: number;
  readonly metrics: readonly MetricSpec[];
  readonly behavior?:
    | {
        readonly scaleUp?: ScalingRulesSpec | undefined;
        readonly scaleDown?: ScalingRulesSpec | undefined;
      }
    | undefined;
  /** Quiet time after any change. @default '30s' */
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
  readonly image: string;
  readonly credentials?: CredentialsSpec | undefined;
  readonly command?: readonly string[] | undefined;
  readonly args?: readonly string[] | undefined;
  readonly env?: Readonly<Record<string, string | number | boolean>> | undefined;
  readonly secrets?: Readonly<Record<string, FromEnv>> | undefined;
  readonly ports?: readonly PortSpec[] | undefined;
  readonly resources?: ResourcesSpec | undefined;
  /** @default 1 */
  readonly count?: number | undefined;
  /** Lease duration ordered at a time: `24h`. @default '24h' */
  readonly duration?: string | number | undefined;
  readonly placement?: PlacementSpec | undefined;
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
  /** Stack name: lowercase letters, digits and dashes, 1–40 characters. */
  readonly stack: string;
  /** @default 'local' */
  readonly network?: NetworkSpec | undefined;
  readonly defaults?: DefaultsSpec | undefined;
  readonly budget?: BudgetSpec | undefined;
  readonly instances: Readonly<Record<string, InstanceSpec>>;
  readonly outputs?: Readonly<Record<string, OutputSpec>> | undefined;
}
