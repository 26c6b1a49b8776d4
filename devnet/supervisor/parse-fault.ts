import { devnetUnknownFault, devnetUnknownTarget } from './devnet-errors.js';

/** Every kind `devnet fault` accepts; `clear` removes the target's faults. */
export const DEVNET_FAULT_KINDS = [
  'unhealthy',
  'slow',
  'crash',
  'offline',
  'no-bid',
  'reject-manifest',
  'clear',
] as const;

/** One of {@link DEVNET_FAULT_KINDS}. */
export type DevnetFaultKind = (typeof DEVNET_FAULT_KINDS)[number];

/** A fault request resolved against the devnet's providers; a lease still needs its provider. */
export type ParsedFault =
  | { readonly kind: DevnetFaultKind; readonly provider: string }
  | { readonly kind: DevnetFaultKind; readonly leaseId: bigint };

/** Inputs of {@link parseFault}. */
export interface ParseFaultInput {
  /** `provider-N` (1-based), a provider name, or `lease:<id>`. */
  readonly target: string;
  readonly kind: string;
  /** Provider names in devnet order (provider-1 first). */
  readonly providers: readonly string[];
}

/**
 * Resolves `devnet fault TARGET KIND` into a provider name or a lease id. Throws the
 * `devnet/unknown-fault` or `devnet/unknown-target` error for input the devnet cannot act on.
 */
export function parseFault(input: ParseFaultInput): ParsedFault {
  const kind = DEVNET_FAULT_KINDS.find((k) => k === input.kind);
  if (kind === undefined) throw devnetUnknownFault(input.kind, DEVNET_FAULT_KINDS);
  const target = input.target.trim();
  const lease = /^lease:(\d+)$/.exec(target);
  if (lease?.[1] !== undefined) {
    const leaseId = BigInt(lease[1]);
    if (leaseId === 0n) throw devnetUnknownTarget(target, input.providers);
    return { kind, leaseId };
  }
  const indexed = /^provider-(\d+)$/.exec(target);
  if (indexed?.[1] !== undefined) {
    const name = input.providers[Number(indexed[1]) - 1];
    if (name !== undefined) return { kind, provider: name };
  }
  const named = input.providers.find((p) => p === target);
  if (named !== undefined) return { kind, provider: named };
  throw devnetUnknownTarget(target, input.providers);
}
