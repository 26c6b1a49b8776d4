import type { ModelView } from '../provider-api.js';
import type { OutputState, ResourceState, StackState } from '../state/state-types.js';

const REFERENCE = /\$\{\s*([a-z_]+)\.([A-Za-z0-9_-]+)\.([^}\s]+)\s*\}/g;

/**
 * The stack's outputs resolved from state after apply: each `${type.name.attr}` in an output's
 * value reads the resource's leases (`endpoints`, `endpoints[N]`, `leaseIds`, `count`) or its
 * applied attributes. An output that refers to something the state does not hold is null.
 */
export function resolveOutputs(
  model: ModelView | null,
  state: StackState,
): Record<string, OutputState> {
  const out: Record<string, OutputState> = {};
  for (const [name, o] of Object.entries(model?.outputs ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    out[name] = { value: resolveValue(o.value ?? null, state), sensitive: o.sensitive };
  }
  return out;
}

function resolveValue(expression: string | null, state: StackState): string | null {
  if (expression === null) return null;
  let missing = false;
  const value = expression.replace(REFERENCE, (_m, type: string, name: string, attr: string) => {
    const resource = state.resources.find((r) => r.address === `${type}.${name}`);
    const v = resource === undefined ? undefined : readAttribute(resource, attr);
    if (v === undefined || v === null) {
      missing = true;
      return '';
    }
    return toText(v);
  });
  return missing ? null : value;
}

/** The first record of each key: the lease that serves the slot (a replacement's old one follows). */
function primaries(resource: ResourceState): ResourceState['leases'] {
  const seen = new Set<string>();
  return resource.leases.filter((l) => (seen.has(l.key) ? false : (seen.add(l.key), true)));
}

function readAttribute(resource: ResourceState, attr: string): unknown {
  const leases = primaries(resource);
  const indexed = /^endpoints\[(\d+)\]$/.exec(attr);
  if (indexed !== null) return leases.flatMap((l) => l.endpoints)[Number(indexed[1])];
  if (attr === 'endpoints') return leases.flatMap((l) => l.endpoints);
  if (attr === 'leaseIds') return leases.flatMap((l) => (l.leaseId === null ? [] : [l.leaseId]));
  if (attr === 'count') return leases.length;
  let v: unknown = resource.attributes;
  for (const part of attr.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(',');
  return JSON.stringify(v);
}
