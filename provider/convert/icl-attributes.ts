import type { PlacementSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import type { ConvertContext } from './convert-context.js';
import { splitList } from './split-list.js';
import { isYamlMap, scalarText } from './yaml-values.js';

/**
 * ICL placement attributes the SDK sends (v1 `profiles.placement.<p>.attributes`, v2
 * `deployment.attributes`) that the spec cannot hold yet. Each gets its own warning naming the
 * field, never a silent drop.
 */
const NOT_YET = new Set([
  'region_exclude',
  'desired_fizz',
  'fizz_exclude',
  'cpu_model',
  'bandwidth',
  'req_vram',
  'download_speed',
  'upload_speed',
]);
const READ = new Set(['region', 'desired_provider', 'provider_exclude']);

/**
 * ICL attributes → spec placement: `;`-separated `region` → regions, `desired_provider` →
 * providers.allow, `provider_exclude` → providers.deny.
 */
export function iclAttributesToPlacement(
  attrs: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): PlacementSpec | undefined {
  if (!isYamlMap(attrs)) return undefined;
  for (const key of Object.keys(attrs)) {
    if (READ.has(key)) continue;
    if (NOT_YET.has(key)) warnIclFieldNotSupported(key, [...at, key], ctx);
    else ctx.warnUnknownKeys({ [key]: attrs[key] }, READ, at, 'placement attribute');
  }
  const regions = splitList(scalarText(attrs['region']));
  const allow = splitList(attrs['desired_provider']);
  const deny = splitList(attrs['provider_exclude']);
  const providers = {
    ...(allow.length > 0 ? { allow } : {}),
    ...(deny.length > 0 ? { deny } : {}),
  };
  return {
    ...(regions.length > 0 ? { regions } : {}),
    ...(Object.keys(providers).length > 0 ? { providers } : {}),
  };
}

/** An ICL field Spheron honours but the Leasehold spec has no field for yet. */
export function warnIclFieldNotSupported(field: string, at: SpecPath, ctx: ConvertContext): void {
  ctx.warn({
    code: 'convert/icl-field-not-supported',
    summary: 'ICL field is not supported yet',
    detail: `ICL field \`${field}\` is not supported yet: the Leasehold spec has no field for it, so it was not carried over and the order will not carry it.`,
    hint: 'Check that the stack works without it; placement by region, tier and provider is carried over.',
    at,
  });
}
