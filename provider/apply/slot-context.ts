/**
 * What every apply step of one slot needs: the chain and provider clients, and the slot read from
 * the planned change (the instance attributes in `after`, the region in `private`), the model's
 * health check of the instance, and the providers of the other live slots (spread provider).
 */
import type { Diagnostics } from '../../cli/diag/index.js';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import type { LeaseSlot } from '../marketplace/encode-order.js';
import type { Marketplace, ProviderClient } from '../marketplace/marketplace-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import type { HealthCheckModel, InstanceModel } from '../spec/model-types.js';
import type { SpreadQueue } from './spread-queue.js';

/** The session's clients, shared by every slot. */
export interface ApplyDeps {
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  readonly network: ResolvedNetwork;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly now: () => Date;
  /** Poll interval of chain and provider waits. @default 500 */
  readonly pollMs?: number | undefined;
  /** Serialises spread-provider placements of one resource (absent: no serialisation). */
  readonly spread?: SpreadQueue | undefined;
}

/** One instance slot to build. */
export interface SlotSpec {
  readonly stack: string;
  /** Instance name: the service name and the tag's instance part. */
  readonly instance: string;
  readonly model: InstanceModel;
  readonly slot: LeaseSlot;
  /** Providers of the resource's other slots, excluded under spread provider. */
  readonly excludeProviders: readonly string[];
  readonly health: HealthCheckModel | null;
}

/** The slot of a create, update or replacement, read from the change's `after`. */
export function slotSpecOf(req: ApplySlotRequest): SlotSpec {
  const c = req.change;
  const after = c.after as InstanceModel & { readonly replicas: number };
  const region = readRegion(c.private);
  const key = c.key ?? '0';
  const others = (req.prior?.leases ?? []).filter((l) => l.key !== key);
  const health = req.model?.resources.find(
    (r) => r.type === 'health_check' && (r.attributes as HealthCheckModel).instance === c.resource,
  );
  return {
    stack: req.model?.stack ?? '',
    instance: c.name,
    model: after,
    slot: { key, replicas: after.replicas, region },
    excludeProviders: [
      ...(after.placement.spread === 'provider'
        ? others.flatMap((l) => (l.provider === null ? [] : [l.provider]))
        : []),
      ...readExclude(c.private),
    ],
    health: health === undefined ? null : (health.attributes as HealthCheckModel),
  };
}

/** The records state holds for this slot, primary first. */
export function slotRecords(req: ApplySlotRequest): LeaseRecord[] {
  const key = req.change.key;
  return (req.prior?.leases ?? []).filter((l) => l.key === key);
}

// A replacement ordered by the autoscaler keeps the replaced lease's provider out of the slot.
function readExclude(priv: string | undefined): string[] {
  if (priv === undefined) return [];
  try {
    const v: unknown = JSON.parse(priv);
    const e = typeof v === 'object' && v !== null ? (v as { exclude?: unknown }).exclude : null;
    return Array.isArray(e) ? e.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function readRegion(priv: string | undefined): string | null {
  if (priv === undefined) return null;
  try {
    const v: unknown = JSON.parse(priv);
    const r = typeof v === 'object' && v !== null ? (v as { region?: unknown }).region : null;
    return typeof r === 'string' ? r : null;
  } catch {
    return null;
  }
}

/** What a step leaves: the slot's records as they stand (primary first) and its problems. */
export interface StepResult {
  readonly leases: readonly LeaseRecord[];
  readonly diagnostics: Diagnostics;
}
