/**
 * Polls the provider's lease status until the service runs the wanted replicas, up to
 * `ApplyTimeouts.readyMs`. A provider that does not answer, or answers 404 before it has started the
 * manifest, is polled again: only the timeout ends the wait.
 */
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import type {
  ProviderClient,
  ProviderEndpoint,
  ProviderLeaseStatus,
} from '../marketplace/marketplace-types.js';

/** Inputs of {@link waitReady}. */
export interface WaitReadyInput {
  readonly client: ProviderClient;
  readonly provider: ProviderEndpoint;
  readonly leaseId: bigint;
  /** The service (instance) name. */
  readonly service: string;
  readonly replicas: number;
  readonly timeoutMs: number;
  /** Called when the ready count changes. */
  readonly onProgress?: ((ready: number, total: number) => void) | undefined;
  /** @default 500 */
  readonly pollMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}

/** Ready with the last status, or timed out with what was last seen. */
export type WaitReadyResult =
  | { readonly kind: 'ready'; readonly status: ProviderLeaseStatus }
  | { readonly kind: 'timeout'; readonly ready: number; readonly lastError: string | null }
  | { readonly kind: 'aborted'; readonly ready: number };

/** Waits until `ready_replicas ≥ replicas` for the service. */
export async function waitReady(input: WaitReadyInput): Promise<WaitReadyResult> {
  const clock = input.clock ?? systemClock;
  const deadline = clock.now() + input.timeoutMs;
  let seen = -1;
  let lastError: string | null = null;
  for (;;) {
    const res = await input.client.leaseStatus(input.provider, input.leaseId, {
      timeoutMs: 5000,
    });
    let ready = Math.max(seen, 0);
    if (res.ok) {
      const svc = res.value.services[input.service];
      ready = svc?.readyReplicas ?? 0;
      lastError = null;
      if (ready !== seen) input.onProgress?.(ready, input.replicas);
      seen = ready;
      if (ready >= input.replicas) return { kind: 'ready', status: res.value };
    } else {
      lastError =
        res.kind === 'http' ? `HTTP ${res.status} ${res.body.slice(0, 200)}` : res.message;
    }
    if (input.signal?.aborted === true) return { kind: 'aborted', ready };
    if (clock.now() >= deadline) return { kind: 'timeout', ready, lastError };
    await clock.sleep(input.pollMs ?? 500, input.signal);
  }
}
