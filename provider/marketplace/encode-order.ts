/**
 * Model instance + lease slot → the `createOrder` tuple (reference §3.2): the
 * compact spec with the stack tag as its name, placement attributes, one service whose
 * ReplicaCount is the slot's replicas, and the order terms (max price, blocks) of block-pricing.ts,
 * the same the plan's cost is counted from.
 */
import { orderTerms } from '../../wire/block-pricing.js';
import { encodeOrderSpec, encodeOrderSpecV2 } from '../../wire/order-spec.js';
import type { SpecAttribute, SpecEndpoint, SpecResources } from '../../wire/order-spec.js';
import type {
  InstanceModel,
  PlacementModel,
  PortModel,
  ResourcesModel,
  StorageVolumeModel,
} from '../spec/model-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import type { OrderDetails } from './marketplace-types.js';
import { findToken } from './find-token.js';
import { encodeStackTag } from './stack-tag.js';

/**
 * One lease slot of an instance: one lease's place in it, keyed so that plans and state pair a
 * slot with its lease from one run to the next (`spread` decides how replicas map to slots).
 */
export interface LeaseSlot {
  /** `"0"`, `"1"` … or the region name for `spread: region`. */
  readonly key: string;
  readonly replicas: number;
  /** The slot's own region (`spread: region`), else null. */
  readonly region: string | null;
}

/** Inputs of {@link encodeOrder}. */
export interface EncodeOrderInput {
  readonly stack: string;
  /** The instance name (`web` of `instance.web`); also the service name. */
  readonly instance: string;
  readonly model: InstanceModel;
  readonly slot: LeaseSlot;
  readonly network: ResolvedNetwork;
  /** Providers of the other live slots (`spread: provider`), excluded from this order. */
  readonly excludeProviders?: readonly string[] | undefined;
}

/** The order format of an instance: as its spec pins it, else v2 (today's SDK). */
export function orderProtocol(p: PlacementModel): 'v1' | 'v2' {
  return p.protocol ?? 'v2';
}

/** Builds the order for one slot. Throws `marketplace/unknown-token` for a token the network lacks. */
export function encodeOrder(input: EncodeOrderInput): OrderDetails {
  const { model, slot, network } = input;
  const token = findToken(network, model.pricing.token);
  const v2 = orderProtocol(model.placement) === 'v2';
  const resources = toSpecResources(model.resources, model.ports);
  // The stack tag stays the spec's name in both versions (docs/spheron-versions.md), so `import`
  // adopts v2 leases from the chain as it does v1 ones.
  const spec = (v2 ? encodeOrderSpecV2 : encodeOrderSpec)({
    name: encodeStackTag({ stack: input.stack, instance: input.instance, key: slot.key }),
    placement: placementAttributes(model, slot, input.excludeProviders ?? [], v2),
    services: [
      {
        name: input.instance,
        resources: v2
          ? {
              ...resources,
              endpoints: [],
              storage: resources.storage.map((s, i) => withMount(s, model.resources.storage[i])),
            }
          : resources,
        count: slot.replicas,
      },
    ],
  });
  const terms = orderTerms({
    maxPerHour: BigInt(model.pricing.amount),
    replicas: slot.replicas,
    decimals: token.decimals,
    secondsPerBlock: network.secondsPerBlock,
    durationMs: model.duration,
  });
  return {
    maxPrice: terms.maxPrice,
    numOfBlocks: terms.numOfBlocks,
    token: token.address,
    spec,
    version: v2 ? 2 : 1,
    mode: model.placement.mode === 'fizz' ? 0 : 1,
    tier: [...model.placement.tiers],
  };
}

function withMount<T extends { readonly name: string }>(
  s: T,
  v: StorageVolumeModel | undefined,
): T & { mount?: string } {
  return v?.mount === null || v?.mount === undefined ? s : { ...s, mount: v.mount };
}

function placementAttributes(
  model: InstanceModel,
  slot: LeaseSlot,
  exclude: readonly string[],
  v2: boolean,
): SpecAttribute[] {
  // The 1.x SDK always writes these two in v1 specs; v2 specs carry only attributes that are set.
  const out: SpecAttribute[] = v2
    ? []
    : [
        { key: 'cpu_model', value: 'any' },
        { key: 'bandwidth', value: 'any' },
      ];
  const regions = slot.region !== null ? [slot.region] : model.placement.regions;
  if (regions.length > 0) out.push({ key: 'region', value: regions.join(';') });
  const allow = model.placement.allowProviders;
  if (allow.length > 0) out.push({ key: 'desired_provider', value: allow.join(';') });
  const deny = [
    ...new Set([...model.placement.denyProviders, ...exclude.map((a) => a.toLowerCase())]),
  ].sort();
  if (deny.length > 0) out.push({ key: 'provider_exclude', value: deny.join(';') });
  return out;
}

/** The per-replica resources of the single service (id 1). */
export function toSpecResources(r: ResourcesModel, ports: readonly PortModel[]): SpecResources {
  const gpu = r.gpu;
  const models = gpu === null ? [] : gpu.models.length > 0 ? gpu.models : ['*'];
  return {
    id: 1,
    cpuMillis: r.cpu,
    cpuAttributes: [],
    memoryBytes: Number(r.memory),
    memoryAttributes: [],
    storage: r.storage.map((v) => ({
      name: v.name,
      attributes: storageAttributes(v),
      bytes: Number(v.size),
    })),
    gpuUnits: gpu?.units ?? 0,
    gpuAttributes:
      gpu === null
        ? []
        : models.map((m) => ({ key: `vendor/${gpu.vendor}/model/${m}`, value: 'true' })),
    endpoints: toEndpoints(ports),
  };
}

/** Kind 0 = shared HTTP ingress (global TCP to 80), 1 = random port (other global ports). */
export function toEndpoints(ports: readonly PortModel[]): SpecEndpoint[] {
  return ports
    .filter((p) => p.global)
    .map((p) => ({ kind: p.proto === 'tcp' && p.as === 80 ? 0 : 1, sequenceNumber: 0 }));
}

/**
 * A volume's attributes as the SDK writes them (`convertStorageAttributes`): `class` and
 * `persistent`, sorted by key, with `persistent=false` added for a RAM volume.
 */
export function storageAttributes(v: StorageVolumeModel): SpecAttribute[] {
  const out: SpecAttribute[] = [];
  if (v.class !== null) out.push({ key: 'class', value: v.class });
  if (v.persistent) out.push({ key: 'persistent', value: 'true' });
  else if (v.class === 'ram') out.push({ key: 'persistent', value: 'false' });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
