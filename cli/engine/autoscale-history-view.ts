import { resolve } from 'node:path';
import type { AutoscaleDecisionEvent } from '../provider-api.js';
import { createLocalBackend } from '../state/local-backend.js';
import { loadProvider } from '../providers.js';
import { DiagnosticsError, hasErrors } from '../diag/index.js';
import { autoscalePaths, readAutoscaleHistory } from './autoscale-history.js';

/** `leasehold autoscale history` as typed options. */
export interface ReadAutoscaleHistoryRequest {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly statePath?: string | undefined;
  readonly backendConfig?: readonly string[] | undefined;
  readonly cwd: string;
  /** The most recent N decisions. */
  readonly limit: number;
}

/** The recent decisions of a stack, oldest first. */
export interface AutoscaleHistoryResult {
  readonly stack: string;
  readonly decisions: readonly AutoscaleDecisionEvent[];
}

/** Loads the stack (no network) and reads its autoscale history file. */
export async function readAutoscaleHistoryView(
  req: ReadAutoscaleHistoryRequest,
): Promise<AutoscaleHistoryResult> {
  const provider = await loadProvider();
  const loaded = await provider.loadStack({ file: req.file, app: req.app, cwd: req.cwd });
  if (hasErrors(loaded.diagnostics) || loaded.model === null)
    throw new DiagnosticsError(loaded.diagnostics);
  const stack = loaded.model.stack;
  const backend = createLocalBackend({
    dir: loaded.dir,
    stack,
    statePath: req.statePath === undefined ? undefined : resolve(req.cwd, req.statePath),
  });
  const history = await readAutoscaleHistory(
    autoscalePaths(backend.location, stack).history,
    stack,
  );
  return { stack, decisions: history.decisions.slice(-Math.max(1, req.limit)) };
}
