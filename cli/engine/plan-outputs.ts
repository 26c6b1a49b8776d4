import type { Action, Change, Plan } from '../plan/plan-types.js';
import type { ModelView } from '../provider-api.js';
import type { StackState } from '../state/state-types.js';

/** Inputs of the output diff. */
export interface PlanOutputsInput {
  /** Null under `--destroy`: every output goes. */
  readonly model: ModelView | null;
  readonly state: StackState;
  readonly changes: readonly Change[];
}

/**
 * Output changes by comparing the model's outputs with the state's: new → create, gone → delete,
 * both → update when its sensitivity changed or a resource it refers to changes, else no-op.
 */
export function planOutputs(input: PlanOutputsInput): Plan['outputs'] {
  const desired = input.model?.outputs ?? {};
  const prior = input.state.outputs;
  const changed = new Set(input.changes.filter((c) => c.action !== 'no-op').map((c) => c.resource));
  const out: Record<string, { action: Action; sensitive: boolean }> = {};
  for (const name of [...new Set([...Object.keys(desired), ...Object.keys(prior)])].sort()) {
    const d = desired[name];
    const p = prior[name];
    if (d === undefined && p !== undefined)
      out[name] = { action: 'delete', sensitive: p.sensitive };
    else if (d !== undefined && p === undefined)
      out[name] = { action: 'create', sensitive: d.sensitive };
    else if (d !== undefined && p !== undefined) {
      const update = d.sensitive !== p.sensitive || d.references.some((r) => changed.has(r));
      out[name] = { action: update ? 'update' : 'no-op', sensitive: d.sensitive };
    }
  }
  return out;
}
