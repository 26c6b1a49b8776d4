import { logActivity } from '../state/activity.js';
import { importStack } from './import-stack.js';
import type { ImportStackResult } from './import-stack.js';
import { openStack } from './open-stack.js';
import type { OpenStackRequest } from './open-stack.js';

/** `leasehold import` as typed options. */
export interface RunImportRequest extends Omit<OpenStackRequest, 'signer'> {
  readonly force: boolean;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
}

/** Opens the stack and rebuilds its state from the chain; always closes the session. */
export async function runImport(req: RunImportRequest): Promise<ImportStackResult> {
  const stack = await openStack({ ...req, signer: 'address' });
  try {
    const res = await importStack({
      session: stack.session,
      backend: stack.backend,
      stack: stack.model.stack,
      force: req.force,
      lock: req.lock,
      lockTimeoutMs: req.lockTimeoutMs,
      version: req.version,
    });
    const logged = !res.written
      ? null
      : await logActivity({
          backend: stack.backend,
          env: req.env,
          now: new Date(),
          entry: {
            stack: stack.model.stack,
            command: 'import',
            summary: `imported ${res.adopted.length} lease(s) from the chain; new lineage ${res.state.lineage}`,
            resources: res.adopted.map((d) => d.address),
            txHashes: [],
            serial: res.state.serial,
          },
        });
    return {
      ...res,
      diagnostics: [...stack.warnings, ...res.diagnostics, ...(logged === null ? [] : [logged])],
    };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}
