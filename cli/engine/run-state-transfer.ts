import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/index.js';
import { logActivity } from '../state/activity.js';
import type { BackendConfig } from '../state/backend-config.js';
import { createStateBackend } from '../state/create-state-backend.js';
import { createStateCodec } from '../state/crypto/state-codec.js';
import { readStateKeys } from '../state/crypto/state-keys.js';
import { openStateBackend } from '../state/open-state-backend.js';
import type { OpenStateRequest } from '../state/open-state-backend.js';
import { migrateState, pushState } from '../state/state-transfer.js';
import type { MigrateStateResult } from '../state/state-transfer.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `state push FILE` as typed options. */
export interface RunStatePushRequest extends OpenStateRequest {
  readonly pushFile: string;
  readonly force: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
  readonly env: Env;
}

/** What was pushed, and a warning if the activity entry could not be written. */
export interface RunStatePushResult {
  readonly stack: string;
  readonly location: string;
  readonly serial: number;
  readonly lineage: string;
  readonly warnings: readonly Diagnostic[];
}

/** Reads a state file (opened with the state keys when sealed) and pushes it, then logs it. */
export async function runStatePush(req: RunStatePushRequest): Promise<RunStatePushResult> {
  const { backend, stack } = await openStateBackend(req);
  try {
    const text = await readFile(resolve(req.cwd, req.pushFile), 'utf8');
    const state = createStateCodec({ keys: readStateKeys(req.env) }).decode(text, {
      where: req.pushFile,
      stack,
    });
    const written = await pushState({
      backend,
      state,
      force: req.force,
      timeoutMs: req.lockTimeoutMs,
      version: req.version,
    });
    const warn = await logActivity({
      backend,
      env: req.env,
      now: new Date(),
      entry: {
        stack,
        command: 'state push',
        summary: `pushed ${req.pushFile} as serial ${written.serial}`,
        resources: [],
        txHashes: [],
        serial: written.serial,
      },
    });
    return {
      stack,
      location: backend.location,
      serial: written.serial,
      lineage: written.lineage,
      warnings: warn === null ? [] : [warn],
    };
  } finally {
    await backend.close?.();
  }
}

/** `state migrate --to` as typed options. */
export interface RunStateMigrateRequest extends OpenStateRequest {
  readonly to: 'pg' | 'local';
  readonly schema?: string | undefined;
  readonly lockTimeoutMs: number;
  readonly version: string;
  readonly env: Env;
}

/** The migration's outcome with both locations. */
export interface RunStateMigrateResult extends MigrateStateResult {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
  readonly warnings: readonly Diagnostic[];
}

/** Copies the stack's state from its current backend to `to`, then logs it on both. */
export async function runStateMigrate(req: RunStateMigrateRequest): Promise<RunStateMigrateResult> {
  const src = await openStateBackend(req);
  const pgOf = src.config.type === 'pg' ? src.config : null;
  const config: BackendConfig =
    req.to === 'local'
      ? { type: 'local' }
      : { type: 'pg', schema: req.schema ?? pgOf?.schema ?? 'leasehold', keep: pgOf?.keep ?? 100 };
  const to = await createStateBackend({ config, dir: src.dir, stack: src.stack, env: req.env });
  try {
    const res = await migrateState({
      from: src.backend,
      to,
      timeoutMs: req.lockTimeoutMs,
      version: req.version,
    });
    const warnings: Diagnostic[] = [];
    if (res.outcome === 'copied')
      for (const b of [src.backend, to]) {
        const summary = `migrated serial ${res.serial ?? 0} from ${src.backend.location} to ${to.location}`;
        const entry = {
          stack: src.stack,
          command: 'state migrate',
          summary,
          resources: [],
          txHashes: [],
        };
        const warn = await logActivity({ backend: b, env: req.env, now: new Date(), entry });
        if (warn !== null) warnings.push(warn);
      }
    return { ...res, stack: src.stack, from: src.backend.location, to: to.location, warnings };
  } finally {
    await src.backend.close?.();
    await to.close?.();
  }
}
