import { rmSync } from 'node:fs';
import type { DevnetPaths } from '../devnet-home.js';
import { controlRequest } from './control-client.js';
import { isProcessAlive, readDevnetInfo } from './devnet-info.js';
import type { DevnetInfo } from './devnet-info.js';

/**
 * The devnet running under these paths, or null. A devnet.json whose process is gone or whose
 * control API does not answer (a crash, a reboot that reused the pid) is stale and removed.
 */
export async function findRunningDevnet(paths: DevnetPaths): Promise<DevnetInfo | null> {
  const info = readDevnetInfo(paths.info);
  if (info === null) return null;
  if (isProcessAlive(info.pid)) {
    try {
      await controlRequest(info.control, { method: 'GET', path: '/status', timeoutMs: 5_000 });
      return info;
    } catch {
      // Alive but silent: treat as not running; `down` still signals the pid.
      if (isProcessAlive(info.pid)) return null;
    }
  }
  rmSync(paths.info, { force: true });
  return null;
}
