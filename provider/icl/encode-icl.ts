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
import type {
  IclDocument,
  IclExpose,
  IclPlacement,
  IclResources,
  IclService,
} from './icl-types.js';
import { msToIclDuration } from './icl-units.js';

/** Options of `encodeIcl`. */
export interface EncodeIclOptions {
  /** Encode only this instance (one order per instance); default: every instance. */
  readonly instance?: string | undefined;
  /**
   * Values of the environment variables the model refers to (secrets, registry password). Given:
   * secrets join `env` and credentials get their password, for the provider manifest. Absent:
   * both are left out, which is what an on-chain order needs.
   */
  readonly secretValues?: SecretValues | undefined;
}

/**
 * Model → ICL v1.0 document (spheron-protocol.md §3.1), exact: durations in the largest exact ICL
 * unit, cpu in cores, sizes in Mi/Gi/Ti, the price per hour as an exact decimal of whole tokens.
 * Each instance becomes a service with a compute profile and a placement of its own name. Throws
 * `LeaseholdError` when the model cannot be written in ICL; health, autoscaling, lifecycle,
 * budget, outputs and spread are not ICL's business and are left out (docs/convert.md).
 */
export function encodeIcl(model: StackModel, opts: EncodeIclOptions = {}): IclDocument {
  const selected = selectInstances(model, opts.instance);
  const first = selected[0];
  if (first === undefined)
    throw encodeError(
      'icl/no-instances',
      'Stack has no instance to encode',
      `Stack \`${model.stack}\` declares no instances.`,
      'Add an instance to the stack.',
    );
  const services: Record<string, IclService> = {};
  const compute: Record<string, { resources: IclResources }> = {};
  const placement: Record<string, IclPlacement> = {};
  const deployment: Record<string, Record<string, { profile: string; count: number }>> = {};
  for (const { name, inst } of selected) {
    assertSameProfile(first, { name, inst });
    services[name] = encodeService(inst, opts.secretValues);
    compute[name] = { resources: encodeResources(inst) };
    placement[name] = encodePlacement(name, inst);
    deployment[name] = { [name]: { profile: name, count: inst.count } };
  }
  return {
    version: '1.0',
    services,
    profiles: {
      name: model.stack,
      duration: msToIclDuration(first.inst.duration),
      mode: first.inst.placement.mode,
      tier: [encodeTierKey(first.name, first.inst.placement.tiers)],
      compute,
      placement,
    },
    deployment,
  };
}

/** ICL has one duration, mode and tier list per document. */
function assertSameProfile(a: Named, b: Named): void {
  const key = (n: Named): string =>
    JSON.stringify([n.inst.duration, n.inst.placement.mode, n.inst.placement.tiers]);
  if (key(a) === key(b)) return;
  throw encodeError(
    'icl/incompatible-instances',
    'Instances cannot share one ICL document',
    `Instances \`${a.name}\` and \`${b.name}\` differ in duration, mode or tiers, which ICL sets once per document.`,
    'Encode one instance at a time with the `instance` option.',
  );
}

function encodeService(inst: InstanceModel, secrets: EncodeIclOptions['secretValues']): IclService {
  const env = encodeEnv(inst, secrets);
  const expose: IclExpose[] = inst.ports.map((p) => ({
    port: p.port,
    ...(p.as === p.port ? {} : { as: p.as }),
    ...(p.proto === 'udp' ? { proto: 'udp' as const } : {}),
    ...(p.accept.length > 0 ? { accept: p.accept } : {}),
    to: [{ global: p.global }],
  }));
  const mounts = inst.resources.storage.filter((v) => v.mount !== null);
  return {
    image: inst.image,
    ...(inst.command.length > 0 ? { command: inst.command } : {}),
    ...(inst.args.length > 0 ? { args: inst.args } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(inst.credentials === null
      ? {}
      : { credentials: encodeCredentials(inst.credentials, secrets) }),
    ...(expose.length > 0 ? { expose } : {}),
    ...(mounts.length > 0
      ? {
          params: {
            storage: Object.fromEntries(
              mounts.map((v) => [v.name, { mount: v.mount ?? '', readOnly: v.readOnly }]),
            ),
          },
        }
      : {}),
  };
}

function encodePlacement(name: string, inst: InstanceModel): IclPlacement {
  const p = inst.placement;
  const attributes = {
    ...(p.regions.length > 0 ? { region: p.regions.join(';') } : {}),
    ...(p.allowProviders.length > 0 ? { desired_provider: p.allowProviders.join(';') } : {}),
    ...(p.denyProviders.length > 0 ? { provider_exclude: p.denyProviders.join(';') } : {}),
  };
  return {
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    pricing: { [name]: encodePrice(name, inst) },
  };
}
