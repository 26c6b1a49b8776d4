import type { StackState } from './state-types.js';

/**
 * The serial the next write of this state must carry: every write bumps it, so a saved plan made
 * at serial N is stale once anything has written N+1.
 */
export function nextSerial(state: StackState): number {
  return state.serial + 1;
}
