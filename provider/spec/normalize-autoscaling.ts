import { canonicalJson } from './canonical-json.js';
import type { AutoscalingPolicyModel, MetricModel, ScalingRulesModel } from './model-types.js';
import { readUnit } from './normalize-context.js';
import type { NormalizeContext } from './normalize-context.js';
import type { AutoscalingSpec, MetricSpec, ScalingRulesSpec } from './spec-types.js';
import { parseDuration, unitFail, unitOk } from '../../common/units/index.js';

/**
 * Scaling behaviour when the spec leaves it out: Kubernetes HPA's defaults (autoscaling/v2), so
 * users get the behaviour they already know. Durations in milliseconds.
 */
export const BEHAVIOR_DEFAULTS: {
  readonly scaleUp: ScalingRulesModel;
  readonly scaleDown: ScalingRulesModel;
} = {
  scaleUp: {
    stabilizationWindow: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, period: 15_000 },
      { type: 'Replicas', value: 4, period: 15_000 },
    ],
  },
  scaleDown: {
    stabilizationWindow: 300_000,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, period: 15_000 }],
  },
};

/** Quiet time after any scaling change when `cooldown` is not set. */
export const DEFAULT_COOLDOWN = '30s';

/** `autoscaling_policy.<name>`: metrics (sorted: all are evaluated) and behaviour with defaults. */
export function normalizeAutoscaling(
  ctx: NormalizeContext,
  name: string,
  spec: AutoscalingSpec,
): AutoscalingPolicyModel {
  const base = ['instances', name, 'autoscaling'];
  const address = `autoscaling_policy.${name}`;
  const ms = (v: string | number, path: (string | number)[]): number =>
    readUnit(ctx, v, {
      parse: parseDuration,
      what: 'duration',
      path: [...base, ...path],
      fallback: 0,
      address,
    });
  const rules = (dir: 'scaleUp' | 'scaleDown'): ScalingRulesModel =>
    normalizeRules(spec.behavior?.[dir], BEHAVIOR_DEFAULTS[dir], (v, path) =>
      ms(v, ['behavior', dir, ...path]),
    );
  return {
    instance: `instance.${name}`,
    min: spec.min,
    max: spec.max,
    metrics: sortByCanonical(
      spec.metrics.map((m, i) =>
        normalizeMetric(m, (v) => whole(ctx, v, [...base, 'metrics', i, 'target'], address)),
      ),
    ),
    scaleUp: rules('scaleUp'),
    scaleDown: rules('scaleDown'),
    cooldown: ms(spec.cooldown ?? DEFAULT_COOLDOWN, ['cooldown']),
  };
}

function normalizeRules(
  spec: ScalingRulesSpec | undefined,
  defaults: ScalingRulesModel,
  ms: (v: string | number, path: (string | number)[]) => number,
): ScalingRulesModel {
  const policies =
    spec?.policies === undefined
      ? defaults.policies
      : spec.policies.map((p, i) => ({
          type: p.type,
          value: p.value,
          period: ms(p.period, ['policies', i, 'period']),
        }));
  return {
    stabilizationWindow:
      spec?.stabilizationWindow === undefined
        ? defaults.stabilizationWindow
        : ms(spec.stabilizationWindow, ['stabilizationWindow']),
    selectPolicy: spec?.selectPolicy ?? defaults.selectPolicy,
    // Max/Min picks across all policies, so their order carries no meaning.
    policies: sortByCanonical(policies),
  };
}

function normalizeMetric(m: MetricSpec, whole: (v: number) => number): MetricModel {
  switch (m.type) {
    case 'cpu':
      return { type: 'cpu', targetAverageUtilization: whole(m.target.averageUtilization) };
    case 'requestsPerSecond':
      return { type: 'requestsPerSecond', targetAverageValue: whole(m.target.averageValue) };
    case 'prometheus':
      return {
        type: 'prometheus',
        name: m.name,
        kind: m.kind ?? 'gauge',
        targetAverageValue: whole(m.target.averageValue),
      };
  }
}

/** Metric targets are whole numbers: the model holds integers only, so its hash never depends on float printing. */
function whole(
  ctx: NormalizeContext,
  v: number,
  path: (string | number)[],
  address: string,
): number {
  return readUnit(ctx, v, {
    parse: (x) =>
      typeof x === 'number' && Number.isSafeInteger(x) && x > 0
        ? unitOk(x)
        : unitFail('expected a whole number above zero, such as 70'),
    what: 'metric target',
    path,
    fallback: 0,
    forms: 'a whole number above zero, such as 70',
    address,
  });
}

function sortByCanonical<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: canonicalJson(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.item);
}
