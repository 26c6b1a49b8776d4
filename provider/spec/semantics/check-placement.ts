import { errorDiag, warningDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import { formatPath } from '../spec-path.js';
import type { SpecPath } from '../spec-path.js';
import type { InstanceSpec, PlacementSpec } from '../spec-types.js';

/** A provider both allowed and denied: the intent is unclear, so neither list is guessed at. */
export function checkConflictingPlacement(
  placement: PlacementSpec | undefined,
  at: SpecPath,
): Diagnostic[] {
  const allow = new Set((placement?.providers?.allow ?? []).map((a) => a.toLowerCase()));
  const out: Diagnostic[] = [];
  (placement?.providers?.deny ?? []).forEach((addr, i) => {
    if (!allow.has(addr.toLowerCase())) return;
    out.push(
      errorDiag({
        code: 'spec/conflicting-placement',
        summary: 'Provider both allowed and denied',
        detail: `Provider ${addr} is in both \`allow\` and \`deny\`.`,
        hint: 'Remove it from one of the two lists.',
        path: formatPath([...at, 'providers', 'deny', i]),
      }),
    );
  });
  return out;
}

/** `spread` over providers or regions does nothing for an instance that never has two replicas. */
export function checkSpread(name: string, inst: InstanceSpec): Diagnostic[] {
  const spread = inst.placement?.spread;
  if (spread !== 'provider' && spread !== 'region') return [];
  const most = Math.max(inst.count ?? 1, inst.autoscaling?.max ?? 1);
  if (most > 1) return [];
  return [
    warningDiag({
      code: 'spec/spread-without-replicas',
      summary: 'Spread has no effect on a single replica',
      detail: `Instance \`${name}\` spreads by ${spread} but runs one replica.`,
      hint: 'Raise `count` (or autoscaling `max`) above 1, or remove `spread`.',
      path: formatPath(['instances', name, 'placement', 'spread']),
    }),
  ];
}

/**
 * Fizz orders are paid in SPON: the SDK refuses any other token and the Bid contract reverts
 * `TokenNotAccepted()`, so the spec says so before any transaction.
 */
export function checkFizzToken(
  name: string,
  inst: InstanceSpec,
  defaults: { readonly mode?: string | undefined; readonly token?: string | undefined },
): Diagnostic[] {
  const mode = inst.placement?.mode ?? defaults.mode;
  const token = inst.pricing?.token ?? defaults.token;
  if (mode !== 'fizz' || token === undefined || token === 'SPON') return [];
  return [
    errorDiag({
      code: 'spec/fizz-requires-spon',
      summary: 'Fizz mode is paid in SPON',
      detail: `Instance \`${name}\` runs in fizz mode but pays in ${token}; fizz nodes accept only SPON.`,
      hint: 'Set `pricing.token: SPON`, or use `placement.mode: provider`.',
      path: formatPath(
        inst.pricing?.token !== undefined
          ? ['instances', name, 'pricing', 'token']
          : inst.placement?.mode !== undefined
            ? ['instances', name, 'placement', 'mode']
            : ['instances', name],
      ),
    }),
  ];
}
