import type { InstanceSpec } from '../spec/spec-types.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { credentialsToSpec } from './convert-credentials.js';
import { envListToMap } from './convert-env.js';
import { exposeToPorts } from './convert-expose.js';
import { readMounts } from './convert-storage.js';
import type { VolumeMount } from './convert-storage.js';
import { isYamlMap, scalarText, stringList } from './yaml-values.js';

const KNOWN = new Set(['image', 'command', 'args', 'env', 'credentials', 'expose', 'params']);

/** The parts of an instance that come from `services.<svc>`, shared by all its placements. */
export interface ServiceParts {
  readonly instance: Pick<
    InstanceSpec,
    'image' | 'credentials' | 'command' | 'args' | 'env' | 'ports'
  >;
  /** `params.storage`: where the service mounts its named volumes. */
  readonly mounts: ReadonlyMap<string, VolumeMount>;
}

/**
 * `services.<svc>` → image, command, args, env, credentials and ports. Keys with no spec
 * equivalent (`depends-on`, `pull_policy`, `params.permissions`, `params.tee`…) are warned about.
 */
export function convertService(
  svc: string,
  raw: unknown,
  ctx: ConvertContext,
): ServiceParts | undefined {
  const at = ['services', svc];
  const image = isYamlMap(raw) ? scalarText(raw['image']) : undefined;
  if (!isYamlMap(raw) || image === undefined || image === '') {
    ctx.error(invalidValue(`Service \`${svc}\` needs an \`image\`.`, at));
    return undefined;
  }
  ctx.warnUnknownKeys(raw, KNOWN, at, 'service');
  const command = listField(raw, 'command', at, ctx);
  const args = listField(raw, 'args', at, ctx);
  const env = envListToMap(raw['env'], [...at, 'env'], ctx);
  const credentials = credentialsToSpec(raw['credentials'], svc, [...at, 'credentials'], ctx);
  const ports = exposeToPorts(raw['expose'], [...at, 'expose'], ctx);
  const params = raw['params'];
  ctx.warnUnknownKeys(params, new Set(['storage']), [...at, 'params'], 'params');
  const mounts = readMounts(
    isYamlMap(params) ? params['storage'] : undefined,
    [...at, 'params', 'storage'],
    ctx,
  );
  return {
    instance: {
      image,
      ...(credentials === undefined ? {} : { credentials }),
      ...(command === undefined ? {} : { command }),
      ...(args === undefined ? {} : { args }),
      ...(env === undefined || Object.keys(env).length === 0 ? {} : { env }),
      ...(ports === undefined || ports.length === 0 ? {} : { ports }),
    },
    mounts,
  };
}

/** `command`/`args`: a string or a list of strings. */
export function listField(
  raw: Readonly<Record<string, unknown>>,
  key: string,
  at: readonly string[],
  ctx: ConvertContext,
): string[] | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  const list = typeof v === 'string' ? [v] : stringList(v);
  if (list === undefined)
    ctx.error(invalidValue(`\`${key}\` must be a list of strings.`, [...at, key]));
  return list;
}
