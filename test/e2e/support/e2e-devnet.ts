import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import type { AddressBook } from '../../../wire/address-book.js';

/** The repository root (the built CLI is `bin/run.js` there; `npm run build` first). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin/run.js');

/** How every CLI process of the e2e suite is started. */
type SpawnOptions = { cwd: string; env: Record<string, string>; reject: false };

/** One finished CLI run. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What `devnet up --json` prints that the tests use. */
export interface DevnetUp {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly addressBook: AddressBook;
  readonly providers: readonly { name: string; address: string; hostUri: string }[];
  readonly devWallet: { address: string; privateKey: string };
}

/** A devnet of one test file: its own LEASEHOLD_HOME, chain and providers. */
export interface E2eDevnet extends DevnetUp {
  readonly home: string;
  readonly env: Readonly<Record<string, string>>;
  /** Runs the built CLI in `cwd` with this devnet's environment (plus `extra`). */
  cli(args: readonly string[], cwd: string, extra?: Record<string, string>): Promise<CliRun>;
  /** Starts the built CLI without waiting (for kill and concurrency tests). */
  spawn(
    args: readonly string[],
    cwd: string,
    extra?: Record<string, string>,
  ): ResultPromise<SpawnOptions>;
  /**
   * Injects a fault through the control API directly (a CLI start takes too long to land between
   * a match and the manifest): `provider-N`, a provider name or `lease:<id>`.
   */
  fault(target: string, kind: string): Promise<void>;
  /** Every file under the devnet's home (logs, chain state), concatenated: for secret scans. */
  readAllFiles(): string;
  down(): Promise<void>;
}

/**
 * `devnet up --json` in a fresh LEASEHOLD_HOME with short blocks (0.5 s by default) on a free
 * port. CI=true and NO_COLOR keep the CLI's output plain lines.
 */
export async function startE2eDevnet(
  opts: { blockTime?: number; env?: Record<string, string> } = {},
): Promise<E2eDevnet> {
  const home = mkdtempSync(join(tmpdir(), 'lh-e2e-home-'));
  const env: Record<string, string> = {
    LEASEHOLD_HOME: home,
    NO_COLOR: '1',
    CI: 'true',
    ...opts.env,
  };
  const spawn = (args: readonly string[], cwd: string, extra: Record<string, string> = {}) => {
    const options: SpawnOptions = { cwd, env: { ...env, ...extra }, reject: false };
    return execa('node', [BIN, ...args], options);
  };
  const cli = async (args: readonly string[], cwd: string, extra: Record<string, string> = {}) => {
    const r = await spawn(args, cwd, extra);
    return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const block = String(opts.blockTime ?? 0.5);
  const up = await cli(['devnet', 'up', '--json', '--block-time', block, '--port', '0'], ROOT);
  if (up.exitCode !== 0) throw new Error(`devnet up failed: ${up.stderr}`);
  const info = JSON.parse(up.stdout) as DevnetUp;
  return {
    ...info,
    home,
    env,
    cli,
    spawn,
    fault: (target, kind) => injectFault(home, target, kind),
    readAllFiles: () => readTree(home),
    down: async () => {
      await cli(['devnet', 'down'], ROOT);
    },
  };
}

/** Every file under `dir`, read as latin1 and concatenated (for scans of leaked values). */
export function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? readTree(p) : readFileSync(p, 'latin1');
    })
    .join('\n');
}

/**
 * Takes every provider's API offline until the returned release is called: an apply in flight
 * keeps retrying its manifest (it cannot finish), so a test can act while it surely holds the lock.
 */
export async function holdProviderApis(home: string): Promise<() => Promise<void>> {
  const providers = [1, 2, 3, 4, 5].map((n) => `provider-${n}`);
  await Promise.all(providers.map((p) => injectFault(home, p, 'offline')));
  return async () => {
    await Promise.all(providers.map((p) => injectFault(home, p, 'clear')));
  };
}

/** Injects a fault through the devnet's control API (faster than a CLI start). */
export async function injectFault(home: string, target: string, kind: string): Promise<void> {
  const info = JSON.parse(readFileSync(join(home, 'devnet', 'devnet.json'), 'utf8')) as {
    control: { url: string; token: string };
  };
  const res = await fetch(`${info.control.url}/fault`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.control.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ target, kind }),
  });
  if (!res.ok) throw new Error(`fault ${target} ${kind}: HTTP ${res.status} ${await res.text()}`);
}
