import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import { createStateCodec } from './crypto/state-codec.js';
import type { StateCodec } from './crypto/state-codec.js';
import { isLockHolderGone, lockBackoffMs } from './lock-holder.js';
import { readLockFile, removeLockFile } from './lock-file.js';
import { StateLockedError, StateLockMismatchError, StateWrongStackError } from './state-errors.js';
import type { LockInfo, StackState, StateBackend } from './state-types.js';
import { tryLockFile } from './try-lock-file.js';
import { isCode, writeFileAtomic } from './write-file-atomic.js';
import { appendActivityLine, readActivityLines } from './activity-file.js';
import { localHistory } from './local-history.js';

/** Time as the lock loop sees it; injected by tests so backoff is checked without waiting. */
export type BackendClock = Clock;

/** Where a stack's local state lives. */
export interface LocalBackendOptions {
  /** Directory of the spec file: state goes to `<dir>/.leasehold/<stack>.state.json`. */
  readonly dir: string;
  readonly stack: string;
  /** `--state PATH`: overrides the state file; the lock sits beside it (`<name>.lock.json`). */
  readonly statePath?: string | undefined;
  /** @default the real clock */
  readonly clock?: BackendClock | undefined;
  /**
   * Told once per acquisition when another live operation holds the lock and this one will wait
   * for it (`--lock-timeout`), so a waiting command says why it is quiet, as Terraform does.
   */
  readonly onLockWait?: ((holder: LockInfo, timeoutMs: number) => void) | undefined;
  /** Encryption at rest; @default plain text */
  readonly codec?: StateCodec | undefined;
}

/** The three files of a local state: the state, its backup and its lock. */
export interface LocalStatePaths {
  readonly state: string;
  readonly backup: string;
  readonly lock: string;
  /** The activity log, JSON lines. */
  readonly activity: string;
}

/** Paths of the local backend for these options (pure). */
export function localStatePaths(opts: LocalBackendOptions): LocalStatePaths {
  const state = opts.statePath ?? join(opts.dir, '.leasehold', `${opts.stack}.state.json`);
  const lock = state.replace(/(\.state)?\.json$/, '') + '.lock.json';
  const activity = state.replace(/(\.state)?\.json$/, '') + '.activity.jsonl';
  return { state, backup: `${state}.backup`, lock, activity };
}

/**
 * The default StateBackend: a JSON file beside the spec, written atomically with the previous
 * state kept as `.backup`, and a `wx`-created lock file holding LockInfo (Terraform's local backend).
 */
export function createLocalBackend(opts: LocalBackendOptions): StateBackend {
  const paths = localStatePaths(opts);
  const clock = opts.clock ?? systemClock;
  const codec = opts.codec ?? createStateCodec({ keys: null });
  return {
    kind: 'local',
    location: paths.state,
    read: () => readLocalState(paths.state, opts.stack, codec),
    write: (state) => writeLocalState(paths, opts.stack, state, codec),
    acquireLock: (info, timeoutMs) =>
      acquireLocalLock({ paths, clock, timeoutMs, info: { ...info }, onWait: opts.onLockWait }),
    releaseLock: async (id) => {
      const held = await readLockFile(paths.lock);
      // Only our own lock: after a force-unlock another process may hold it legitimately.
      if (held?.id === id) await removeLockFile(paths.lock);
    },
    forceUnlock: async (id) => {
      const held = await readLockFile(paths.lock);
      if (held === null || held.id !== id)
        throw new StateLockMismatchError({ path: paths.lock, given: id, current: held });
      await removeLockFile(paths.lock);
    },
    readLock: () => readLockFile(paths.lock),
    history: () => localHistory(paths, opts.stack, codec),
    readVersion: async (serial) => {
      for (const file of [paths.state, paths.backup]) {
        const st = await readLocalState(file, opts.stack, codec);
        if (st?.serial === serial) return st;
      }
      return null;
    },
    appendActivity: (entry) => appendActivityLine(paths.activity, entry),
    readActivity: (filter) => readActivityLines(paths.activity, filter),
    close: async () => undefined,
  };
}

async function readLocalState(
  file: string,
  stack: string,
  codec: StateCodec,
): Promise<StackState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) return null;
    throw err;
  }
  return codec.decode(text, { where: file, stack });
}

async function writeLocalState(
  paths: LocalStatePaths,
  stack: string,
  state: StackState,
  codec: StateCodec,
): Promise<void> {
  if (state.stack !== stack)
    throw new StateWrongStackError({ file: paths.state, expected: stack, found: state.stack });
  const { text } = codec.encode(state);
  await writeFileAtomic(paths.state, text, { backupPath: paths.backup });
}

interface AcquireOptions {
  readonly paths: LocalStatePaths;
  readonly clock: BackendClock;
  readonly timeoutMs: number;
  readonly info: Omit<LockInfo, 'id' | 'created' | 'path'>;
  readonly onWait?: ((holder: LockInfo, timeoutMs: number) => void) | undefined;
}

async function acquireLocalLock(opts: AcquireOptions): Promise<LockInfo> {
  const { clock, paths } = opts;
  const start = clock.now();
  for (let attempt = 0; ; attempt++) {
    const lock: LockInfo = {
      id: randomUUID(),
      operation: opts.info.operation,
      who: opts.info.who,
      version: opts.info.version,
      created: new Date(clock.now()).toISOString(),
      path: paths.state,
    };
    const tried = await tryLockFile(paths.lock, lock);
    if (tried.acquired) return lock;
    const { holder } = tried;
    const waited = clock.now() - start;
    if (waited >= opts.timeoutMs)
      throw new StateLockedError({ holder, waitedMs: waited, stale: isLockHolderGone(holder.who) });
    if (attempt === 0) opts.onWait?.(holder, opts.timeoutMs);
    await clock.sleep(Math.min(lockBackoffMs(attempt), opts.timeoutMs - waited));
  }
}
