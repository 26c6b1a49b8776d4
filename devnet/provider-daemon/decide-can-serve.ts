/**
 * Whether a provider can serve an order: mode, tier, placement (region, desired and excluded
 * providers and regions), token, GPU model and free capacity. Pure: the daemon passes what is in
 * use, and the refusal reasons feed the matcher's "no provider met …" line, so each reason names
 * the constraint the same way on every provider.
 */
import type { ProviderConfig } from '../config/load-provider-config.js';
import { placementValues } from '../../wire/order-spec.js';
import type { OrderSpec } from '../../wire/order-spec.js';

/** What a provider has already promised to its leases. */
export interface ProviderUsage {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly storageBytes: number;
  /** GPU units in use per model. */
  readonly gpus: Readonly<Record<string, number>>;
}

/** The parts of an on-chain order a provider decides on. */
export interface OrderView {
  readonly spec: OrderSpec;
  /** 0 fizz, 1 provider. */
  readonly mode: number;
  /** Accepted tiers; empty means any. */
  readonly tiers: readonly number[];
  /** Symbol of the order's token, or undefined when the address is not in the token list. */
  readonly tokenSymbol: string | undefined;
}

/** Input of {@link decideCanServe}. */
export interface DecideCanServeInput {
  readonly config: ProviderConfig;
  /** The provider's wallet address. */
  readonly address: string;
  readonly order: OrderView;
  readonly used: ProviderUsage;
}

/** `ok` with the demand to reserve, or the unmet constraints. */
export type DecideCanServeResult =
  | { readonly ok: true; readonly demand: ProviderUsage; readonly reasons: readonly [] }
  | { readonly ok: false; readonly reasons: readonly string[] };

const GiB = 2 ** 30;

/** The resources an order's spec asks for in total (replicas included). */
export function orderDemand(
  spec: OrderSpec,
  gpuModelOf: (models: string[]) => string,
): ProviderUsage {
  const gpus: Record<string, number> = {};
  let cpuMillis = 0;
  let memoryBytes = 0;
  let storageBytes = 0;
  for (const s of spec.services) {
    const r = s.resources;
    cpuMillis += r.cpuMillis * s.count;
    memoryBytes += r.memoryBytes * s.count;
    storageBytes += r.storage.reduce((sum, v) => sum + v.bytes, 0) * s.count;
    if (r.gpuUnits > 0) {
      const model = gpuModelOf(gpuModels(r.gpuAttributes));
      gpus[model] = (gpus[model] ?? 0) + r.gpuUnits * s.count;
    }
  }
  return { cpuMillis, memoryBytes, storageBytes, gpus };
}

/** GPU models named by `vendor/<v>/model/<m>` attributes; empty means any model. */
export function gpuModels(attrs: readonly { key: string; value: string }[]): string[] {
  return attrs
    .map((a) => /^vendor\/[^/]+\/model\/([^/]+)/.exec(a.key)?.[1])
    .filter((m): m is string => m !== undefined)
    .map((m) => m.toLowerCase());
}

/** Decides whether the provider may bid; lists every unmet constraint. */
export function decideCanServe(input: DecideCanServeInput): DecideCanServeResult {
  const { config, order } = input;
  const reasons = [...placementReasons(input)];
  if (order.mode !== 1) reasons.push('mode=provider');
  if (order.tiers.length > 0 && !order.tiers.includes(config.tier)) {
    reasons.push(`tier in [${order.tiers.join(',')}]`);
  }
  if (order.tokenSymbol === undefined) reasons.push('token registered');
  else if (!config.tokens.some((t) => t.toLowerCase() === order.tokenSymbol?.toLowerCase())) {
    reasons.push(`token ${order.tokenSymbol}`);
  }
  const owned = new Map(config.gpus.map((g) => [g.model.toLowerCase(), g.count]));
  const pick = (models: string[]): string => {
    const fits = [...owned.keys()].filter((m) => models.length === 0 || models.includes(m));
    return fits[0] ?? models[0] ?? 'any';
  };
  for (const s of order.spec.services) {
    const models = gpuModels(s.resources.gpuAttributes);
    if (s.resources.gpuUnits > 0 && !models.some((m) => owned.has(m))) {
      if (models.length > 0 || owned.size === 0)
        reasons.push(`gpu model ${models.join('|') || 'any'}`);
    }
  }
  const demand = orderDemand(order.spec, pick);
  reasons.push(...capacityReasons(config, input.used, demand, owned));
  const unique = [...new Set(reasons)];
  return unique.length === 0 ? { ok: true, demand, reasons: [] } : { ok: false, reasons: unique };
}

function placementReasons(input: DecideCanServeInput): string[] {
  const { config, order } = input;
  const out: string[] = [];
  const lower = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());
  const regions = lower(placementValues(order.spec, 'region'));
  if (regions.length > 0 && !regions.includes(config.region.toLowerCase())) {
    out.push(`region=${regions.join(';')}`);
  }
  const regionExclude = lower(placementValues(order.spec, 'region_exclude'));
  if (regionExclude.includes(config.region.toLowerCase())) {
    out.push(`region_exclude=${regionExclude.join(';')}`);
  }
  const me = input.address.toLowerCase();
  const desired = lower(placementValues(order.spec, 'desired_provider'));
  if (desired.length > 0 && !desired.includes(me))
    out.push(`desired_provider=${desired.join(';')}`);
  const excluded = lower(placementValues(order.spec, 'provider_exclude'));
  if (excluded.includes(me)) out.push(`provider_exclude=${excluded.join(';')}`);
  const wallets = lower([...(order.spec.providerWallets ?? [])]);
  if (wallets.length > 0 && !wallets.includes(me))
    out.push(`provider wallets=${wallets.join(';')}`);
  return out;
}

function capacityReasons(
  config: ProviderConfig,
  used: ProviderUsage,
  demand: ProviderUsage,
  owned: Map<string, number>,
): string[] {
  const out: string[] = [];
  const cap = config.capacity;
  if (used.cpuMillis + demand.cpuMillis > cap.cpuCores * 1000) {
    out.push(`free cpu ≥ ${demand.cpuMillis / 1000} cores`);
  }
  if (used.memoryBytes + demand.memoryBytes > cap.memoryGiB * GiB) {
    out.push(`free memory ≥ ${(demand.memoryBytes / GiB).toFixed(2)} GiB`);
  }
  if (used.storageBytes + demand.storageBytes > cap.storageGiB * GiB) {
    out.push(`free storage ≥ ${(demand.storageBytes / GiB).toFixed(2)} GiB`);
  }
  for (const [model, units] of Object.entries(demand.gpus)) {
    const have = owned.get(model);
    if (have !== undefined && (used.gpus[model] ?? 0) + units > have) {
      out.push(`free gpu ${model} ≥ ${units}`);
    }
  }
  return out;
}

/** Adds (sign 1) or releases (sign −1) a demand. */
export function addUsage(a: ProviderUsage, b: ProviderUsage, sign: 1 | -1 = 1): ProviderUsage {
  const gpus: Record<string, number> = { ...a.gpus };
  for (const [m, n] of Object.entries(b.gpus)) gpus[m] = Math.max(0, (gpus[m] ?? 0) + sign * n);
  return {
    cpuMillis: Math.max(0, a.cpuMillis + sign * b.cpuMillis),
    memoryBytes: Math.max(0, a.memoryBytes + sign * b.memoryBytes),
    storageBytes: Math.max(0, a.storageBytes + sign * b.storageBytes),
    gpus,
  };
}

/** Nothing in use. */
export const NO_USAGE: ProviderUsage = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: {} };
