import { nextSerial } from './next-serial.js';
import { listStateAddresses, removeStateAddress } from './state-address.js';
import { StateAddressNotFoundError } from './state-errors.js';
import type { StateBackend } from './state-types.js';
import { withStateLock } from './with-state-lock.js';

/** `state rm`: what to remove and how to lock. */
export interface RmStateAddressRequest {
  readonly backend: StateBackend;
  readonly address: string;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
}

/** What `state rm` did: the addresses it forgot, the new serial and where the backup is. */
export interface RmStateAddressResult {
  readonly address: string;
  readonly removed: readonly string[];
  readonly serial: number;
  readonly location: string;
  readonly backup: string;
}

/**
 * Forgets a resource or slot in the state, under the lock, with a bumped serial and the previous
 * state kept as a backup. It never touches the chain: the leases run on until closed elsewhere,
 * and `refresh` will adopt them again (they still carry this stack's tag).
 */
export async function rmStateAddress(req: RmStateAddressRequest): Promise<RmStateAddressResult> {
  const { backend } = req;
  const lockOpts = {
    backend,
    lock: req.lock,
    timeoutMs: req.lockTimeoutMs,
    operation: 'state rm',
    version: req.version,
  };
  return withStateLock(lockOpts, async () => {
    const state = await backend.read();
    const known = state === null ? [] : listStateAddresses(state).map((e) => e.address);
    const next = state === null ? null : removeStateAddress(state, req.address);
    if (state === null || next === null)
      throw new StateAddressNotFoundError({ address: req.address, known });
    const left = new Set(listStateAddresses(next).map((e) => e.address));
    const serial = nextSerial(state);
    await backend.write({ ...next, serial });
    return {
      address: req.address,
      removed: known.filter((a) => !left.has(a)),
      serial,
      location: backend.location,
      backup: `${backend.location}.backup`,
    };
  });
}
