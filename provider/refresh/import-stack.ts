import type { RefreshResponse } from '../../cli/provider-api.js';
import { refreshStack } from './refresh-stack.js';
import type { RefreshStackInput } from './refresh-stack.js';

/** Options of {@link importStack}: those of refresh, without a prior state. */
export type ImportStackInput = Omit<RefreshStackInput, 'prior'>;

/**
 * Rebuilds a stack's state from the chain alone (`leasehold import`): a refresh from an empty
 * state with a fresh lineage, so every live lease tagged for the stack is adopted at the address
 * its tag names, with the attributes its order tells.
 */
export function importStack(input: ImportStackInput): Promise<RefreshResponse> {
  return refreshStack({ ...input, prior: null });
}
