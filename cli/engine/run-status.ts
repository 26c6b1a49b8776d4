import type { Diagnostics } from '../diag/index.js';
import type { LeaseStatusView, OpenOrderView } from '../provider-api.js';
import { emptyState } from '../state/empty-state.js';
import type { StackState } from '../state/state-types.js';
import { openStack } from './open-stack.js';
import type { OpenStack, OpenStackRequest } from './open-stack.js';

/** `leasehold status` as typed options. */
export type RunStatusRequest = Omit<OpenStackRequest, 'signer'>;

/** Every lease of the stack as the chain and its provider report it now. */
export interface RunStatusResult {
  readonly stack: string;
  readonly leases: readonly LeaseStatusView[];
  /**
   * Open orders of the stack no slot owns: each may still match and start charging (Spheron
   * cannot cancel an order); the next refresh adopts a lease that matches.
   */
  readonly openOrders: readonly OpenOrderView[];
  readonly diagnostics: Diagnostics;
}

/** The stack's state as written (an empty one when it has none); status and logs only read it. */
export async function readStackState(stack: OpenStack): Promise<StackState> {
  return (
    (await stack.backend.read()) ??
    emptyState({ stack: stack.model.stack, network: stack.session.network, lineage: '' })
  );
}

/** Reads the state and asks the provider for each lease's live status (address-only wallet). */
export async function runStatus(req: RunStatusRequest): Promise<RunStatusResult> {
  const stack = await openStack({ ...req, signer: 'address' });
  try {
    const res = await stack.session.status({ state: await readStackState(stack) });
    return {
      stack: stack.model.stack,
      leases: res.leases,
      openOrders: res.openOrders ?? [],
      diagnostics: [...stack.warnings, ...res.diagnostics],
    };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}
