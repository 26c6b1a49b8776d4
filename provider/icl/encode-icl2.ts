import type { InstanceModel, StackModel } from '../spec/model-types.js';
import {
  encodeCredentials,
  encodeEnv,
  encodeError,
  encodePrice,
  encodeResources,
  encodeTierKey,
  selectInstances,
} from './icl-encode-shared.js';
import type { Named, SecretValues } from './icl-encode-shared.js';
import type { Icl2Document, Icl2Service, IclExpose, IclPlacement } from './icl-types.js';
import { msToIclDuration } from './icl-units.js';

/** Options of `encodeIcl2`. */
export interface EncodeIcl2Options {
  /** Encode only this instance; default: every instance. */
  readonly instance?: string | undefined;
  /** As `encodeIcl`'s: given, secrets join `env` and credentials get their password. */
  readonly secretValues?: SecretValues | undefined;
}

/**
 * Model → ICL 2.0 document, in the spelling the SDK's code reads (`deployment.tiers`,
 * `services.*.price`, `services.*.replica`, `port_policy`, storage mounts inline). ICL 2.0 has
 * one `deployment` block, so every instance must share duration, mode, tiers, regions and
 * provider lists; a service's price covers all its replicas. Throws `LeaseholdError` when the
 * model cannot be written in ICL 2.0.
 */
export function encodeIcl2(model: StackModel, opts: EncodeIcl2Options = {}): Icl2Document {
  const selected = selectInstances(model, opts.instance);
  const first = selected[0];
  if (first === undefined)
    throw encodeError(
      'icl/no-instances',
      'Stack has no instance to encode',
      `Stack \`${model.stack}\` declares no instances.`,
      'Add an instance to the stack.',
    );
  const services: Record<string, Icl2Service> = {};
  for (const n of selected) {
    assertSameDeployment(first, n);
    services[n.name] = encodeService(n, opts.secretValues);
  }
  const attributes = encodeAttributes(first.inst);
  return {
    version: '2.0',
    services,
    deployment: {
      duration: msToIclDuration(first.inst.duration),
      mode: first.inst.placement.mode,
      tiers: [encodeTierKey(first.name, first.inst.placement.tiers)],
      ...(attributes === undefined ? {} : { attributes }),
    },
  };
}

function encodeService({ name, inst }: Named, secrets: SecretValues | undefined): Icl2Service {
  const env = encodeEnv(inst, secrets);
  const ports: IclExpose[] = inst.ports.map((p) => ({
    port: p.port,
    as: p.as,
    ...(p.proto === 'udp' ? { proto: 'udp' as const } : {}),
    ...(p.accept.length > 0 ? { accept: p.accept } : {}),
    to: [{ global: p.global }],
  }));
  const resources = encodeResources(inst);
  return {
    image: inst.image,
    ...(inst.command.length > 0 ? { command: inst.command } : {}),
    ...(inst.args.length > 0 ? { args: inst.args } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(inst.credentials === null
      ? {}
      : { credentials: encodeCredentials(inst.credentials, secrets) }),
    ...(ports.length > 0 ? { port_policy: ports } : {}),
    resources: {
      ...resources,
      storage: resources.storage.map((v, i) => {
        const m = inst.resources.storage[i];
        return m?.mount == null ? v : { ...v, mount: m.mount, readOnly: m.readOnly };
      }),
    },
    price: encodePrice(name, inst),
    replica: inst.count,
  };
}

function encodeAttributes(inst: InstanceModel): IclPlacement['attributes'] {
  const p = inst.placement;
  const attributes = {
    ...(p.regions.length > 0 ? { region: p.regions.join(';') } : {}),
    ...(p.allowProviders.length > 0 ? { desired_provider: p.allowProviders.join(';') } : {}),
    ...(p.denyProviders.length > 0 ? { provider_exclude: p.denyProviders.join(';') } : {}),
  };
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** ICL 2.0 has one duration, mode, tier key and attribute set per document. */
function assertSameDeployment(a: Named, b: Named): void {
  const key = (n: Named): string =>
    JSON.stringify([
      n.inst.duration,
      n.inst.placement.mode,
      n.inst.placement.tiers,
      encodeAttributes(n.inst) ?? null,
    ]);
  if (key(a) === key(b)) return;
  throw encodeError(
    'icl/incompatible-instances',
    'Instances cannot share one ICL document',
    `Instances \`${a.name}\` and \`${b.name}\` differ in duration, mode, tiers, regions or provider lists, which ICL 2.0 sets once per document in \`deployment\`.`,
    'Export one instance at a time (`--instance`), or give the instances the same placement.',
  );
}
