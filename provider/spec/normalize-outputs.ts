import type { OutputModel } from './model-types.js';
import { sortedUnique } from './normalize-resources.js';
import type { OutputSpec } from './spec-types.js';

const REFERENCE = /\$\{\s*([a-z_]+)\.([A-Za-z0-9_-]+)[^}]*\}/g;

/** Outputs with the resource addresses their `${…}` references name, sorted. */
export function normalizeOutputs(
  outputs: Readonly<Record<string, OutputSpec>> | undefined,
): Record<string, OutputModel> {
  const out: Record<string, OutputModel> = {};
  for (const name of sortedUnique(Object.keys(outputs ?? {}))) {
    const o = outputs?.[name];
    if (o === undefined) continue;
    out[name] = {
      value: o.value,
      references: extractReferences(o.value),
      description: o.description ?? null,
      sensitive: o.sensitive ?? false,
    };
  }
  return out;
}

/** `"${instance.web.endpoints[0]}"` → `["instance.web"]`. */
export function extractReferences(value: string): string[] {
  return sortedUnique([...value.matchAll(REFERENCE)].map((m) => `${m[1]}.${m[2]}`));
}
