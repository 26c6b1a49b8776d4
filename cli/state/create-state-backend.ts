import type { Clock } from '../../common/index.js';
import { activityWho } from './activity-who.js';
import type { BackendConfig } from './backend-config.js';
import { createStateCodec } from './crypto/state-codec.js';
import { readStateKeys } from './crypto/state-keys.js';
import { createLocalBackend } from './local-backend.js';
import type { LockInfo, StateBackend } from './state-types.js';

/** Everything a backend needs, whatever its type. */
export interface CreateStateBackendOptions {
  readonly config: BackendConfig;
  /** Directory of the spec (local state goes beside it). */
  readonly dir: string;
  readonly stack: string;
  /** `--state PATH` (local only). */
  readonly statePath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onLockWait?: ((holder: LockInfo, timeoutMs: number) => void) | undefined;
  /** `state decrypt`: write plain text. */
  readonly writePlain?: boolean | undefined;
  readonly clock?: Clock | undefined;
}

/**
 * The backend for a stack: local (the file beside the spec) or pg, whose code and driver load
 * only here, on first use. Both encode through the same codec, so encryption at rest
 * (LEASEHOLD_STATE_PASSPHRASE) applies to either.
 */
export async function createStateBackend(opts: CreateStateBackendOptions): Promise<StateBackend> {
  const codec = createStateCodec({ keys: readStateKeys(opts.env), writePlain: opts.writePlain });
  if (opts.config.type === 'local')
    return createLocalBackend({
      dir: opts.dir,
      stack: opts.stack,
      statePath: opts.statePath,
      onLockWait: opts.onLockWait,
      clock: opts.clock,
      codec,
    });
  const [{ createPgBackend }, { pgTargetFromEnv }] = await Promise.all([
    import('./pg/pg-backend.js'),
    import('./pg/pg-target.js'),
  ]);
  return createPgBackend({
    target: pgTargetFromEnv(opts.env),
    stack: opts.stack,
    schema: opts.config.schema,
    keep: opts.config.keep,
    codec,
    writer: activityWho(opts.env),
    onLockWait: opts.onLockWait,
    clock: opts.clock,
  });
}
