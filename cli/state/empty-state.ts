import { randomUUID } from 'node:crypto';
import type { StackState } from './state-types.js';

/** What a fresh state needs: its stack and network; `lineage` only to pin it (tests, import). */
export interface EmptyStateOptions {
  readonly stack: string;
  readonly network: { readonly name: string; readonly chainId: number };
  /** Default: a fresh `crypto.randomUUID()`, starting a new history. */
  readonly lineage?: string | undefined;
}

/** A state with no resources: a new lineage at serial 0, no tenant yet. */
export function emptyState(opts: EmptyStateOptions): StackState {
  return {
    formatVersion: 1,
    stack: opts.stack,
    lineage: opts.lineage ?? randomUUID(),
    serial: 0,
    network: { name: opts.network.name, chainId: opts.network.chainId },
    tenant: null,
    resources: [],
    outputs: {},
    journal: [],
  };
}
