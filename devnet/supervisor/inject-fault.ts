import { devnetPaths, leaseholdHome } from '../devnet-home.js';
import { controlRequest } from './control-client.js';
import type { FaultReport, UnmatchedReasonReport } from './control-handlers.js';
import { devnetNotRunning } from './devnet-errors.js';
import type { DevnetInfo } from './devnet-info.js';
import { findRunningDevnet } from './find-running-devnet.js';

/** Options of {@link injectFault}. */
export interface InjectFaultOptions {
  readonly home?: string | undefined;
  /** `provider-N`, a provider name, or `lease:<id>`. */
  readonly target: string;
  /** unhealthy | slow | crash | offline | no-bid | reject-manifest | clear */
  readonly kind: string;
}

/** Injects (or clears) a fault in the running devnet; fails with `devnet/not-running` otherwise. */
export async function injectFault(opts: InjectFaultOptions): Promise<FaultReport> {
  const info = await requireRunning(opts.home);
  const body = { target: opts.target, kind: opts.kind };
  return (await controlRequest(info.control, {
    method: 'POST',
    path: '/fault',
    body,
  })) as FaultReport;
}

/** Asks the matcher why an order is still unmatched (null reason: none known yet). */
export async function readUnmatchedReason(opts: {
  home?: string | undefined;
  orderId: bigint;
}): Promise<UnmatchedReasonReport> {
  const info = await requireRunning(opts.home);
  const path = `/orders/${opts.orderId}/unmatched-reason`;
  return (await controlRequest(info.control, { method: 'GET', path })) as UnmatchedReasonReport;
}

async function requireRunning(home: string | undefined): Promise<DevnetInfo> {
  const paths = devnetPaths(home ?? leaseholdHome());
  const info = await findRunningDevnet(paths);
  if (info === null) throw devnetNotRunning(paths.home);
  return info;
}
