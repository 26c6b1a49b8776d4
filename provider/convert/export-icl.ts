import { Document } from 'yaml';
import type { ConvertRequest, ConvertResponse } from '../../cli/provider-api.js';
import { LeaseholdError, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { encodeIcl } from '../icl/encode-icl.js';
import { encodeIcl2 } from '../icl/encode-icl2.js';
import { loadStackModel } from '../spec/load-stack.js';
import type { StackModel } from '../spec/model-types.js';

/**
 * `leasehold convert SPEC --to icl`: the stack as an ICL document (2.0 by default, 1.0 with
 * `iclVersion: 1`), in the SDK's spelling — its tier keys, a price per service covering every
 * replica. What ICL cannot hold (health checks, autoscaling, secrets' values, budget, outputs) is
 * listed in warnings. A model ICL cannot express (a tier set no SDK key names, instances that
 * differ where ICL has one setting) is an error diagnostic, never a silent widening.
 */
export async function exportIcl(req: ConvertRequest): Promise<ConvertResponse> {
  const loaded = await loadStackModel({ file: req.file, cwd: req.cwd });
  const model = loaded.model;
  if (model === null) return { yaml: null, sourceFormat: 'spec', diagnostics: loaded.diagnostics };
  const opts = { instance: req.instance };
  try {
    const doc = req.iclVersion === 1 ? encodeIcl(model, opts) : encodeIcl2(model, opts);
    const yaml = new Document(doc).toString({ lineWidth: 0 });
    return {
      yaml,
      sourceFormat: 'spec',
      diagnostics: [...loaded.diagnostics, ...leftOut(model, req.instance)],
    };
  } catch (err) {
    if (!(err instanceof LeaseholdError)) throw err;
    return { yaml: null, sourceFormat: 'spec', diagnostics: err.toDiagnostics() };
  }
}

/** One warning per part of the stack that ICL has no place for. */
function leftOut(model: StackModel, only: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const note = (what: string, path: string): void => {
    out.push(
      warningDiag({
        code: 'convert/not-in-icl',
        summary: 'Not expressible in ICL',
        detail: `${what} has no place in ICL and was left out of the export.`,
        hint: 'Keep the Leasehold spec as the source of truth; the ICL carries the workload only.',
        path,
      }),
    );
  };
  for (const r of model.resources) {
    if (only !== undefined && r.name !== only) continue;
    if (r.type !== 'instance') {
      note(`\`${r.address}\``, r.address);
      continue;
    }
    const inst = r.attributes;
    for (const s of inst.secrets)
      note(
        `The value of secret \`${s.name}\` (read from \`${s.fromEnv}\`)`,
        `${r.address}.secrets`,
      );
    if (inst.placement.spread !== 'none')
      note(`\`placement.spread: ${inst.placement.spread}\``, `${r.address}.placement.spread`);
    if (!inst.lifecycle.createBeforeDestroy || inst.lifecycle.preventDestroy)
      note('The `lifecycle` settings', `${r.address}.lifecycle`);
  }
  if (only === undefined && model.budget !== undefined) note('The stack `budget`', 'budget');
  if (only === undefined && model.outputs !== undefined) note('The stack `outputs`', 'outputs');
  return out;
}
