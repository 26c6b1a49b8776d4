import { mkdirSync } from 'node:fs';
import { devnetPaths, leaseholdHome } from './devnet-home.js';
import { isPortFree } from './supervisor/assert-port-free.js';
import { devnetPortBusy } from './supervisor/devnet-errors.js';
import { decideDevnetPort } from './supervisor/decide-devnet-port.js';
import { withDevnetLock } from './supervisor/devnet-lock.js';
import type { DevnetInfo } from './supervisor/devnet-info.js';
import { findRunningDevnet } from './supervisor/find-running-devnet.js';
import { launchSupervisor } from './supervisor/launch-supervisor.js';

/** Where anvil listens (loopback only). */
const HOST = '127.0.0.1';

/** Options of {@link ensureDevnet} and {@link startDevnet}. */
export interface EnsureDevnetOptions {
  /** Leasehold home (the devnet lives in `<home>/devnet`). @default $LEASEHOLD_HOME or ~/.leasehold */
  readonly home?: string | undefined;
  readonly log: (line: string) => void;
  /** Seconds per block for a devnet this call starts; null = automine. @default $LEASEHOLD_DEVNET_BLOCK_TIME or 1 */
  readonly blockTime?: number | null | undefined;
  /**
   * anvil's port for a devnet this call starts, exactly (a taken port fails: `devnet/port-busy`);
   * 0 = any. Without it, $LEASEHOLD_DEVNET_PORT or 8545 is tried, and a free port when taken.
   */
  readonly port?: number | undefined;
  /** Manifest timeout of the providers, for a devnet this call starts. @default 300000 */
  readonly manifestTimeoutMs?: number | undefined;
  /** Simulated image pull and start time per replica. @default the daemons' own */
  readonly startDelayMs?: number | undefined;
}

/** What {@link startDevnet} did. */
export interface StartDevnetResult {
  readonly info: DevnetInfo;
  /** False when a devnet was already running (a second `up` is harmless). */
  readonly started: boolean;
}

/**
 * Returns the running devnet, starting it first when none runs (saying so through `log`). Every
 * command on the `local` network calls this; a lock file under the home makes concurrent callers
 * wait for one start instead of racing two devnets.
 */
export async function ensureDevnet(opts: EnsureDevnetOptions): Promise<DevnetInfo> {
  return (await startDevnet(opts)).info;
}

/** Like {@link ensureDevnet}, and also tells whether this call started it (for `devnet up`). */
export async function startDevnet(opts: EnsureDevnetOptions): Promise<StartDevnetResult> {
  const paths = devnetPaths(opts.home ?? leaseholdHome());
  const running = await findRunningDevnet(paths);
  if (running !== null) return { info: running, started: false };
  mkdirSync(paths.dir, { recursive: true });
  return withDevnetLock(
    {
      file: paths.lock,
      onWait: (pid) =>
        opts.log(`Waiting for the local devnet another process (pid ${pid}) is starting…`),
    },
    async () => {
      const again = await findRunningDevnet(paths);
      if (again !== null) return { info: again, started: false };
      opts.log('Starting the local devnet…');
      const { port, fellBack, preferred } = await choosePort(opts.port);
      const info = await launchSupervisor({
        paths,
        args: {
          home: paths.home,
          blockTime: opts.blockTime !== undefined ? opts.blockTime : envBlockTime(),
          port,
          manifestTimeoutMs: opts.manifestTimeoutMs,
          startDelayMs: opts.startDelayMs,
        },
      });
      if (fellBack)
        opts.log(
          `Port ${preferred} was in use, so the local devnet listens on ${info.rpcUrl} instead.`,
        );
      return { info, started: true };
    },
  );
}

/** The port to start on; an explicit one that is taken throws `devnet/port-busy` at once. */
async function choosePort(
  explicit: number | undefined,
): Promise<{ port: number; fellBack: boolean; preferred: number }> {
  const preferred = envPort();
  const asked = explicit ?? preferred;
  const free = asked === 0 || (await isPortFree(HOST, asked));
  const decided = decideDevnetPort({ explicit, preferred, free });
  if (decided.kind === 'busy') throw devnetPortBusy(HOST, decided.port);
  return { port: decided.port, fellBack: decided.fellBack, preferred };
}

function envBlockTime(): number | null {
  const v = process.env['LEASEHOLD_DEVNET_BLOCK_TIME'];
  if (v === undefined || v === '') return 1;
  if (v === 'auto') return null;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function envPort(): number {
  const n = Number(process.env['LEASEHOLD_DEVNET_PORT'] ?? '8545');
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : 8545;
}
