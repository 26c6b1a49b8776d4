/**
 * GPU models from spec attributes: the order's `vendor/<v>/model/<m>` keys, and a provider's
 * registered spec (`{n:..,r:..,a:[{k:vendor/nvidia/model/a100,v:true}]}`, or JSON with
 * `Attributes`). A provider spec that lists no GPU attribute advertises no GPU.
 */
import { fromCompactText } from '../../wire/compact-text.js';

const MODEL_KEY = /^vendor\/[^/]+\/model\/([^/]+)/;

/** Lowercase models named by `vendor/<v>/model/<m>` attribute keys. */
export function gpuModelsOf(attrs: readonly { readonly key: string }[]): string[] {
  return attrs
    .map((a) => MODEL_KEY.exec(a.key)?.[1])
    .filter((m): m is string => m !== undefined)
    .map((m) => m.toLowerCase());
}

/** The GPU models a provider's registered spec advertises; [] when it lists none or cannot be read. */
export function providerGpuModels(spec: string): string[] {
  return gpuModelsOf(attributesOf(spec).map((k) => ({ key: k })));
}

function attributesOf(spec: string): string[] {
  try {
    const v: unknown = JSON.parse(spec);
    const attrs =
      typeof v === 'object' && v !== null ? (v as { Attributes?: unknown }).Attributes : null;
    if (Array.isArray(attrs)) return attrs.map((a) => String((a as { Key?: unknown }).Key ?? ''));
  } catch {
    // Not JSON: the compact form.
  }
  try {
    const v = fromCompactText(spec);
    if (typeof v !== 'object' || Array.isArray(v)) return [];
    const a = v['a'];
    if (!Array.isArray(a)) return [];
    return a.flatMap((x) =>
      typeof x === 'object' && !Array.isArray(x) && typeof x['k'] === 'string' ? [x['k']] : [],
    );
  } catch {
    return [];
  }
}
