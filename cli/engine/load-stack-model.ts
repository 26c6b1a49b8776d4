import { DiagnosticsError, hasErrors, LeaseholdError, redact } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import type { ModelView } from '../provider-api.js';
import { loadProvider } from '../providers.js';

/** Where a stack's spec is: `-f FILE` or `--app`, relative to `cwd`. */
export interface LoadStackModelRequest {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly cwd: string;
}

/** A stack's model as its spec reads now. */
export interface LoadStackModelResult {
  readonly model: ModelView;
  /** The file the user named (the spec, or a CDK app's cdktf.json). */
  readonly file: string;
  /** Absolute directory of the stack: its state lives under `<dir>/.leasehold/`. */
  readonly dir: string;
  /** Warnings from loading (errors throw). */
  readonly warnings: Diagnostics;
}

/**
 * Reads the spec (YAML, or a CDK app synthesized) into the model; errors throw a
 * DiagnosticsError. `openStack` starts from it, and the controller calls it every cycle.
 */
export async function loadStackModel(req: LoadStackModelRequest): Promise<LoadStackModelResult> {
  const provider = await loadProvider();
  const loaded = await provider.loadStack({ file: req.file, app: req.app, cwd: req.cwd });
  if (hasErrors(loaded.diagnostics) || loaded.model === null)
    throw new DiagnosticsError(loaded.diagnostics);
  return { model: loaded.model, file: loaded.file, dir: loaded.dir, warnings: loaded.diagnostics };
}

/**
 * The controller's per-cycle read of `stack`'s spec. A spec that no longer loads, or that names
 * another stack, throws `autoscale/spec-unusable` (the cycle fails; nothing changes until fixed).
 */
export async function reloadStackModel(
  req: LoadStackModelRequest,
  stack: string,
): Promise<ModelView> {
  let loaded: ModelView;
  try {
    ({ model: loaded } = await loadStackModel(req));
  } catch (err) {
    if (!(err instanceof DiagnosticsError)) throw err;
    const first = err.toDiagnostics().find((d) => d.severity === 'error');
    const where = first?.source === undefined ? '' : ` (${first.source.file}:${first.source.line})`;
    const what = `The spec no longer loads: ${first?.summary ?? 'it has errors'}${where}.`;
    throw specUnusable(first?.detail === undefined ? what : `${what} ${first.detail}`);
  }
  if (loaded.stack !== stack)
    throw specUnusable(
      `The spec now names stack ${loaded.stack}, but this controller leads stack ${stack}.`,
    );
  return loaded;
}

function specUnusable(detail: string): LeaseholdError {
  return new LeaseholdError({
    code: 'autoscale/spec-unusable',
    summary: 'Spec cannot be used this cycle',
    detail: `${redact(detail)} The controller changes nothing until the spec loads as this stack again; the leases keep running as last applied.`,
    hint: 'Fix the spec (`leasehold validate`), or restart the controller for another stack.',
  });
}
