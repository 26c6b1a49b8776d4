import { openStateBackend } from '../state/open-state-backend.js';
import type { OpenStateRequest } from '../state/open-state-backend.js';
import type { OutputState } from '../state/state-types.js';

/** Reads the stack's outputs from state, offline; null when the stack has no state. */
export async function runOutput(
  req: OpenStateRequest,
): Promise<Readonly<Record<string, OutputState>>> {
  const { backend } = await openStateBackend(req);
  return (await backend.read())?.outputs ?? {};
}
