import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LeaseholdError } from '../../common/diag/index.js';
import { packageRoot } from '../../common/package-root.js';

/** Options of {@link startAnvil}. */
export interface StartAnvilOptions {
  /** @default '127.0.0.1' */
  readonly host?: string | undefined;
  /** 0 picks any free port. @default 0 */
  readonly port?: number | undefined;
  /** Seconds per block; null mines one block per transaction (automine). @default null */
  readonly blockTime?: number | null | undefined;
  /** Chain state file: loaded at start when it exists, written on stop and every stateInterval. */
  readonly statePath?: string | undefined;
  /** Seconds between state dumps (needs statePath). */
  readonly stateInterval?: number | undefined;
  /** @default 31337 */
  readonly chainId?: number | undefined;
}

/** A running anvil. */
export interface AnvilHandle {
  readonly rpcUrl: string;
  readonly pid: number;
  /** SIGTERM (anvil dumps its state), then waits for the exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/** Spawns the anvil binary from node_modules and resolves once it listens. */
export async function startAnvil(opts: StartAnvilOptions = {}): Promise<AnvilHandle> {
  const bin = anvilBinary();
  const child = spawn(bin, anvilArgs(opts), { stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = await waitForListening(child, opts.host ?? '127.0.0.1');
  const pid = child.pid;
  if (pid === undefined) throw startError('anvil has no pid', '');
  return { rpcUrl: `http://${listening}`, pid, stop: () => stopChild(child) };
}

/** The argument list for anvil; exported for its unit test. */
export function anvilArgs(opts: StartAnvilOptions): string[] {
  const args = ['--host', opts.host ?? '127.0.0.1', '--port', String(opts.port ?? 0)];
  args.push('--chain-id', String(opts.chainId ?? 31337));
  if (opts.blockTime !== undefined && opts.blockTime !== null)
    args.push('--block-time', String(opts.blockTime));
  if (opts.statePath !== undefined) {
    args.push('--state', opts.statePath);
    if (opts.stateInterval !== undefined) args.push('--state-interval', String(opts.stateInterval));
  }
  return args;
}

/** Path of the anvil executable shipped by @foundry-rs/anvil's per-platform package. */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const candidates: string[] = [];
  try {
    const require = createRequire(join(packageRoot(), 'package.json'));
    candidates.push(join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe));
  } catch {
    // Fall through to the conventional location; the error below names it.
  }
  candidates.push(join(packageRoot(), 'node_modules', pkg, 'bin', exe));
  const found = candidates.find((c) => existsSync(c));
  if (found !== undefined) return found;
  throw new LeaseholdError({
    code: 'devnet/anvil-missing',
    summary: 'The anvil binary is not installed',
    detail: `Looked for ${candidates.join(' and ')}; it comes with the optional dependency ${pkg}.`,
    hint: 'Run `npm install` without `--omit=optional`.',
  });
}

function waitForListening(child: ChildProcess, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let settled = false;
    const settle = (): void => {
      settled = true;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stderr?.removeAllListeners('data');
      // Keep draining both pipes so anvil never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const fail = (why: string): void => {
      if (settled) return;
      settle();
      child.kill('SIGKILL');
      reject(startError(why, out.slice(-2000)));
    };
    const timer = setTimeout(
      () => fail(`anvil did not listen within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on (\S+):(\d+)/.exec(out);
      if (m === null || settled) return;
      settle();
      resolve(`${host === '0.0.0.0' ? '127.0.0.1' : host}:${m[2] ?? ''}`);
    });
    child.once('error', (e) => fail(`anvil could not start: ${e.message}`));
    child.once('exit', (code, signal) =>
      fail(`anvil exited early (code ${code ?? 'none'}, signal ${signal ?? 'none'})`),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function startError(why: string, output: string): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/anvil-start-failed',
    summary: 'The local chain did not start',
    detail: output.trim() === '' ? `${why}.` : `${why}. anvil said: ${output.trim()}`,
    hint: 'Check that the port is free and the state file is readable, then retry.',
  });
}
