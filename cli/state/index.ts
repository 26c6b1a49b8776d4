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
} from './state-types.js';
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
