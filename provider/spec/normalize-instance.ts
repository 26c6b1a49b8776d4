import { errorDiag } from '../../cli/diag/index.js';
import { applyDefaults } from './apply-defaults.js';
import { instancePath } from './instance-path.js';
import type {
  CredentialsModel,
  InstanceModel,
  PortModel,
  SecretRef,
  TokenAmount,
} from './model-types.js';
import { readAmount, readUnit } from './normalize-context.js';
import type { NormalizeContext } from './normalize-context.js';
import { normalizePlacement } from './normalize-placement.js';
import { normalizeResources, sortedUnique } from './normalize-resources.js';
import type { CredentialsSpec, DefaultsSpec, InstanceSpec, PortSpec } from './spec-types.js';
import { formatPath } from './spec-path.js';
import { parseDuration } from '../../common/units/index.js';

/** Lease duration when neither the instance nor `defaults` sets one. */
export const DEFAULT_DURATION = '24h';

/** One instance with `defaults` applied, units parsed and order-insensitive lists sorted. */
export function normalizeInstance(
  ctx: NormalizeContext,
  name: string,
  raw: InstanceSpec,
  defaults: DefaultsSpec | undefined,
): InstanceModel {
  const spec = applyDefaults(defaults, raw);
  const at = instancePath(raw, name);
  const address = `instance.${name}`;
  const duration = readUnit(ctx, spec.duration ?? DEFAULT_DURATION, {
    parse: parseDuration,
    what: 'lease duration',
    path: at(['duration']),
    fallback: 0,
    address,
  });
  return {
    image: spec.image,
    credentials: spec.credentials === undefined ? null : normalizeCredentials(spec.credentials),
    command: [...(spec.command ?? [])],
    args: [...(spec.args ?? [])],
    env: normalizeEnv(spec.env),
    secrets: normalizeSecrets(spec.secrets),
    ports: (spec.ports ?? []).map(normalizePort),
    resources: normalizeResources(ctx, spec.resources, at, address),
    count: spec.count ?? 1,
    duration,
    placement: normalizePlacement(spec.placement),
    pricing: normalizePricing(ctx, spec, name, at),
    lifecycle: {
      createBeforeDestroy: spec.lifecycle?.createBeforeDestroy ?? true,
      preventDestroy: spec.lifecycle?.preventDestroy ?? false,
    },
  };
}

function normalizePricing(
  ctx: NormalizeContext,
  spec: InstanceSpec,
  name: string,
  at: (sub: (string | number)[]) => readonly (string | number)[],
): TokenAmount {
  const address = `instance.${name}`;
  const missing: TokenAmount = { token: '', amount: '0' };
  if (spec.pricing === undefined) {
    ctx.diagnostics.push(
      errorDiag({
        code: 'spec/missing-pricing',
        summary: 'Instance has no maximum price',
        detail: `Instance ${JSON.stringify(name)} sets no \`pricing\` and \`defaults.pricing\` is not set either; Leasehold never orders with a price it has to guess.`,
        hint: 'Add `pricing: { maxPerHour: "1", token: USDT }` to the instance or to `defaults`.',
        path: formatPath(['instances', name]),
        address,
      }),
    );
    return missing;
  }
  const amount = readAmount(ctx, {
    amount: spec.pricing.maxPerHour,
    token: spec.pricing.token,
    what: 'maximum price per hour',
    path: at(['pricing', 'maxPerHour']),
    tokenPath: at(['pricing', 'token']),
    address,
  });
  return amount ?? missing;
}

function normalizePort(p: PortSpec): PortModel {
  return {
    port: p.port,
    as: p.as ?? p.port,
    proto: p.proto ?? 'tcp',
    global: p.global ?? true,
    accept: sortedUnique(p.accept ?? []),
  };
}

function normalizeEnv(env: InstanceSpec['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of sortedUnique(Object.keys(env ?? {}))) out[key] = String(env?.[key]);
  return out;
}

function normalizeSecrets(secrets: InstanceSpec['secrets']): SecretRef[] {
  return sortedUnique(Object.keys(secrets ?? {})).map((name) => ({
    name,
    fromEnv: secrets?.[name]?.fromEnv ?? '',
  }));
}

function normalizeCredentials(c: CredentialsSpec): CredentialsModel {
  return {
    registry: c.registry,
    username:
      typeof c.username === 'string' ? { value: c.username } : { fromEnv: c.username.fromEnv },
    passwordFromEnv: c.password.fromEnv,
    email: c.email ?? null,
  };
}
