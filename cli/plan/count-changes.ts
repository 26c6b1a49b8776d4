import type { Action, Change } from './plan-types.js';

/** Terraform's summary counts: a replacement adds one and destroys one. */
export interface ChangeCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

/** True for the two replacement actions (`-/+` and `+/-`). */
export function isReplace(action: Action): boolean {
  return action === 'delete-then-create' || action === 'create-then-delete';
}

/** Counts changes the way "Plan: N to add, N to change, N to destroy." reads them. */
export function countChanges(changes: readonly Change[]): ChangeCounts {
  let add = 0;
  let change = 0;
  let destroy = 0;
  for (const c of changes) {
    if (c.action === 'create') add++;
    else if (c.action === 'update') change++;
    else if (c.action === 'delete') destroy++;
    else if (isReplace(c.action)) {
      add++;
      destroy++;
    }
  }
  return { add, change, destroy };
}
