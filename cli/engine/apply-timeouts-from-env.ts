import { DiagnosticsError, errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { parseDurationFlag } from '../flags-duration.js';
import type { ApplyTimeouts } from './apply-plan.js';

// Tests and impatient CI jobs shorten the waits without a flag per timeout; unset keeps the
// decision-1 defaults.
const VARS = {
  matchMs: 'LEASEHOLD_APPLY_MATCH_TIMEOUT',
  manifestMs: 'LEASEHOLD_APPLY_MANIFEST_TIMEOUT',
  readyMs: 'LEASEHOLD_APPLY_READY_TIMEOUT',
  pendingMs: 'LEASEHOLD_APPLY_PENDING_TIMEOUT',
} as const satisfies Record<keyof ApplyTimeouts, string>;

/**
 * The apply timeouts set in the environment (`LEASEHOLD_APPLY_MATCH_TIMEOUT=10s`, …); throws a
 * DiagnosticsError (`apply/invalid-timeout`) naming each variable that is not a positive duration.
 * @example applyTimeoutsFromEnv({ LEASEHOLD_APPLY_MATCH_TIMEOUT: '5s' }) // { matchMs: 5000 }
 */
export function applyTimeoutsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Partial<ApplyTimeouts> {
  const out: { -readonly [K in keyof ApplyTimeouts]?: number } = {};
  const problems: Diagnostic[] = [];
  for (const [key, name] of Object.entries(VARS) as [keyof ApplyTimeouts, string][]) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    let ms = 0;
    try {
      ms = parseDurationFlag(text);
    } catch {
      ms = 0;
    }
    if (ms > 0) out[key] = ms;
    else problems.push(invalidTimeout(name, text));
  }
  if (problems.length > 0) throw new DiagnosticsError(problems);
  return out;
}

function invalidTimeout(name: string, text: string): Diagnostic {
  return errorDiag({
    code: 'apply/invalid-timeout',
    summary: 'Apply timeout in the environment is not a duration',
    detail: `${name}="${text}": expected a positive whole number with ms, s or m (e.g. 30s). Nothing was sent.`,
    hint: `Set ${name} to a duration like 30s or 2m, or unset it for the default.`,
  });
}
