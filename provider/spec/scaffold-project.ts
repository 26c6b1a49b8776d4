import type { ScaffoldRequest, ScaffoldResponse } from '../../cli/provider-api.js';

/** STUB: writes a new stack project. */
export async function scaffoldProject(req: ScaffoldRequest): Promise<ScaffoldResponse> {
  throw new Error(`init not implemented (${req.dir})`);
}
