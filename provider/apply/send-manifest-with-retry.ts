/**
 * PUT the manifest with exponential backoff (reference §6 hazard 4): 404 (the provider has not
 * seen the lease yet), 5xx and unreachable are retried — each attempt with a fresh Auth-Spheron
 * token, which the provider client mints per request; 422 is the provider refusing the manifest
 * and is never retried.
 */
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import type { ProviderClient, ProviderEndpoint } from '../marketplace/marketplace-types.js';

/** Inputs of {@link sendManifestWithRetry}. */
export interface SendManifestWithRetryInput {
  readonly client: ProviderClient;
  readonly provider: ProviderEndpoint;
  readonly leaseId: bigint;
  readonly manifest: unknown;
  /** The order's version, and whether this updates a running lease (v2: POST vs PUT). */
  readonly send?: { readonly version: 1 | 2; readonly update: boolean } | undefined;
  /** Give up after this long (`ApplyTimeouts.manifestMs`). */
  readonly timeoutMs: number;
  /** First backoff; doubled per attempt up to 4 s. @default 250 */
  readonly initialDelayMs?: number | undefined;
  /** Called before each attempt (1-based) and with the reason of each retry. */
  readonly onAttempt?: ((attempt: number) => void) | undefined;
  readonly onRetry?: ((attempt: number, reason: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}

/** Sent, refused (422: the provider's reason) or given up (the last failure). */
export type SendManifestResult =
  | { readonly kind: 'sent'; readonly attempts: number }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string }
  | { readonly kind: 'gave-up'; readonly attempts: number; readonly lastError: string };

/** Sends until accepted, refused, or `timeoutMs` has passed. */
export async function sendManifestWithRetry(
  input: SendManifestWithRetryInput,
): Promise<SendManifestResult> {
  const clock = input.clock ?? systemClock;
  const deadline = clock.now() + input.timeoutMs;
  let delay = input.initialDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    input.onAttempt?.(attempt);
    const res = await input.client.sendManifest(
      input.provider,
      input.leaseId,
      input.manifest,
      input.send,
    );
    let reason: string;
    if (res.ok && res.value.status >= 200 && res.value.status < 300)
      return { kind: 'sent', attempts: attempt };
    if (res.ok && res.value.status === 422)
      return { kind: 'rejected', status: 422, reason: res.value.body.trim() || 'no reason given' };
    if (res.ok) reason = `HTTP ${res.value.status} ${res.value.body.trim().slice(0, 200)}`.trim();
    else if (res.kind === 'http') reason = `HTTP ${res.status} ${res.body.slice(0, 200)}`.trim();
    else reason = res.message;
    if (clock.now() + delay > deadline || input.signal?.aborted === true)
      return { kind: 'gave-up', attempts: attempt, lastError: reason };
    input.onRetry?.(attempt, reason);
    await clock.sleep(delay, input.signal);
    delay = Math.min(delay * 2, 4000);
  }
}
