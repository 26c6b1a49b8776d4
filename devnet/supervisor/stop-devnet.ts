import { rmSync } from 'node:fs';
import { devnetPaths, leaseholdHome } from '../devnet-home.js';
import { controlRequest } from './control-client.js';
import { isProcessAlive, readDevnetInfo } from './devnet-info.js';

/** Options of {@link stopDevnet} and {@link resetDevnet}. */
export interface StopDevnetOptions {
  /** @default $LEASEHOLD_HOME or ~/.leasehold */
  readonly home?: string | undefined;
  /** SIGKILL the supervisor if it has not exited by then. @default 30000 */
  readonly timeoutMs?: number | undefined;
}

/** What {@link stopDevnet} did. */
export interface StopDevnetResult {
  /** False when no devnet was running (then nothing was done). */
  readonly wasRunning: boolean;
  readonly pid: number | null;
}

/**
 * Stops the running devnet: asks the control API to shut down (falling back to SIGTERM), then
 * waits for the supervisor to exit, so anvil has dumped its state before this returns.
 */
export async function stopDevnet(opts: StopDevnetOptions = {}): Promise<StopDevnetResult> {
  const paths = devnetPaths(opts.home ?? leaseholdHome());
  const info = readDevnetInfo(paths.info);
  if (info === null || !isProcessAlive(info.pid)) {
    rmSync(paths.info, { force: true });
    return { wasRunning: false, pid: null };
  }
  try {
    await controlRequest(info.control, { method: 'POST', path: '/shutdown', timeoutMs: 5_000 });
  } catch {
    signal(info.pid, 'SIGTERM');
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(info.pid)) {
    if (Date.now() > deadline) {
      signal(info.pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(paths.info, { force: true });
  return { wasRunning: true, pid: info.pid };
}

/** What {@link resetDevnet} did. */
export interface ResetDevnetResult extends StopDevnetResult {
  /** The directory deleted (chain state, address book, provider data, logs). */
  readonly removed: string;
}

/** Stops the devnet and deletes all its data: the next `up` starts from an empty chain. */
export async function resetDevnet(opts: StopDevnetOptions = {}): Promise<ResetDevnetResult> {
  const stopped = await stopDevnet(opts);
  const paths = devnetPaths(opts.home ?? leaseholdHome());
  rmSync(paths.dir, { recursive: true, force: true });
  return { ...stopped, removed: paths.dir };
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}
