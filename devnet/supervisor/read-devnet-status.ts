import { devnetPaths, leaseholdHome } from '../devnet-home.js';
import { controlRequest } from './control-client.js';
import type { DevnetStatusReport } from './control-handlers.js';
import { findRunningDevnet } from './find-running-devnet.js';

/** `devnet status`: either not running, or the supervisor's report. */
export type DevnetStatus =
  | { readonly running: false; readonly home: string }
  | ({ readonly running: true; readonly home: string } & DevnetStatusReport);

/** Reads the devnet's status through its control API; never starts it. */
export async function readDevnetStatus(
  opts: { home?: string | undefined } = {},
): Promise<DevnetStatus> {
  const paths = devnetPaths(opts.home ?? leaseholdHome());
  const info = await findRunningDevnet(paths);
  if (info === null) return { running: false, home: paths.home };
  const report = (await controlRequest(info.control, {
    method: 'GET',
    path: '/status',
  })) as DevnetStatusReport;
  return { running: true, home: paths.home, ...report };
}
