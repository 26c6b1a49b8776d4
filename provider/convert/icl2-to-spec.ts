import type { InstanceSpec, PlacementSpec, TierName } from '../spec/spec-types.js';
import { ConvertContext, invalidValue } from './convert-context.js';
import { iclAttributesToPlacement } from './icl-attributes.js';
import { iclDurationToSpec } from './icl-duration.js';
import { readIclTiers } from './icl-tier-list.js';
import type { ToSpecResult } from './icl-to-spec.js';
import { icl2ServiceToInstance } from './icl2-service.js';
import { isYamlMap, scalarText } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

/** Options of `icl2ToSpec`. */
export interface Icl2ToSpecOptions {
  /** Stack name of the result. */
  readonly stack: string;
}

/** What the SDK orders when `deployment.tiers` is absent in ICL 2.0: `community-default`, every tier. */
const V2_DEFAULT_TIERS: readonly TierName[] = ['secured', 'community'];

/**
 * Spheron ICL 2.0 (parsed YAML) → Leasehold spec (reference: spheron-v2.md "ICL 2.0"; the SDK's
 * `convertV2YamlToOrderDetails`). Each service becomes an instance; the top-level `deployment`
 * (duration, mode, tiers, attributes) applies to all of them. Both the README's spellings
 * (`tier:`, `resources.pricing`, `resources.replica`) and the code's (`tiers:`, `price`,
 * `replica`) are read. A service's price covers all its replicas and becomes a price per replica.
 */
export function icl2ToSpec(data: unknown, opts: Icl2ToSpecOptions): ToSpecResult {
  const ctx = new ConvertContext();
  if (!isYamlMap(data) || !isYamlMap(data['services'])) {
    ctx.error(invalidValue('An ICL 2.0 file needs a `services` map.', []));
    return { spec: null, diagnostics: ctx.diagnostics };
  }
  ctx.warnUnknownKeys(data, new Set(['version', 'services', 'deployment']), [], 'top-level');
  const dep = isYamlMap(data['deployment']) ? data['deployment'] : {};
  const shared = readDeployment(dep, ctx);
  const instances: Record<string, InstanceSpec> = {};
  for (const [svc, raw] of Object.entries(data['services'])) {
    const inst = icl2ServiceToInstance(svc, raw, ctx);
    if (inst === undefined) continue;
    instances[svc] = {
      ...inst,
      ...(shared.duration === undefined ? {} : { duration: shared.duration }),
      placement: shared.placement,
    };
  }
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  return { spec: failed ? null : { stack: opts.stack, instances }, diagnostics: ctx.diagnostics };
}

interface Deployment {
  readonly duration: string | undefined;
  readonly placement: PlacementSpec;
}

function readDeployment(dep: YamlMap, ctx: ConvertContext): Deployment {
  const at = ['deployment'];
  ctx.warnUnknownKeys(
    dep,
    new Set(['duration', 'mode', 'tier', 'tiers', 'attributes']),
    at,
    'deployment',
  );
  // The SDK orders 1h when no duration is given; keep that meaning rather than the spec's 24h.
  const duration = iclDurationToSpec(dep['duration'] ?? '1h');
  if (duration === null) {
    ctx.error({
      ...invalidValue(
        `\`duration\` must be a whole number with unit min, h, d, mon or y; found \`${String(dep['duration'])}\`.`,
        [...at, 'duration'],
      ),
      hint: 'Write it as, for example, `90min` or `2h`.',
    });
  }
  const modeText = scalarText(dep['mode']);
  if (modeText !== undefined && modeText !== 'provider' && modeText !== 'fizz') {
    ctx.error(
      invalidValue(`\`mode\` must be provider or fizz; found \`${modeText}\`.`, [...at, 'mode']),
    );
  }
  const tierKey = dep['tiers'] !== undefined ? 'tiers' : 'tier';
  const tiers =
    dep[tierKey] === undefined
      ? [...V2_DEFAULT_TIERS]
      : readIclTiers(dep[tierKey], [...at, tierKey], ctx);
  const attrs = iclAttributesToPlacement(dep['attributes'], [...at, 'attributes'], ctx) ?? {};
  return {
    duration: duration ?? undefined,
    placement: {
      ...attrs,
      ...(tiers === undefined ? {} : { tiers }),
      ...(modeText === 'fizz' ? { mode: 'fizz' as const } : {}),
    },
  };
}
