/**
 * Spheron ICL v1.0 as a typed document (spheron-protocol.md §3.1): what `encodeIcl` produces and
 * the marketplace client turns into an order and a manifest. Field names are ICL's own.
 */

/** `to:` entry; Leasehold writes only `global`. */
export interface IclExposeTarget {
  readonly global: boolean;
}

/** One `expose` entry. */
export interface IclExpose {
  readonly port: number;
  /** Omitted when equal to `port`. */
  readonly as?: number | undefined;
  /** Omitted for tcp. */
  readonly proto?: 'udp' | undefined;
  readonly accept?: readonly string[] | undefined;
  readonly to: readonly IclExposeTarget[];
}

/** Private-registry credentials; the password is filled in only from `opts.secretValues`. */
export interface IclCredentials {
  readonly registry: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly email?: string | undefined;
}

/** `services.<svc>`. */
export interface IclService {
  readonly image: string;
  readonly command?: readonly string[] | undefined;
  readonly args?: readonly string[] | undefined;
  /** `NAME=value`, sorted by name. */
  readonly env?: readonly string[] | undefined;
  readonly credentials?: IclCredentials | undefined;
  readonly expose?: readonly IclExpose[] | undefined;
  readonly params?:
    | {
        readonly storage: Readonly<
          Record<string, { readonly mount: string; readonly readOnly: boolean }>
        >;
      }
    | undefined;
}

/** One storage volume of a compute profile. */
export interface IclStorage {
  readonly name: string;
  /** `10Gi`, `512Mi`: the largest exact binary unit. */
  readonly size: string;
  readonly attributes?:
    { readonly persistent?: boolean | undefined; readonly class?: string | undefined } | undefined;
}

/** One GPU model entry under `vendor.<v>`. */
export interface IclGpuModel {
  readonly model: string;
  readonly ram?: string | undefined;
  readonly interface?: 'pcie' | 'sxm' | undefined;
}

/** `profiles.compute.<svc>.resources`. */
export interface IclResources {
  /** Cores, as a number: `0.5`. */
  readonly cpu: { readonly units: number };
  readonly memory: { readonly size: string };
  readonly storage: readonly IclStorage[];
  readonly gpu?:
    | {
        readonly units: number;
        readonly attributes: { readonly vendor: Readonly<Record<string, readonly IclGpuModel[]>> };
      }
    | undefined;
}

/** `profiles.placement.<name>`. */
export interface IclPlacement {
  readonly attributes?:
    | {
        /** `;`-separated. */
        readonly region?: string | undefined;
        readonly desired_provider?: string | undefined;
        readonly provider_exclude?: string | undefined;
      }
    | undefined;
  /** Per compute profile: max price per replica per HOUR in whole tokens. */
  readonly pricing: Readonly<
    Record<string, { readonly token: string; readonly amount: number | string }>
  >;
}

/** A whole ICL v1.0 document. */
export interface IclDocument {
  readonly version: '1.0';
  readonly services: Readonly<Record<string, IclService>>;
  readonly profiles: {
    readonly name: string;
    /** Whole number with unit min, h, d, mon or y. */
    readonly duration: string;
    readonly mode: 'provider' | 'fizz';
    readonly tier: readonly string[];
    readonly compute: Readonly<Record<string, { readonly resources: IclResources }>>;
    readonly placement: Readonly<Record<string, IclPlacement>>;
  };
  readonly deployment: Readonly<
    Record<string, Readonly<Record<string, { readonly profile: string; readonly count: number }>>>
  >;
}

/** One ICL 2.0 storage volume: ICL 1.0's, with the mount inline. */
export interface Icl2Storage extends IclStorage {
  readonly mount?: string | undefined;
  readonly readOnly?: boolean | undefined;
}

/** `services.<svc>` of ICL 2.0: the service, its resources, its price and its replica count. */
export interface Icl2Service {
  readonly image: string;
  readonly command?: readonly string[] | undefined;
  readonly args?: readonly string[] | undefined;
  readonly env?: readonly string[] | undefined;
  readonly credentials?: IclCredentials | undefined;
  /** ICL 1.0's `expose` entries; `as` is always written (the SDK reads it as the external port). */
  readonly port_policy?: readonly IclExpose[] | undefined;
  readonly resources: Omit<IclResources, 'storage'> & { readonly storage: readonly Icl2Storage[] };
  /** The most the whole service (all replicas) may cost per HOUR, in whole tokens. */
  readonly price: { readonly token: string; readonly amount: number | string };
  readonly replica: number;
}

/** A whole ICL 2.0 document, in the spelling the SDK's code reads (`tiers`, `price`, `replica`). */
export interface Icl2Document {
  readonly version: '2.0';
  readonly services: Readonly<Record<string, Icl2Service>>;
  readonly deployment: {
    readonly duration: string;
    readonly mode: 'provider' | 'fizz';
    /** One SDK tier key: the SDK reads `tiers[0]` only. */
    readonly tiers: readonly [string];
    readonly attributes?: IclPlacement['attributes'];
  };
}
