import type { Diagnostic } from '../../cli/diag/index.js';
import type { InstanceSpec, Mode, StackSpec, TierName } from '../spec/spec-types.js';
import { buildInstances } from './build-instances.js';
import { ConvertContext, invalidValue } from './convert-context.js';
import { iclDurationToSpec } from './icl-duration.js';
import { iclDialect } from './icl-placement.js';
import { readIclTiers } from './icl-tier-list.js';
import { isYamlMap, scalarText } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

/** Options of `iclToSpec`. */
export interface IclToSpecOptions {
  /** Stack name of the result. */
  readonly stack: string;
}

/** A converted spec (null on errors) and everything the conversion found. */
export interface ToSpecResult {
  readonly spec: StackSpec | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Profile-wide ICL settings, applied to every instance. */
interface IclProfile {
  readonly duration?: string | undefined;
  readonly mode?: Mode | undefined;
  readonly tiers?: TierName[] | undefined;
}

/**
 * Spheron ICL v1.0 (parsed YAML) → Leasehold spec. Also the decoder of `encodeIcl`: the round trip
 * spec → model → ICL → spec keeps every field ICL can express (docs/convert.md).
 */
export function iclToSpec(data: unknown, opts: IclToSpecOptions): ToSpecResult {
  const ctx = new ConvertContext();
  if (
    !isYamlMap(data) ||
    !isYamlMap(data['services']) ||
    !isYamlMap(data['profiles']) ||
    !isYamlMap(data['deployment'])
  ) {
    ctx.error(invalidValue('An ICL file needs `services`, `profiles` and `deployment` maps.', []));
    return { spec: null, diagnostics: ctx.diagnostics };
  }
  ctx.warnUnknownKeys(
    data,
    new Set(['version', 'services', 'profiles', 'deployment']),
    [],
    'top-level',
  );
  const profile = readProfile(data['profiles'], ctx);
  const instances: Record<string, InstanceSpec> = {};
  for (const [name, inst] of Object.entries(buildInstances(data, iclDialect, ctx))) {
    instances[name] = withProfile(inst, profile);
  }
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  return { spec: failed ? null : { stack: opts.stack, instances }, diagnostics: ctx.diagnostics };
}

function readProfile(p: YamlMap, ctx: ConvertContext): IclProfile {
  const at = ['profiles'];
  ctx.warnUnknownKeys(
    p,
    new Set(['name', 'duration', 'mode', 'tier', 'tiers', 'compute', 'placement']),
    at,
    'profiles',
  );
  // The SDK orders 1h when no duration is given; keep that meaning rather than the spec's 24h.
  const duration = iclDurationToSpec(p['duration'] ?? '1h');
  if (duration === null) {
    ctx.error({
      ...invalidValue(
        `\`duration\` must be a whole number with unit min, h, d, mon or y; found \`${String(p['duration'])}\`.`,
        [...at, 'duration'],
      ),
      hint: 'Write it as, for example, `90min` or `2h`.',
    });
  }
  const modeText = scalarText(p['mode']);
  if (modeText !== undefined && modeText !== 'provider' && modeText !== 'fizz') {
    ctx.error(
      invalidValue(`\`mode\` must be provider or fizz; found \`${modeText}\`.`, [...at, 'mode']),
    );
  }
  const mode = modeText === 'provider' || modeText === 'fizz' ? modeText : undefined;
  return {
    duration: duration ?? undefined,
    mode,
    tiers: readIclTiers(p['tier'] ?? p['tiers'], [...at, 'tier' in p ? 'tier' : 'tiers'], ctx),
  };
}

function withProfile(inst: InstanceSpec, p: IclProfile): InstanceSpec {
  const placement = {
    ...inst.placement,
    ...(p.tiers === undefined ? {} : { tiers: p.tiers }),
    ...(p.mode === undefined ? {} : { mode: p.mode }),
  };
  return {
    ...inst,
    ...(p.duration === undefined ? {} : { duration: p.duration }),
    ...(Object.keys(placement).length > 0 ? { placement } : {}),
  };
}
