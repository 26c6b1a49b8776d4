import { openStack } from './open-stack.js';
import type { OpenStackRequest } from './open-stack.js';
import { refreshStack } from './refresh-stack.js';
import type { RefreshStackResult } from './refresh-stack.js';

/** `leasehold refresh` as typed options. */
export interface RunRefreshRequest extends Omit<OpenStackRequest, 'signer'> {
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
}

/** Opens the stack and refreshes its state from the chain; always closes the session. */
export async function runRefresh(req: RunRefreshRequest): Promise<RefreshStackResult> {
  const stack = await openStack({ ...req, signer: 'address' });
  try {
    const res = await refreshStack({
      session: stack.session,
      backend: stack.backend,
      stack: stack.model.stack,
      lock: req.lock,
      lockTimeoutMs: req.lockTimeoutMs,
      version: req.version,
    });
    return { ...res, diagnostics: [...stack.warnings, ...res.diagnostics] };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}
