import { errorDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import { listWords } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import { formatPath } from '../spec-path.js';
import type { StackSpec } from '../spec-types.js';

const RESOURCE_TYPES = ['instance', 'health_check', 'autoscaling_policy'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Attributes an output may read, per resource type; `endpoints` may be indexed. */
export const REFERENCE_ATTRIBUTES: Readonly<Record<ResourceType, readonly string[]>> = {
  instance: ['endpoints', 'leaseIds', 'count', 'image'],
  health_check: [
    'instance',
    'probe',
    'interval',
    'timeout',
    'healthyThreshold',
    'unhealthyThreshold',
    'gracePeriod',
    'onFailure',
    'maxReplacementsPerHour',
  ],
  autoscaling_policy: ['instance', 'min', 'max', 'metrics', 'scaleUp', 'scaleDown', 'cooldown'],
};

const isResourceType = (t: string): t is ResourceType =>
  (RESOURCE_TYPES as readonly string[]).includes(t);

/** Names of the resources of one type that the spec declares. */
function namesOf(spec: StackSpec, type: ResourceType): string[] {
  const all = Object.entries(spec.instances);
  if (type === 'instance') return all.map(([n]) => n);
  const field = type === 'health_check' ? 'health' : 'autoscaling';
  return all.filter(([, inst]) => inst[field] !== undefined).map(([n]) => n);
}

function attributeOk(type: ResourceType, attr: string): boolean {
  if (type === 'instance' && /^endpoints\[[0-9]+\]$/.test(attr)) return true;
  return REFERENCE_ATTRIBUTES[type].includes(attr);
}

type Problem = { detail: string; hint: string };

function unknownResource(
  spec: StackSpec,
  expr: string,
  type: ResourceType,
  name: string,
  names: readonly string[],
): Problem {
  const ref = `\`\${${expr}}\``;
  if (type !== 'instance' && name in spec.instances) {
    const field = type === 'health_check' ? 'health' : 'autoscaling';
    return {
      detail: `${ref} reads ${type} \`${name}\`, but instance \`${name}\` has no \`${field}\`.`,
      hint: `Add \`${field}\` to instance \`${name}\`, or refer to \`instance.${name}\`.`,
    };
  }
  const guess = didYouMean(name, names);
  const what =
    type === 'instance'
      ? 'instance'
      : `instance with \`${type === 'health_check' ? 'health' : 'autoscaling'}\``;
  return {
    detail: `${ref} names ${type} \`${name}\`, but the spec declares no ${what} named \`${name}\`.`,
    hint: guess
      ? `Did you mean \`${guess}\`?`
      : names.length > 0
        ? `Refer to one of ${listWords(names)}.`
        : `Declare \`${name}\` first.`,
  };
}

/** Explains what is wrong with one `${…}` expression, or undefined when it is a valid reference. */
function problemWith(spec: StackSpec, expr: string): Problem | undefined {
  const [type = '', name = '', ...rest] = expr.split('.');
  const attr = rest.join('.');
  if (!isResourceType(type)) {
    const guess = didYouMean(type, RESOURCE_TYPES);
    return {
      detail: `\`\${${expr}}\` refers to \`${type}\`, which is not a resource type (${listWords(RESOURCE_TYPES)}).`,
      hint: guess
        ? `Did you mean \`${guess}\`?`
        : 'Write references as `${instance.<name>.<attribute>}`.',
    };
  }
  const names = namesOf(spec, type);
  if (!names.includes(name)) return unknownResource(spec, expr, type, name, names);
  if (attributeOk(type, attr)) return undefined;
  const guess = didYouMean(attr.replace(/\[.*$/, ''), REFERENCE_ATTRIBUTES[type]);
  return {
    detail: `\`\${${expr}}\` reads \`${attr}\`, which is not an attribute of ${type} (${listWords(REFERENCE_ATTRIBUTES[type], 'and')}).`,
    hint: guess
      ? `Did you mean \`${guess}\`?`
      : `Read one of ${listWords(REFERENCE_ATTRIBUTES[type])}.`,
  };
}

/** Every `${type.name.attribute}` in an output must name a declared resource and a known attribute. */
export function checkOutputs(spec: StackSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [outName, output] of Object.entries(spec.outputs ?? {})) {
    const value = output.value;
    const exprs = [...value.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    const unclosed = value.replace(/\$\{[^}]*\}/g, '').includes('${');
    const problems = exprs.flatMap((e) => problemWith(spec, e.trim()) ?? []);
    if (unclosed)
      problems.push({
        detail: `The value has a \`\${\` without its closing \`}\`.`,
        hint: 'Close the reference with `}`.',
      });
    for (const p of problems) {
      out.push(
        errorDiag({
          code: 'spec/unknown-reference',
          summary: 'Unknown reference',
          ...p,
          path: formatPath(['outputs', outName, 'value']),
        }),
      );
    }
  }
  return out;
}
