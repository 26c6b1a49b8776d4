import { DiagnosticsError } from '../../common/diag/index.js';
import type { Diagnostics } from '../../common/diag/index.js';
import { devnetControlFailed } from './devnet-errors.js';

/** Where and how to reach a supervisor's control API (from devnet.json). */
export interface ControlEndpoint {
  readonly url: string;
  readonly token: string;
}

/** Options of {@link controlRequest}. */
export interface ControlRequestOptions {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** @default 10000 */
  readonly timeoutMs?: number | undefined;
}

/**
 * Calls the control API and returns its JSON body. A 400 carrying diagnostics is rethrown as
 * those diagnostics; anything else that is not 2xx becomes `devnet/control-failed`.
 */
export async function controlRequest(
  endpoint: ControlEndpoint,
  opts: ControlRequestOptions,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${endpoint.url}${opts.path}`, {
      method: opts.method,
      headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw devnetControlFailed(
      `${opts.method} ${opts.path} could not reach the control API at ${endpoint.url}.`,
      err,
    );
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return body;
  const diags = (body as { error?: unknown } | null)?.error;
  if (res.status === 400 && Array.isArray(diags)) throw new DiagnosticsError(diags as Diagnostics);
  throw devnetControlFailed(`${opts.method} ${opts.path} answered HTTP ${res.status}.`);
}
