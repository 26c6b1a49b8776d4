import { redact } from '../diag/index.js';
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
 * `state show` for humans: a header comment and the record as indented JSON. State holds secret
 * references only, but the text still goes through redact() like everything printed.
 */
export function renderStateShow(view: StateShowView): string {
  const { address, ...body } = view;
  return redact(`# ${address}:\n${JSON.stringify(body, null, 2)}`);
}
