import type { InstanceSpec, PlacementSpec, PricingSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { convertService } from './convert-service.js';
import type { ServiceParts } from './convert-service.js';
import { resourcesToSpec } from './convert-resources.js';
import { iclPriceToPerReplica } from './icl-price.js';
import type { UnitReaders } from './convert-resources.js';
import { isYamlMap, scalarText } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

/** What differs between ICL and SDL; everything else about services, profiles and deployment is shared. */
export interface Dialect {
  /** Keys of `profiles.placement.<name>` the dialect reads (the rest are warned about). */
  readonly placementKeys: ReadonlySet<string>;
  /** `profiles.placement.<name>` → placement, minus pricing. */
  placement(raw: YamlMap, at: SpecPath, ctx: ConvertContext): PlacementSpec | undefined;
  /** `profiles.placement.<name>.pricing.<profile>` → pricing. */
  pricing(raw: unknown, at: SpecPath, ctx: ConvertContext): PricingSpec | undefined;
  /**
   * True when a price covers every replica of the service (ICL: the SDK never multiplies it by the
   * count), false when it is per replica (SDL, like the spec).
   */
  readonly priceCoversAllReplicas?: boolean | undefined;
  /** Unit spellings of the dialect that the spec does not read as they are. */
  readonly units?: UnitReaders | undefined;
}

/**
 * `services` × `deployment` → instances. A service deployed in one placement becomes instance
 * `<svc>`; in several, one instance per placement, `<svc>-<placement>`, because a Leasehold
 * instance has exactly one placement and price.
 */
export function buildInstances(
  root: YamlMap,
  dialect: Dialect,
  ctx: ConvertContext,
): Record<string, InstanceSpec> {
  const services = isYamlMap(root['services']) ? root['services'] : {};
  const profiles = isYamlMap(root['profiles']) ? root['profiles'] : {};
  const compute = isYamlMap(profiles['compute']) ? profiles['compute'] : {};
  const placements = isYamlMap(profiles['placement']) ? profiles['placement'] : {};
  const deployment = isYamlMap(root['deployment']) ? root['deployment'] : {};
  const out: Record<string, InstanceSpec> = {};
  for (const [svc, raw] of Object.entries(services)) {
    const targets = deployment[svc];
    if (!isYamlMap(targets) || Object.keys(targets).length === 0) {
      ctx.warn({
        code: 'convert/service-not-deployed',
        summary: 'Service is not deployed',
        detail: `Service \`${svc}\` has no entry under \`deployment\`, so no instance was made for it.`,
        hint: `Add an instance for \`${svc}\` by hand if it should run.`,
        at: ['services', svc],
      });
      continue;
    }
    const parts = convertService(svc, raw, ctx);
    const names = Object.keys(targets);
    for (const placementName of names) {
      const name = names.length > 1 ? `${svc}-${placementName}` : svc;
      const inst = buildInstance({
        svc,
        placementName,
        entry: targets[placementName],
        parts,
        compute,
        placements,
        dialect,
        ctx,
      });
      if (inst !== undefined) out[name] = inst;
    }
  }
  for (const svc of Object.keys(deployment)) {
    if (!(svc in services))
      ctx.error(
        unknownRef(`\`deployment.${svc}\` names a service that \`services\` does not declare.`, [
          'deployment',
          svc,
        ]),
      );
  }
  return out;
}

interface BuildInstanceInput {
  readonly svc: string;
  readonly placementName: string;
  readonly entry: unknown;
  readonly parts: ServiceParts | undefined;
  readonly compute: YamlMap;
  readonly placements: YamlMap;
  readonly dialect: Dialect;
  readonly ctx: ConvertContext;
}

function buildInstance(i: BuildInstanceInput): InstanceSpec | undefined {
  const at = ['deployment', i.svc, i.placementName];
  if (!isYamlMap(i.entry)) {
    i.ctx.error(invalidValue('A deployment entry needs `profile` and `count`.', at));
    return undefined;
  }
  i.ctx.warnUnknownKeys(i.entry, new Set(['profile', 'count']), at, 'deployment');
  const profile = scalarText(i.entry['profile']) ?? i.svc;
  const count = i.entry['count'] ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    i.ctx.error(
      invalidValue(`\`count\` must be a whole number ≥ 1; found \`${String(count)}\`.`, [
        ...at,
        'count',
      ]),
    );
  }
  const computeRaw = i.compute[profile];
  const placementRaw = i.placements[i.placementName];
  if (computeRaw === undefined)
    i.ctx.error(
      unknownRef(`Compute profile \`${profile}\` is not declared under \`profiles.compute\`.`, [
        ...at,
        'profile',
      ]),
    );
  if (!isYamlMap(placementRaw))
    i.ctx.error(
      unknownRef(
        `Placement \`${i.placementName}\` is not declared under \`profiles.placement\`.`,
        at,
      ),
    );
  if (i.parts === undefined || computeRaw === undefined || !isYamlMap(placementRaw))
    return undefined;
  const pAt = ['profiles', 'placement', i.placementName];
  i.ctx.warnUnknownKeys(placementRaw, i.dialect.placementKeys, pAt, 'placement');
  const resources = resourcesToSpec(
    computeRaw,
    i.parts.mounts,
    ['profiles', 'compute', profile],
    i.ctx,
    i.dialect.units,
  );
  const placement = i.dialect.placement(placementRaw, pAt, i.ctx);
  const pricing = readPricing(i, placementRaw, profile, count);
  return {
    ...i.parts.instance,
    ...(resources === undefined ? {} : { resources }),
    ...(typeof count === 'number' && count !== 1 ? { count } : {}),
    ...(placement === undefined || Object.keys(placement).length === 0 ? {} : { placement }),
    ...(pricing === undefined ? {} : { pricing }),
  };
}

/** The profile's price in this placement, per replica (ICL prices cover every replica). */
function readPricing(
  i: BuildInstanceInput,
  placementRaw: YamlMap,
  profile: string,
  count: unknown,
): PricingSpec | undefined {
  const pricingMap = isYamlMap(placementRaw['pricing']) ? placementRaw['pricing'] : {};
  const at = ['profiles', 'placement', i.placementName, 'pricing', profile];
  const written =
    pricingMap[profile] === undefined
      ? undefined
      : i.dialect.pricing(pricingMap[profile], at, i.ctx);
  if (written === undefined || i.dialect.priceCoversAllReplicas !== true) return written;
  return typeof count === 'number' ? iclPriceToPerReplica(written, count, at, i.ctx) : written;
}

function unknownRef(detail: string, at: SpecPath): Parameters<ConvertContext['error']>[0] {
  return {
    code: 'convert/unknown-reference',
    summary: 'Reference to an undeclared name',
    detail,
    hint: 'Declare the name, or fix the spelling of the reference.',
    at,
  };
}
