/**
 * What a network's endpoints can take, as its profile declares it: the RPC's request rate, and how
 * many manifests one provider is sent at once. Apply sizes its parallelism from these instead of a
 * fixed number, and the chain client paces its requests to the rate, so a 100-slot apply neither
 * waits in waves nor trips the RPC's 429s.
 */
import { LeaseholdError } from '../../cli/diag/index.js';

/** A network's declared limits. */
export interface NetworkLimits {
  /** JSON-RPC requests per second the RPC accepts (each call of a batch counts); null: no limit known. */
  readonly rpcRequestsPerSecond: number | null;
  /** Manifests sent to one provider at once. */
  readonly manifestsPerProvider: number;
}

/** Manifests one provider is sent at once when its network declares nothing. */
export const DEFAULT_MANIFESTS_PER_PROVIDER = 16;

/** No declared RPC limit (the devnet, a custom or overridden RPC). */
export const UNLIMITED: NetworkLimits = {
  rpcRequestsPerSecond: null,
  manifestsPerProvider: DEFAULT_MANIFESTS_PER_PROVIDER,
};

/**
 * The limits in force: `LEASEHOLD_RPC_RATE_LIMIT` (requests per second, or `none`) wins; an RPC
 * overridden with `LEASEHOLD_RPC_URL` is not the profile's public endpoint, so its limit is not
 * known; otherwise the profile's.
 */
export function limitsInForce(
  declared: NetworkLimits | undefined,
  env: Readonly<Record<string, string | undefined>>,
): NetworkLimits {
  const base = declared ?? UNLIMITED;
  const raw = env['LEASEHOLD_RPC_RATE_LIMIT']?.trim();
  if (raw !== undefined && raw !== '') {
    if (raw === 'none') return { ...base, rpcRequestsPerSecond: null };
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      throw new LeaseholdError({
        code: 'network/rate-limit-invalid',
        summary: 'LEASEHOLD_RPC_RATE_LIMIT is not a rate',
        detail: `LEASEHOLD_RPC_RATE_LIMIT is "${raw}"; it must be a positive number of JSON-RPC requests per second, or \`none\`.`,
        hint: 'Set it to the requests per second your RPC plan allows (e.g. 25), or unset it.',
      });
    }
    return { ...base, rpcRequestsPerSecond: n };
  }
  const overridden = (env['LEASEHOLD_RPC_URL']?.trim() ?? '') !== '';
  return overridden ? { ...base, rpcRequestsPerSecond: null } : base;
}
