/**
 * The normalized model: what the loader produces from a YAML spec or a synthesized CDK stack, and
 * what the planner diffs. Units are parsed (bytes as decimal strings, durations in milliseconds,
 * money as base-unit decimal strings), defaults applied, names sorted, references resolved. Nothing
 * here depends on where it came from, so a YAML spec and a CDK program that say the same thing
 * give byte-identical canonical JSON (provider/spec/canonical-json.ts).
 *
 * Secret VALUES never enter the model: only the environment variable names they come from.
 */

/** Money in a token's base units (bigint as decimal string, exact) with its token symbol. */
export interface TokenAmount {
  readonly token: string;
  /** Base units, decimal string: `"750000"` is 0.75 of a 6-decimal token. */
  readonly amount: string;
}

/**
 * The network of the stack. `rpcUrl` and `addressBook` say where to reach the chain and where the
 * book lies on this machine: the stack hash leaves them out (see {@link networkIdentity}), so a
 * plan saved in one checkout applies in another, and a URL never reaches a hash.
 */
export interface NetworkModel {
  /** `local`, `spheron-testnet`, `spheron-mainnet`, or a custom name. */
  readonly name: string;
  /** Set for custom networks only: the URL, or the variable it is read from at connect time. */
  readonly rpcUrl?: string | { readonly fromEnv: string } | undefined;
  readonly chainId?: number | undefined;
  /** Absolute path of the address book, custom networks only. */
  readonly addressBook?: string | undefined;
  /** `sha256:<hex>` of the address book's canonical JSON (its content, not its path). */
  readonly addressBookHash?: string | undefined;
  /** `network.blockTime` of the spec, milliseconds. */
  readonly blockTime?: number | undefined;
}

export interface PortModel {
  readonly port: number;
  readonly as: number;
  readonly proto: 'tcp' | 'udp';
  readonly global: boolean;
  readonly accept: readonly string[];
}

export interface StorageVolumeModel {
  readonly name: string;
  /** Bytes, decimal string. */
  readonly size: string;
  readonly persistent: boolean;
  readonly class: string | null;
  readonly mount: string | null;
  readonly readOnly: boolean;
}

export interface GpuModel {
  readonly units: number;
  readonly vendor: 'nvidia' | 'amd';
  /** Sorted, lowercase. Empty means any. */
  readonly models: readonly string[];
  /** Bytes per unit, decimal string, or null. */
  readonly ram: string | null;
  readonly interface: 'pcie' | 'sxm' | null;
}

export interface ResourcesModel {
  /** Millicores. */
  readonly cpu: number;
  /** Bytes, decimal string. */
  readonly memory: string;
  /** At least one volume; the first is the default ephemeral one. */
  readonly storage: readonly StorageVolumeModel[];
  readonly gpu: GpuModel | null;
}

export interface PlacementModel {
  /** Sorted. Empty means any region. */
  readonly regions: readonly string[];
  /** Spheron tier numbers 0–6, sorted (secured-1 = 0 … community-4 = 6). */
  readonly tiers: readonly number[];
  /** Lowercase addresses, sorted. */
  readonly allowProviders: readonly string[];
  readonly denyProviders: readonly string[];
  readonly spread: 'none' | 'provider' | 'region';
  readonly mode: 'provider' | 'fizz';
  /**
   * Present only when the spec pins it (so models, and their hashes, of specs that do not are
   * unchanged); new orders then use v2 (provider/marketplace/encode-order.ts orderProtocol).
   */
  readonly protocol?: 'v1' | 'v2' | undefined;
}

export interface SecretRef {
  /** The variable name inside the container. */
  readonly name: string;
  /** The environment variable it is read from at apply time. */
  readonly fromEnv: string;
}

export interface CredentialsModel {
  readonly registry: string;
  readonly username: { readonly value: string } | { readonly fromEnv: string };
  readonly passwordFromEnv: string;
  readonly email: string | null;
}

/** `instance.<name>`: one compute workload of `count` replicas. */
export interface InstanceModel {
  readonly image: string;
  readonly credentials: CredentialsModel | null;
  readonly command: readonly string[];
  readonly args: readonly string[];
  /** Sorted by key; values are strings. */
  readonly env: Readonly<Record<string, string>>;
  /** Sorted by name. */
  readonly secrets: readonly SecretRef[];
  readonly ports: readonly PortModel[];
  readonly resources: ResourcesModel;
  readonly count: number;
  /** Lease duration ordered at a time, milliseconds. */
  readonly duration: number;
  readonly placement: PlacementModel;
  /** Max price per replica per hour. */
  readonly pricing: TokenAmount;
  readonly lifecycle: { readonly createBeforeDestroy: boolean; readonly preventDestroy: boolean };
}

/** `health_check.<name>`: probes for the instance of the same name. */
export interface HealthCheckModel {
  /** Address of the instance probed: `instance.web`. */
  readonly instance: string;
  readonly probe:
    | {
        readonly type: 'http';
        readonly path: string;
        readonly port: number;
        readonly expectedStatus: { readonly min: number; readonly max: number };
        readonly headers: Readonly<Record<string, string>>;
      }
    | { readonly type: 'tcp'; readonly port: number };
  /** Milliseconds. */
  readonly interval: number;
  readonly timeout: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  readonly gracePeriod: number;
  readonly onFailure: 'replace' | 'alert';
  readonly maxReplacementsPerHour: number;
}

export type MetricModel =
  | { readonly type: 'cpu'; readonly targetAverageUtilization: number }
  | { readonly type: 'requestsPerSecond'; readonly targetAverageValue: number }
  | {
      readonly type: 'prometheus';
      readonly name: string;
      readonly kind: 'gauge' | 'counter';
      readonly targetAverageValue: number;
    };

export interface ScalingRulesModel {
  /** Milliseconds. */
  readonly stabilizationWindow: number;
  readonly selectPolicy: 'Max' | 'Min' | 'Disabled';
  readonly policies: readonly {
    readonly type: 'Replicas' | 'Percent';
    readonly value: number;
    /** Milliseconds. */
    readonly period: number;
  }[];
}

/** `autoscaling_policy.<name>`: scaling for the instance of the same name. */
export interface AutoscalingPolicyModel {
  readonly instance: string;
  readonly min: number;
  readonly max: number;
  readonly metrics: readonly MetricModel[];
  readonly scaleUp: ScalingRulesModel;
  readonly scaleDown: ScalingRulesModel;
  /** Milliseconds. */
  readonly cooldown: number;
}

export type ResourceModel =
  | {
      readonly type: 'instance';
      readonly name: string;
      readonly address: string;
      readonly attributes: InstanceModel;
      readonly hash: string;
    }
  | {
      readonly type: 'health_check';
      readonly name: string;
      readonly address: string;
      readonly attributes: HealthCheckModel;
      readonly hash: string;
    }
  | {
      readonly type: 'autoscaling_policy';
      readonly name: string;
      readonly address: string;
      readonly attributes: AutoscalingPolicyModel;
      readonly hash: string;
    };

export interface BudgetModel {
  readonly maxPerHour: TokenAmount;
  /** Milliseconds, or null when not set. */
  readonly runway: number | null;
  readonly topUp: TokenAmount | null;
  readonly maxDeposit: TokenAmount | null;
}

export interface OutputModel {
  readonly value: string;
  /** Resource addresses the value refers to, sorted. */
  readonly references: readonly string[];
  readonly description: string | null;
  readonly sensitive: boolean;
}

/**
 * The whole stack. `resources` are sorted by address; `hash` covers everything but itself and the
 * network's location fields (`rpcUrl`, `addressBook`).
 */
export interface StackModel {
  readonly formatVersion: 1;
  readonly stack: string;
  readonly network: NetworkModel;
  readonly budget: BudgetModel | null;
  readonly resources: readonly ResourceModel[];
  readonly outputs: Readonly<Record<string, OutputModel>>;
  /** The spec's `backend` block, absent when it has none; not part of the hash. */
  readonly backend?:
    | {
        readonly type: 'local' | 'pg';
        readonly schema?: string | undefined;
        readonly keep?: number | undefined;
      }
    | undefined;
  readonly hash: string;
}
