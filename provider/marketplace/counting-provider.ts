/**
 * A JsonRpcProvider that counts the HTTP requests it sends (one per JSON-RPC batch) and retries
 * transient failures — timeouts, 429, 5xx, connection resets — with exponential backoff.
 */
import { assert, FetchRequest, JsonRpcProvider, Network } from 'ethers';
import type { JsonRpcPayload, JsonRpcResult } from 'ethers';
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import { isTransientRpcError } from './normalize-error.js';
import { RateBudget } from './rate-budget.js';

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
  /** The RPC's rate limit (requests per second, each call of a batch counted); null: none. */
  readonly requestsPerSecond?: number | null | undefined;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}

/** Bytes of one JSON-RPC batch request at most. */
export const BATCH_MAX_BYTES = 4 << 20;

/** JSON-RPC over HTTP with a round-trip counter and transient-error retries. */
export class CountingProvider extends JsonRpcProvider {
  #trips = 0;
  readonly #tries: number;
  readonly #backoffMs: number;
  readonly #budget: RateBudget | null;

  constructor(opts: CountingProviderOptions) {
    const req = new FetchRequest(opts.rpcUrl);
    req.timeout = opts.timeoutMs ?? 30_000;
    const network = Network.from(opts.chainId);
    // staticNetwork: no eth_chainId probe per request, so round trips measure only real work.
    // Batches of up to 4 MB (geth refuses request bodies over 5 MB): the multicall pages of a
    // 10,000-lease refresh (~8 MB of calldata) go out in a couple of requests, not ethers' 1 MB eight.
    super(req, network, {
      staticNetwork: network,
      batchMaxCount: 1000,
      batchMaxSize: BATCH_MAX_BYTES,
      batchStallTime: 5,
    });
    this.#tries = opts.tries ?? 3;
    this.#backoffMs = opts.backoffMs ?? 200;
    const rate = opts.requestsPerSecond ?? null;
    this.#budget = rate === null ? null : new RateBudget(rate, opts.clock ?? systemClock);
    this.pollingInterval = Math.max(50, Math.min(1000, ((opts.secondsPerBlock ?? 2) * 1000) / 2));
  }

  /**
   * ethers' own `_send`, except that the body is decoded by Node (Buffer → string → JSON.parse):
   * ethers decodes UTF-8 in JS through an array of code points, which for the megabyte answers
   * of a refresh's batched reads cost a tenth of a second and tens of megabytes each.
   */
  async #post(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    const request = this._getConnection();
    // Bytes, not a string: ethers would encode the string to UTF-8 in JS.
    request.body = Buffer.from(JSON.stringify(payload), 'utf8');
    request.setHeader('content-type', 'application/json');
    const response = await request.send();
    response.assertOk();
    const body = response.body;
    const text =
      body === null ? '' : Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The same error ethers raises for a body that is not JSON.
      assert(false, 'response body is not valid JSON', 'UNSUPPORTED_OPERATION', {
        operation: 'bodyJson',
        info: { response },
      });
    }
    return (Array.isArray(parsed) ? parsed : [parsed]) as JsonRpcResult[];
  }

  /** HTTP requests sent so far. */
  roundTrips(): number {
    return this.#trips;
  }

  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    for (let attempt = 1; ; attempt++) {
      // Paced to the RPC's declared rate, so a burst of slots never trips its 429s.
      await this.#budget?.take(Array.isArray(payload) ? payload.length : 1);
      this.#trips += 1;
      try {
        return await this.#post(payload);
      } catch (err) {
        if (attempt >= this.#tries || !isTransientRpcError(err)) throw err;
        await new Promise((r) => setTimeout(r, this.#backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
