/**
 * Model instance + slot + secret values → the Akash v2beta2 manifest (reference §3.2). Secrets go
 * into `env` as `K=V` because the manifest travels only to the matched provider; `manifestHash` is
 * computed over the same manifest with every secret replaced by its reference, so state and plans
 * can compare manifests without ever holding a secret.
 */
import { createHash } from 'node:crypto';
import type { Manifest, ManifestExpose, ManifestService } from '../../wire/manifest.js';
import type { InstanceModel } from '../spec/model-types.js';
import { canonicalJson } from '../spec/canonical-json.js';
import { toEndpoints } from './encode-order.js';
import type { LeaseSlot } from './encode-order.js';
import { MarketplaceError } from './marketplace-error.js';
import { encodeStackTag } from './stack-tag.js';

/** Inputs of {@link encodeManifest}. */
export interface EncodeManifestInput {
  readonly stack: string;
  readonly instance: string;
  readonly model: InstanceModel;
  readonly slot: LeaseSlot;
  /** Values of the environment variables named by `secrets[].fromEnv` and the credentials. */
  readonly secretValues: Readonly<Record<string, string | undefined>>;
}

/** The manifest to send and its secret-free hash. */
export interface EncodeManifestResult {
  readonly manifest: Manifest;
  /** `sha256:<hex>` of the manifest with secret values replaced by `${env:NAME}`. */
  readonly manifestHash: string;
}

const HTTP_OPTIONS = {
  maxBodySize: 1048576,
  readTimeout: 60000,
  sendTimeout: 60000,
  nextTries: 3,
  nextTimeout: 0,
  nextCases: ['error', 'timeout'],
};

/** Builds the manifest; throws `marketplace/secret-missing` naming the variable (never a value). */
export function encodeManifest(input: EncodeManifestInput): EncodeManifestResult {
  const real = build(input, (name) => {
    const v = input.secretValues[name];
    if (v === undefined) {
      throw new MarketplaceError({
        code: 'marketplace/secret-missing',
        summary: 'Secret environment variable not set',
        detail: `Instance "${input.instance}" reads a secret from the environment variable ${name}, which is not set.`,
        hint: `Export ${name} before running apply.`,
      });
    }
    return v;
  });
  const masked = build(input, (name) => `\${env:${name}}`);
  const manifestHash = `sha256:${createHash('sha256').update(canonicalJson(masked)).digest('hex')}`;
  return { manifest: real, manifestHash };
}

function build(input: EncodeManifestInput, secret: (envName: string) => string): Manifest {
  const m = input.model;
  const env = [
    ...Object.entries(m.env).map(([k, v]) => `${k}=${v}`),
    ...m.secrets.map((s) => `${s.name}=${secret(s.fromEnv)}`),
  ];
  const service: ManifestService = {
    name: input.instance,
    image: m.image,
    command: m.command.length > 0 ? [...m.command] : null,
    args: m.args.length > 0 ? [...m.args] : null,
    env,
    ...(m.credentials === null ? {} : { credentials: credentials(m, secret) }),
    resources: {
      id: 1,
      cpu: { units: { val: String(m.resources.cpu) } },
      memory: { size: { val: m.resources.memory } },
      storage: m.resources.storage.map((v) => ({ name: v.name, size: { val: v.size } })),
      gpu: {
        units: { val: String(m.resources.gpu?.units ?? 0) },
        attributes: gpuAttributes(m),
      },
      endpoints: toEndpoints(m.ports).map((e) => ({
        kind: e.kind,
        sequence_number: e.sequenceNumber,
      })),
    },
    count: input.slot.replicas,
    expose: m.ports.map(toExpose),
    params: null,
  };
  const name = encodeStackTag({
    stack: input.stack,
    instance: input.instance,
    key: input.slot.key,
  });
  return [{ name, services: [service] }];
}

function credentials(
  m: InstanceModel,
  secret: (envName: string) => string,
): Record<string, string> {
  const c = m.credentials;
  if (c === null) return {};
  const username = 'value' in c.username ? c.username.value : secret(c.username.fromEnv);
  return {
    host: c.registry,
    username,
    password: secret(c.passwordFromEnv),
    ...(c.email === null ? {} : { email: c.email }),
  };
}

function gpuAttributes(m: InstanceModel): { key: string; value: string }[] {
  const gpu = m.resources.gpu;
  if (gpu === null) return [];
  const models = gpu.models.length > 0 ? gpu.models : ['*'];
  return models.map((x) => ({ key: `vendor/${gpu.vendor}/model/${x}`, value: 'true' }));
}

function toExpose(p: InstanceModel['ports'][number]): ManifestExpose {
  return {
    port: p.port,
    externalPort: p.as,
    proto: p.proto === 'udp' ? 'UDP' : 'TCP',
    service: '',
    global: p.global,
    hosts: p.accept.length > 0 ? [...p.accept] : null,
    httpOptions: HTTP_OPTIONS,
    ip: '',
    endpointSequenceNumber: 0,
  };
}
