import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isProcessAlive } from './devnet-info.js';

/** Options of {@link withDevnetLock}. */
export interface WithDevnetLockOptions {
  readonly file: string;
  /** Give up waiting for another holder after this long. @default 120000 */
  readonly timeoutMs?: number | undefined;
  /** Called once when another live process holds the lock. */
  readonly onWait?: ((holderPid: number) => void) | undefined;
}

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding our pid). A lock
 * whose holder process is gone is taken over, so a crashed `devnet up` never blocks forever.
 */
export async function withDevnetLock<T>(
  opts: WithDevnetLockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let told = false;
  for (;;) {
    const fd = tryCreate(opts.file);
    if (fd !== null) {
      try {
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return await fn();
      } finally {
        rmSync(opts.file, { force: true });
      }
    }
    const holder = readHolder(opts.file);
    if (holder !== null && !isProcessAlive(holder)) {
      rmSync(opts.file, { force: true });
      continue;
    }
    if (!told && holder !== null) opts.onWait?.(holder);
    told = true;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for the devnet lock ${opts.file}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function tryCreate(file: string): number | null {
  try {
    return openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw err;
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    // An empty file is a holder between create and write: treat it as alive and wait.
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
