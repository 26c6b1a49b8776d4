import type { LoadStackRequest, LoadStackResponse } from '../../cli/provider-api.js';

/** STUB (owned by the spec pipeline work): reads a YAML spec or a CDK app into the model. */
export async function loadStack(req: LoadStackRequest): Promise<LoadStackResponse> {
  throw new Error(`loadStack not implemented (${req.cwd})`);
}
