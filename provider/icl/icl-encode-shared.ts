import { LeaseholdError } from '../../cli/diag/index.js';
import { formatTokenAmount } from '../../common/units/index.js';
import type { InstanceModel, StackModel } from '../spec/model-types.js';
import { sdkTierKey } from './icl-tiers.js';
import { findIclToken } from './icl-tokens.js';
import type { IclCredentials, IclResources } from './icl-types.js';
import { bytesToIclSize, millicoresToCores } from './icl-units.js';

/**
 * What the ICL 1.0 and 2.0 encoders share: instance selection, credentials, resources, the
 * service price and the tier key.
 */

/** An instance of the model with its name. */
export interface Named {
  readonly name: string;
  readonly inst: InstanceModel;
}

/** Values of the environment variables the model refers to (secrets, registry password). */
export type SecretValues = Readonly<Record<string, string | undefined>>;

/** The instances to encode: all of them, or the one named. Throws when there is none. */
export function selectInstances(model: StackModel, only: string | undefined): Named[] {
  const all: Named[] = [];
  for (const r of model.resources)
    if (r.type === 'instance') all.push({ name: r.name, inst: r.attributes });
  if (only === undefined) return all;
  const hit = all.filter((n) => n.name === only);
  if (hit.length === 0)
    throw encodeError(
      'icl/unknown-instance',
      'Instance not in the stack',
      `Stack \`${model.stack}\` has no instance \`${only}\`.`,
      'Pass the name of one of the stack instances.',
    );
  return hit;
}

/** `NAME=value` entries; secrets join them only when their values are given (manifests). */
export function encodeEnv(inst: InstanceModel, secrets: SecretValues | undefined): string[] {
  const env = Object.entries(inst.env).map(([k, v]) => `${k}=${v}`);
  if (secrets !== undefined)
    for (const s of inst.secrets) env.push(`${s.name}=${secretValue(secrets, s.fromEnv)}`);
  return env;
}

export function encodeCredentials(
  c: NonNullable<InstanceModel['credentials']>,
  secrets: SecretValues | undefined,
): IclCredentials {
  const username =
    'value' in c.username
      ? c.username.value
      : secrets === undefined
        ? undefined
        : secretValue(secrets, c.username.fromEnv);
  return {
    registry: c.registry,
    ...(username === undefined ? {} : { username }),
    ...(secrets === undefined ? {} : { password: secretValue(secrets, c.passwordFromEnv) }),
    ...(c.email === null ? {} : { email: c.email }),
  };
}

/** Resources in ICL 1.0's compute-profile shape (ICL 2.0 adds mounts to the volumes). */
export function encodeResources(inst: InstanceModel): IclResources {
  const r = inst.resources;
  return {
    cpu: { units: millicoresToCores(r.cpu) },
    memory: { size: bytesToIclSize(r.memory) },
    storage: r.storage.map((v) => ({
      name: v.name,
      size: bytesToIclSize(v.size),
      ...(v.persistent || v.class !== null
        ? {
            attributes: {
              ...(v.persistent ? { persistent: true } : {}),
              ...(v.class === null ? {} : { class: v.class }),
            },
          }
        : {}),
    })),
    ...(r.gpu === null
      ? {}
      : {
          gpu: {
            units: r.gpu.units,
            attributes: {
              vendor: {
                [r.gpu.vendor]: r.gpu.models.map((model) => ({
                  model,
                  ...(r.gpu?.ram == null ? {} : { ram: bytesToIclSize(r.gpu.ram) }),
                  ...(r.gpu?.interface == null ? {} : { interface: r.gpu.interface }),
                })),
              },
            },
          },
        }),
  };
}

/**
 * The service price: ICL's amount covers every replica (the SDK sums the services' amounts into
 * the order's maxPrice and never multiplies by the count), so it is the model's price per replica
 * times the count, as an exact decimal of whole tokens.
 */
export function encodePrice(
  name: string,
  inst: InstanceModel,
): { token: string; amount: number | string } {
  const token = findIclToken(inst.pricing.token);
  if (token === undefined)
    throw encodeError(
      'icl/unknown-token',
      'Token has no ICL decimals',
      `Token \`${inst.pricing.token}\` of instance \`${name}\` is not one ICL knows.`,
      'Price the instance in a token the network accepts, such as USDT.',
    );
  const whole = BigInt(inst.pricing.amount) * BigInt(Math.max(inst.count, 1));
  const text = formatTokenAmount(whole, token.decimals);
  // A YAML number where it reads back exactly; otherwise a string, so no digit is lost.
  return { token: token.symbol, amount: String(Number(text)) === text ? Number(text) : text };
}

/** The SDK's single tier key for the instance's tiers; throws when no key orders exactly them. */
export function encodeTierKey(name: string, tiers: readonly number[]): string {
  const key = sdkTierKey(tiers);
  if (key !== null) return key;
  throw encodeError(
    'icl/tiers-not-expressible',
    'Tiers cannot be written in ICL',
    `Instance \`${name}\` accepts tiers ${tiers.join(', ')} (0 = secured-1 … 6 = community-4); the SDK reads one tier key (secured1…3, community1…4, secured, community or community-default), and any other name means every tier.`,
    'Set `placement.tiers` to one tier, or to all of `secured`, all of `community`, or both.',
  );
}

export function secretValue(
  secrets: Readonly<Record<string, string | undefined>>,
  name: string,
): string {
  const v = secrets[name];
  if (v !== undefined) return v;
  throw encodeError(
    'icl/missing-secret',
    'Secret value not provided',
    `The environment variable \`${name}\` the stack refers to has no value.`,
    `Set \`${name}\` before sending the manifest.`,
  );
}

export function encodeError(
  code: string,
  summary: string,
  detail: string,
  hint: string,
): LeaseholdError {
  return new LeaseholdError({ code, summary, detail, hint });
}
