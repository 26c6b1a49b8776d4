import { formatDurationForPeople, formatPerHourForPeople } from '../../common/index.js';
import { isRecord } from '../../common/is-record.js';
import { perHourOfPrice } from '../../wire/block-pricing.js';
import { redact } from '../diag/index.js';
import { formatAttributeValue } from '../render/attribute-units.js';
import type { AttributeUnitContext } from '../render/attribute-units.js';
import type { AttrPath } from '../render/plan-paths.js';
import type { StateAddressMatch, StateListEntry } from './state-address.js';

/** `state list` for humans: one address a line, with its lease id (or order, while planned). */
export function renderStateList(entries: readonly StateListEntry[]): string {
  if (entries.length === 0) return 'No resources in the state.';
  const width = Math.max(...entries.map((e) => e.address.length));
  return entries
    .map((e) => {
      if (e.key === null) return e.address;
      const lease = e.leaseId === null ? `order ${e.orderId ?? '?'}` : `lease ${e.leaseId}`;
      const status = e.status === 'ready' ? '' : ` (${e.status ?? 'unknown'})`;
      return `${e.address.padEnd(width)}  ${lease}${status}`;
    })
    .join('\n');
}

/** The JSON form of one address in the state (`state show --json`). */
export interface StateShowView {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly modelHash: string;
  readonly attributes: unknown;
  readonly leases: StateAddressMatch['leases'];
}

/**
 * The view of a match: the resource's attributes and the leases the address names — without the
 * leases' secret HMACs, which stay in the state file.
 */
export function toStateShowView(address: string, match: StateAddressMatch): StateShowView {
  const r = match.resource;
  return {
    address,
    type: r.type,
    name: r.name,
    modelHash: r.modelHash,
    attributes: r.attributes,
    leases: match.leases.map(({ secretHmacs: _hmacs, ...lease }) => lease),
  };
}

/**
 * `state show` for humans: a header comment and the record as indented JSON, its numbers in the
 * units people read (`1 CPU`, `1 GiB`, `24h`, an accepted price as `0.176 USDT/h`); `--json` keeps
 * the model's units. State holds secret references only, but the text still goes through redact()
 * like everything printed.
 */
export function renderStateShow(view: StateShowView): string {
  const { address, ...body } = view;
  const shown = {
    ...body,
    attributes: humanAttributes(view.attributes, view.type),
    leases: view.leases.map((l) => humanLease(l, view.attributes)),
  };
  return redact(`# ${address}:\n${JSON.stringify(shown, null, 2)}`);
}

/** Every attribute with a unit in its human form (the plan's own table); the rest as stored. */
function humanAttributes(attributes: unknown, type: string): unknown {
  const pricing = isRecord(attributes) ? attributes['pricing'] : undefined;
  const token = isRecord(pricing) && typeof pricing['token'] === 'string' ? pricing['token'] : null;
  // Token decimals are a network fact the state does not hold: a base-unit amount stays as stored.
  const ctx: AttributeUnitContext = { type, token, decimals: new Map() };
  const walk = (v: unknown, path: AttrPath): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isRecord(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return formatAttributeValue(v, path, ctx) ?? v;
  };
  return walk(attributes, []);
}

/**
 * A lease with its accepted price per hour and its length in time. The block time is the one the
 * order was made with: `numOfBlocks` is the ordered duration over the block time, rounded up, so
 * duration ÷ blocks gives it back to well under a millisecond for any lease of more than a few
 * blocks. A price per block is 1e18-scaled whatever the token's decimals, so its per-hour figure
 * needs no decimals: it is computed at 18 and printed in whole tokens.
 */
function humanLease(lease: StateShowView['leases'][number], attributes: unknown): unknown {
  const durationMs =
    isRecord(attributes) && typeof attributes['duration'] === 'number'
      ? attributes['duration']
      : null;
  const pricing = isRecord(attributes) ? attributes['pricing'] : undefined;
  const symbol = isRecord(pricing) && typeof pricing['token'] === 'string' ? pricing['token'] : '';
  const blocks = lease.numOfBlocks;
  const blockMs = durationMs === null || blocks <= 0 ? null : durationMs / blocks;
  const price =
    lease.acceptedPrice === null || blockMs === null || !/^\d+$/.test(lease.acceptedPrice)
      ? lease.acceptedPrice
      : formatPerHourForPeople(
          perHourOfPrice({
            pricePerBlock: BigInt(lease.acceptedPrice),
            decimals: 18,
            secondsPerBlock: blockMs / 1000,
          }),
          18,
          symbol,
          3,
        ).trimEnd();
  const length =
    blockMs === null
      ? `${blocks} blocks`
      : `${blocks} blocks (${formatDurationForPeople(Math.round(blocks * blockMs))})`;
  return { ...lease, acceptedPrice: price, numOfBlocks: length };
}
