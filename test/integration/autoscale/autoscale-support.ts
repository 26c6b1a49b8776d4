// Shared pieces of the autoscale integration suites: a stack on disk applied through the real
// engine, a controller whose cycles are driven one at a time (same session and state lock as the
// command), and a plain-HTTP load generator spread over the instance's endpoints.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AutoscaleDecisionEvent } from '../../../cli/provider-api.js';
import { DEFAULT_APPLY_TIMEOUTS } from '../../../cli/engine/apply-plan.js';
import { applyStack } from '../../../cli/engine/apply-stack.js';
import type { ApplyStackResult } from '../../../cli/engine/apply-stack.js';
import { runAutoscaleCycle } from '../../../cli/engine/autoscale-cycle.js';
import { autoscalePaths } from '../../../cli/engine/autoscale-history.js';
import { openStack } from '../../../cli/engine/open-stack.js';
import type { OpenStack } from '../../../cli/engine/open-stack.js';

/** Timeouts short enough for tests, long enough for the devnet. */
export const TIMEOUTS = {
  ...DEFAULT_APPLY_TIMEOUTS,
  matchMs: 30_000,
  manifestMs: 20_000,
  readyMs: 30_000,
};

/** Writes `yaml` as `<dir>/<name>.yaml` and opens it with a signing session. */
export async function openSpec(dir: string, name: string, yaml: string): Promise<OpenStack> {
  writeFileSync(join(dir, `${name}.yaml`), yaml);
  return openStack({
    file: `${name}.yaml`,
    signer: 'sign',
    cwd: dir,
    env: process.env,
    log: () => undefined,
  });
}

/** `apply --auto-approve` of the open stack. */
export function applyNow(stack: OpenStack): Promise<ApplyStackResult> {
  return applyStack({
    session: stack.session,
    backend: stack.backend,
    model: stack.model,
    planFile: null,
    mode: 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: true,
    lockTimeoutMs: 30_000,
    version: 'test',
    parallelism: 4,
    env: process.env,
    signal: new AbortController().signal,
    emit: () => undefined,
    timeouts: TIMEOUTS,
    now: () => new Date(),
    confirm: () => Promise.resolve(true),
  });
}

/** One controller cycle over the open stack; returns its decision events. */
export async function cycle(stack: OpenStack): Promise<readonly AutoscaleDecisionEvent[]> {
  const res = await runAutoscaleCycle({
    session: stack.session,
    backend: stack.backend,
    model: stack.model,
    historyPath: autoscalePaths(stack.backend.location, stack.model.stack).history,
    version: 'test',
    lockTimeoutMs: 30_000,
    parallelism: 4,
    env: process.env,
    signal: new AbortController().signal,
    emit: () => undefined,
    timeouts: TIMEOUTS,
    now: () => new Date(),
  });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return res.events;
}

/** Endpoints of an instance as the state last recorded them. */
export async function endpointsOf(stack: OpenStack, address: string): Promise<string[]> {
  const state = await stack.backend.read();
  const r = state?.resources.find((x) => x.address === address);
  return (r?.leases ?? []).filter((l) => l.status === 'ready').flatMap((l) => [...l.endpoints]);
}

/** Plain HTTP load at `rps` requests per second, round-robin over what `targets()` returns. */
export function startLoad(
  rps: number,
  targets: () => Promise<string[]>,
): { stop: () => Promise<void> } {
  let stopped = false;
  let list: string[] = [];
  let i = 0;
  const refresh = setInterval(() => {
    void targets().then((t) => (list = t));
  }, 500);
  void targets().then((t) => (list = t));
  const tick = 50;
  const perTick = rps / (1000 / tick);
  let owed = 0;
  const timer = setInterval(() => {
    if (stopped || list.length === 0) return;
    owed += perTick;
    for (; owed >= 1; owed -= 1) {
      const url = list[i++ % list.length] ?? '';
      void fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.text())
        .catch(() => undefined);
    }
  }, tick);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(refresh);
      await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/** Waits `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
