import type { PlacementSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { iclTierToSpecTiers } from '../icl/icl-tiers.js';
import type { ConvertContext } from './convert-context.js';
import type { Dialect } from './build-instances.js';
import { sdlPricingToSpec } from './sdl-pricing.js';
import { sdlUnits } from './sdl-units.js';
import { isYamlMap, scalarText } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

/** SDL placements: free-form provider attributes, auditor signatures, price per block. */
export const sdlDialect: Dialect = {
  placementKeys: new Set(['attributes', 'pricing', 'signedBy']),
  placement: sdlPlacement,
  pricing: sdlPricingToSpec,
  units: sdlUnits,
};

/**
 * `region` → regions and a Spheron-spelled `tier` → tiers; other attributes (`host`,
 * `organization`, `capabilities/…`) and `signedBy` auditors have no Spheron meaning and are
 * listed in warnings.
 */
function sdlPlacement(raw: YamlMap, at: SpecPath, ctx: ConvertContext): PlacementSpec | undefined {
  const attrs = isYamlMap(raw['attributes']) ? raw['attributes'] : {};
  const region = scalarText(attrs['region']);
  const tierText = scalarText(attrs['tier']);
  const tiers = tierText === undefined ? null : iclTierToSpecTiers(tierText);
  const dropped = Object.keys(attrs).filter(
    (k) => k !== 'region' && !(k === 'tier' && tiers !== null),
  );
  if (dropped.length > 0) {
    ctx.warn({
      code: 'convert/placement-attribute-dropped',
      summary: 'Provider attributes are not modelled',
      detail: `These placement attributes have no Spheron equivalent and were not carried over: ${dropped.map((k) => `${k}=${String(attrs[k])}`).join(', ')}.`,
      hint: 'Use `placement.regions`, `placement.tiers` or `placement.providers.allow` to pick providers.',
      at: [...at, 'attributes'],
    });
  }
  if (raw['signedBy'] !== undefined) {
    ctx.warn({
      code: 'convert/signed-by-dropped',
      summary: 'Auditor requirement is not modelled',
      detail:
        'The `signedBy` auditor requirement was not carried over: Spheron has no auditors; its `secured` tiers are the closest guarantee.',
      hint: 'Set `placement.tiers: [secured]` if you need vetted providers.',
      at: [...at, 'signedBy'],
    });
  }
  return {
    ...(region === undefined ? {} : { regions: [region] }),
    ...(tiers === null ? {} : { tiers }),
  };
}
