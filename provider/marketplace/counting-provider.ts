/**
 * A JsonRpcProvider that counts the HTTP requests it sends (one per JSON-RPC batch) and retries
 * transient failures — timeouts, 429, 5xx, connection resets — with exponential backoff.
 */
import { FetchRequest, JsonRpcProvider, Network } from 'ethers';
import type { JsonRpcPayload, JsonRpcResult } from 'ethers';

/** Options of {@link CountingProvider}. */
export interface CountingProviderOptions {
  readonly rpcUrl: string;
  readonly chainId: number;
  /** @default 3 */
  readonly tries?: number | undefined;
  /** First backoff delay; doubles each retry. @default 200 */
  readonly backoffMs?: number | undefined;
  /** Seconds per block: receipts and logs are polled at half of it (at most every second). @default 2 */
  readonly secondsPerBlock?: number | undefined;
  /** Per-request timeout. @default 30000 */
  readonly timeoutMs?: number | undefined;
}

const TRANSIENT =
  /ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|timeout|429|too many requests|50[0-9]|bad gateway|service unavailable/i;

/** True for an error worth retrying: the request may succeed unchanged a moment later. */
export function isTransientRpcError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; shortMessage?: unknown; cause?: unknown };
  if (e.code === 'TIMEOUT') return true;
  const text = `${String(e.shortMessage ?? '')} ${String(e.message ?? '')}`;
  if (e.code === 'SERVER_ERROR' && TRANSIENT.test(text)) return true;
  if (TRANSIENT.test(text) && e.code !== 'CALL_EXCEPTION') return true;
  return e.cause !== undefined && e.cause !== err ? isTransientRpcError(e.cause) : false;
}

/** JSON-RPC over HTTP with a round-trip counter and transient-error retries. */
export class CountingProvider extends JsonRpcProvider {
  #trips = 0;
  readonly #tries: number;
  readonly #backoffMs: number;

  constructor(opts: CountingProviderOptions) {
    const req = new FetchRequest(opts.rpcUrl);
    req.timeout = opts.timeoutMs ?? 30_000;
    const network = Network.from(opts.chainId);
    // staticNetwork: no eth_chainId probe per request, so round trips measure only real work.
    super(req, network, { staticNetwork: network, batchMaxCount: 1000, batchStallTime: 5 });
    this.#tries = opts.tries ?? 3;
    this.#backoffMs = opts.backoffMs ?? 200;
    this.pollingInterval = Math.max(50, Math.min(1000, ((opts.secondsPerBlock ?? 2) * 1000) / 2));
  }

  /** HTTP requests sent so far. */
  roundTrips(): number {
    return this.#trips;
  }

  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    for (let attempt = 1; ; attempt++) {
      this.#trips += 1;
      try {
        return await super._send(payload);
      } catch (err) {
        if (attempt >= this.#tries || !isTransientRpcError(err)) throw err;
        await new Promise((r) => setTimeout(r, this.#backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
