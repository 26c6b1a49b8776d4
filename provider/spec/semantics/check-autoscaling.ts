import { errorDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import { formatPath } from '../spec-path.js';
import type { InstanceSpec } from '../spec-types.js';

/** `min ≤ max`, and an explicit `count` inside `[min, max]`. */
export function checkAutoscalingRange(name: string, inst: InstanceSpec): Diagnostic[] {
  const a = inst.autoscaling;
  if (a === undefined) return [];
  const base = ['instances', name];
  if (a.min > a.max) {
    return [
      errorDiag({
        code: 'spec/autoscaling-range',
        summary: 'Autoscaling minimum above maximum',
        detail: `Instance \`${name}\` scales between min ${a.min} and max ${a.max}; min must not exceed max.`,
        hint: `Raise \`max\` to at least ${a.min}, or lower \`min\`.`,
        path: formatPath([...base, 'autoscaling', 'min']),
      }),
    ];
  }
  if (inst.count === undefined || (inst.count >= a.min && inst.count <= a.max)) return [];
  return [
    errorDiag({
      code: 'spec/autoscaling-range',
      summary: 'Replica count outside the autoscaling range',
      detail: `Instance \`${name}\` has count ${inst.count}, outside its autoscaling range ${a.min}–${a.max}.`,
      hint: `Set \`count\` between ${a.min} and ${a.max}, or remove it to start at the minimum.`,
      path: formatPath([...base, 'count']),
    }),
  ];
}

/** Step limits must allow some change: a policy `value` of 0 or less would freeze scaling. */
export function checkScalingPolicies(name: string, inst: InstanceSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const dir of ['scaleUp', 'scaleDown'] as const) {
    (inst.autoscaling?.behavior?.[dir]?.policies ?? []).forEach((p, i) => {
      if (p.value > 0) return;
      out.push(
        errorDiag({
          code: 'spec/invalid-policy-value',
          summary: 'Scaling policy allows no change',
          detail: `Policy ${i} of \`${dir}\` on instance \`${name}\` has value ${p.value}; it must be above 0.`,
          hint: 'Use a positive value, or set `selectPolicy: Disabled` to turn this direction off.',
          path: formatPath([
            'instances',
            name,
            'autoscaling',
            'behavior',
            dir,
            'policies',
            i,
            'value',
          ]),
        }),
      );
    });
  }
  return out;
}
