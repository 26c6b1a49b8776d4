import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticsError } from '../../common/diag/index.js';
import type { Diagnostics } from '../../common/diag/index.js';
import type { DevnetPaths } from '../devnet-home.js';
import { devnetNotBuilt, devnetStartFailed } from './devnet-errors.js';
import { readDevnetInfo } from './devnet-info.js';
import type { DevnetInfo } from './devnet-info.js';
import { toSupervisorArgv } from './supervisor-args.js';
import type { SupervisorArgs } from './supervisor-args.js';

/** Options of {@link launchSupervisor}. */
export interface LaunchSupervisorOptions {
  readonly paths: DevnetPaths;
  readonly args: SupervisorArgs;
  /** Fail if the devnet is not ready by then. @default 120000 */
  readonly timeoutMs?: number | undefined;
}

/**
 * Spawns the supervisor as one detached node process (from dist/, so it outlives this command)
 * with its output appended to devnet.log, and waits until it has written devnet.json.
 */
export async function launchSupervisor(opts: LaunchSupervisorOptions): Promise<DevnetInfo> {
  const entry = supervisorEntry();
  if (!existsSync(entry)) throw devnetNotBuilt(entry);
  rmSync(opts.paths.startError, { force: true });
  const out = openSync(opts.paths.log, 'a');
  const child = spawn(process.execPath, [entry, ...toSupervisorArgv(opts.args)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: process.env,
  });
  closeSync(out);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.unref();
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (existsSync(opts.paths.startError)) throw startErrorOf(opts.paths);
    const info = readDevnetInfo(opts.paths.info);
    if (info !== null && info.pid === child.pid) return info;
    if (exited !== undefined)
      throw devnetStartFailed(
        `The supervisor exited with code ${String(exited)} before it was ready.`,
        opts.paths.log,
      );
    if (Date.now() > deadline) {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      throw devnetStartFailed('The supervisor was not ready in time.', opts.paths.log);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** dist/devnet/supervisor/main.js: beside this file when compiled, under dist/ from source. */
export function supervisorEntry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(here, '..', 'main.js');
  return join(here, '..', '..', '..', 'dist', 'devnet', 'supervisor', 'main.js');
}

function startErrorOf(paths: DevnetPaths): Error {
  try {
    const body = JSON.parse(readFileSync(paths.startError, 'utf8')) as { diagnostics?: unknown };
    if (Array.isArray(body.diagnostics))
      return new DiagnosticsError(body.diagnostics as Diagnostics);
  } catch {
    // Fall through to the generic error below.
  }
  return devnetStartFailed('The supervisor reported a start-up failure.', paths.log);
}
