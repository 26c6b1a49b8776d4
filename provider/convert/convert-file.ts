import type { ConvertRequest, ConvertResponse } from '../../cli/provider-api.js';

/** STUB (owned by the conversion work): converts an ICL or SDL file into a Leasehold spec. */
export async function convertFile(req: ConvertRequest): Promise<ConvertResponse> {
  throw new Error(`convert not implemented (${req.file})`);
}
