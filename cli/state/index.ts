// cli/state: the state of a stack — its on-disk form, the local backend (atomic writes, backup,
// lock file) and the single writer apply uses. Core only: must not import provider/ or ethers.
export { emptyState } from './empty-state.js';
export type { EmptyStateOptions } from './empty-state.js';
export { createLocalBackend, localStatePaths } from './local-backend.js';
export type { BackendClock, LocalBackendOptions, LocalStatePaths } from './local-backend.js';
export { isLockHolderGone, lockBackoffMs, lockWho, parseLockWho } from './lock-holder.js';
export { nextSerial } from './next-serial.js';
export { tryLockFile } from './try-lock-file.js';
export type { TryLockFileResult } from './try-lock-file.js';
export { parseState } from './parse-state.js';
export type { ParseStateOptions } from './parse-state.js';
export {
  StateAddressNotFoundError,
  StateConflictError,
  StateCorruptError,
  StateLockedError,
  StateLockMismatchError,
  StateVersionError,
  StateWrongStackError,
} from './state-errors.js';
export type {
  JournalEntry,
  LeaseRecord,
  LockInfo,
  OutputState,
  ResourceState,
  SlotStatus,
  StackState,
  StateBackend,
  StateVersion,
  ActivityEntry,
  ActivityFilter,
  LeaderAttempt,
} from './state-types.js';
export { resolveBackendConfig } from './backend-config.js';
export type { BackendConfig, ResolveBackendInput, SpecBackend } from './backend-config.js';
export { createStateBackend } from './create-state-backend.js';
export type { CreateStateBackendOptions } from './create-state-backend.js';
export { createStateCodec } from './crypto/state-codec.js';
export type { StateCodec, StateCodecOptions } from './crypto/state-codec.js';
export { readStateKeys } from './crypto/state-keys.js';
export type { StateKeys } from './crypto/state-keys.js';
export { logActivity, touches } from './activity.js';
export type { ActivityInput } from './activity.js';
export { activityWho } from './activity-who.js';
export { migrateState, pushState } from './state-transfer.js';
export type { MigrateStateResult } from './state-transfer.js';
export { summarizeStateChange } from './summarize-state-change.js';
export { validateStateSchema, stateSchemaPath } from './validate-state-schema.js';
export type { StateSchemaProblem } from './validate-state-schema.js';
export { writeFileAtomic } from './write-file-atomic.js';
export type { WriteFileAtomicOptions } from './write-file-atomic.js';
export { openStateBackend } from './open-state-backend.js';
export type { OpenStateRequest, OpenStateResult } from './open-state-backend.js';
export { renderStateList, renderStateShow, toStateShowView } from './render-state.js';
export type { StateShowView } from './render-state.js';
export { rmStateAddress } from './rm-state-address.js';
export { newSecretSalt, secretHmac, secretHmacs, withoutSecretHmacs } from './secret-hmac.js';
export type { SecretHmacInput } from './secret-hmac.js';
export type { RmStateAddressRequest, RmStateAddressResult } from './rm-state-address.js';
export {
  findStateAddress,
  listStateAddresses,
  parseStateAddress,
  removeStateAddress,
  slotAddress,
} from './state-address.js';
export type { StateAddress, StateAddressMatch, StateListEntry } from './state-address.js';
export { StateWriter } from './state-writer.js';
export type { StateMutation, StateWriterOptions } from './state-writer.js';
export { withStateLock } from './with-state-lock.js';
export type { StateLockOptions } from './with-state-lock.js';
