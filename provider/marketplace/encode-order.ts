/**
 * Model instance + lease slot → the `createOrder` tuple (reference §3.2): the
 * compact spec with the stack tag as its name, placement attributes, one service whose
 * ReplicaCount is the slot's replicas, and the order terms (max price, blocks) of block-pricing.ts,
 * the same the plan's cost is counted from.
 */
import { orderTerms } from '../../wire/block-pricing.js';
import { encodeOrderSpec } from '../../wire/order-spec.js';
import type { SpecAttribute, SpecEndpoint, SpecResources } from '../../wire/order-spec.js';
import type { InstanceModel, PortModel, ResourcesModel } from '../spec/model-types.js';
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

/** Builds the order for one slot. Throws `marketplace/unknown-token` for a token the network lacks. */
export function encodeOrder(input: EncodeOrderInput): OrderDetails {
  const { model, slot, network } = input;
  const token = findToken(network, model.pricing.token);
  const spec = encodeOrderSpec({
    name: encodeStackTag({ stack: input.stack, instance: input.instance, key: slot.key }),
    placement: placementAttributes(model, slot, input.excludeProviders ?? []),
    services: [
      {
        name: input.instance,
        resources: toSpecResources(model.resources, model.ports),
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
    version: 1,
    mode: model.placement.mode === 'fizz' ? 0 : 1,
    tier: [...model.placement.tiers],
  };
}

function placementAttributes(
  model: InstanceModel,
  slot: LeaseSlot,
  exclude: readonly string[],
): SpecAttribute[] {
  // The SDK always writes these two; kept so our specs decode the same everywhere.
  const out: SpecAttribute[] = [
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
    storage: r.storage.map((v) => ({ name: v.name, attributes: [], bytes: Number(v.size) })),
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
