import type { Diagnostics } from '../diag/index.js';
import { openStack } from './open-stack.js';
import type { OpenStackRequest } from './open-stack.js';
import { readStackState } from './run-status.js';

/** `leasehold logs ADDRESS` as typed options. */
export interface RunLogsRequest extends Omit<OpenStackRequest, 'signer'> {
  readonly address: string;
  readonly tail: number;
  readonly follow: boolean;
  /** Show the lease's events instead of its logs. */
  readonly events?: boolean | undefined;
  /** Start-up logs (fizz providers). */
  readonly startup?: boolean | undefined;
  readonly signal: AbortSignal;
  readonly onLine: (line: { readonly replica: string; readonly message: string }) => void;
}

/** Streams the logs of a resource or slot; with `follow`, until the signal aborts. */
export async function runLogs(req: RunLogsRequest): Promise<{ readonly diagnostics: Diagnostics }> {
  // Logs are authenticated with the tenant's wallet (Auth-Spheron), so the session signs.
  const stack = await openStack({ ...req, signer: 'sign' });
  try {
    const res = await stack.session.logs({
      state: await readStackState(stack),
      address: req.address,
      tail: req.tail,
      follow: req.follow,
      events: req.events,
      startup: req.startup,
      onLine: req.onLine,
      signal: req.signal,
    });
    return { diagnostics: [...stack.warnings, ...res.diagnostics] };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}
