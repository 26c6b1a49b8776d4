import { rmSync } from 'node:fs';
import type { DevnetPaths } from '../devnet-home.js';
import { controlRequest } from './control-client.js';
import { isProcessAlive, readDevnetInfo } from './devnet-info.js';
import type { DevnetInfo } from './devnet-info.js';

/**
 * The devnet running under these paths, or null. A devnet.json whose process is gone, or whose
 * control port refuses connections (a crash, a reboot that reused the pid), is stale and removed.
 * A supervisor that is alive but does not answer in time is NOT treated as absent — starting a
 * second one beside it would share its chain state — so that fails with `devnet/control-failed`.
 */
export async function findRunningDevnet(paths: DevnetPaths): Promise<DevnetInfo | null> {
  const info = readDevnetInfo(paths.info);
  if (info === null) return null;
  if (isProcessAlive(info.pid)) {
    try {
      await controlRequest(info.control, { method: 'GET', path: '/status', timeoutMs: 15_000 });
      return info;
    } catch (err) {
      if (!refused(err) && isProcessAlive(info.pid)) throw err;
    }
  }
  rmSync(paths.info, { force: true });
  return null;
}

function refused(err: unknown): boolean {
  // Duck-typed, not instanceof: fetch's errors may come from another realm (jest's VM contexts).
  const queue: unknown[] = [err];
  for (let i = 0; i < queue.length && i < 10; i += 1) {
    const e = queue[i];
    if (typeof e !== 'object' || e === null) continue;
    const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (o.code === 'ECONNREFUSED') return true;
    queue.push(o.cause);
    if (Array.isArray(o.errors)) queue.push(...(o.errors as unknown[]));
  }
  return false;
}
