import type { StackSpec } from '../spec/spec-types.js';
import { buildInstances } from './build-instances.js';
import { ConvertContext, invalidValue } from './convert-context.js';
import type { ToSpecResult } from './icl-to-spec.js';
import { sdlDialect } from './sdl-placement.js';
import { isYamlMap } from './yaml-values.js';

/** Options of `sdlToSpec`. */
export interface SdlToSpecOptions {
  /** Stack name of the result. */
  readonly stack: string;
}

/**
 * Akash SDL v2.0/v2.1 (parsed YAML) → Leasehold spec. Akash leases run until closed, so no
 * `duration` is set (the spec default applies); prices always get a review warning.
 */
export function sdlToSpec(data: unknown, opts: SdlToSpecOptions): ToSpecResult {
  const ctx = new ConvertContext();
  if (
    !isYamlMap(data) ||
    !isYamlMap(data['services']) ||
    !isYamlMap(data['profiles']) ||
    !isYamlMap(data['deployment'])
  ) {
    ctx.error(invalidValue('An SDL file needs `services`, `profiles` and `deployment` maps.', []));
    return { spec: null, diagnostics: ctx.diagnostics };
  }
  ctx.warnUnknownKeys(
    data,
    new Set(['version', 'services', 'profiles', 'deployment', 'endpoints']),
    [],
    'top-level',
  );
  ctx.warnUnknownKeys(
    data['profiles'],
    new Set(['compute', 'placement']),
    ['profiles'],
    'profiles',
  );
  if (isYamlMap(data['endpoints'])) {
    for (const name of Object.keys(data['endpoints'])) {
      ctx.warn({
        code: 'convert/ip-endpoint-dropped',
        summary: 'Leased IP endpoint is not modelled',
        detail: `The IP endpoint \`${name}\` is not carried over; ports are exposed on the provider's shared address instead.`,
        hint: 'Reach the instance through its provider host and port, or ask for IP leases as a feature.',
        at: ['endpoints', name],
      });
    }
  }
  const instances = buildInstances(data, sdlDialect, ctx);
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  const spec: StackSpec = { stack: opts.stack, instances };
  return { spec: failed ? null : spec, diagnostics: ctx.diagnostics };
}
