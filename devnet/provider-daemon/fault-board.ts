/**
 * Faults set on a provider for tests and demos (`leasehold devnet fault`). A fault applies to the
 * whole provider or, when a lease id is given, to that lease only; `offline` and `no-bid` are
 * always provider-wide.
 */

/** The kinds of fault a provider can be told to show. */
export type FaultKind = 'unhealthy' | 'slow' | 'crash' | 'offline' | 'no-bid' | 'reject-manifest';

/** Every fault kind, in documentation order. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'unhealthy',
  'slow',
  'crash',
  'offline',
  'no-bid',
  'reject-manifest',
];

/** One active fault. */
export interface ActiveFault {
  readonly kind: FaultKind;
  /** Decimal lease id, or undefined for the whole provider. */
  readonly leaseId?: string | undefined;
}

const PROVIDER_WIDE: ReadonlySet<FaultKind> = new Set(['offline', 'no-bid']);

/** The set of active faults. */
export class FaultBoard {
  private readonly faults = new Map<string, ActiveFault>();

  /** Sets a fault, provider-wide unless a lease is named (ignored for offline and no-bid). */
  set(kind: FaultKind, leaseId?: bigint | undefined): ActiveFault {
    const scoped = leaseId !== undefined && !PROVIDER_WIDE.has(kind);
    const fault: ActiveFault = scoped ? { kind, leaseId: leaseId.toString() } : { kind };
    this.faults.set(`${kind}:${fault.leaseId ?? '*'}`, fault);
    return fault;
  }

  /** Removes every fault. */
  clear(): void {
    this.faults.clear();
  }

  /** True when `kind` applies to the provider or to `leaseId`. */
  has(kind: FaultKind, leaseId?: bigint | undefined): boolean {
    if (this.faults.has(`${kind}:*`)) return true;
    return leaseId !== undefined && this.faults.has(`${kind}:${leaseId.toString()}`);
  }

  /** The active faults, for the inventory. */
  list(): ActiveFault[] {
    return [...this.faults.values()];
  }
}
