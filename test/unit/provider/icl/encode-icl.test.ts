import { describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import { encodeIcl } from '../../../../provider/icl/encode-icl.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import type { TokenInfo } from '../../../../provider/spec/known-tokens.js';
import type { StackModel } from '../../../../provider/spec/model-types.js';
import { normalizeStack } from '../../../../provider/spec/normalize-stack.js';
import type { InstanceSpec } from '../../../../provider/spec/spec-types.js';

const BASE: InstanceSpec = {
  image: 'nginx:1.27',
  resources: { cpu: 1, memory: '1Gi', storage: '1Gi' },
  pricing: { maxPerHour: '1', token: 'USDT' },
};

function model(
  instances: Record<string, Partial<InstanceSpec>>,
  tokens: readonly TokenInfo[] = knownTokens('local') ?? [],
): StackModel {
  const spec = {
    stack: 'demo',
    instances: Object.fromEntries(
      Object.entries(instances).map(([k, v]) => [k, { ...BASE, ...v }]),
    ),
  };
  const r = normalizeStack(spec, { tokens, baseDir: '/' });
  if (r.model === null) throw new Error(JSON.stringify(r.diagnostics));
  return r.model;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof LeaseholdError ? e.code : 'not-a-leasehold-error';
  }
  return undefined;
}

describe('encodeIcl', () => {
  it('GIVEN the SDK README stack WHEN encoded THEN the ICL document has the exact §3.1 shape', () => {
    const m = model({
      'py-cuda': {
        image: 'quay.io/jupyter/pytorch-notebook:cuda12-pytorch-2.4.1',
        env: { JUPYTER_TOKEN: 'sentient' },
        ports: [{ port: 8888, global: true }],
        resources: {
          cpu: 8,
          memory: '16Gi',
          storage: '200Gi',
          gpu: { units: 1, vendor: 'nvidia', models: ['rtx4090'] },
        },
        duration: '2h',
        placement: { regions: ['us-central'], tiers: ['community'], mode: 'provider' },
        pricing: { maxPerHour: '10', token: 'USDT' },
      },
    });
    expect(encodeIcl(m)).toEqual({
      version: '1.0',
      services: {
        'py-cuda': {
          image: 'quay.io/jupyter/pytorch-notebook:cuda12-pytorch-2.4.1',
          env: ['JUPYTER_TOKEN=sentient'],
          expose: [{ port: 8888, to: [{ global: true }] }],
        },
      },
      profiles: {
        name: 'demo',
        duration: '2h',
        mode: 'provider',
        tier: ['community'],
        compute: {
          'py-cuda': {
            resources: {
              cpu: { units: 8 },
              memory: { size: '16Gi' },
              storage: [{ name: 'default', size: '200Gi' }],
              gpu: { units: 1, attributes: { vendor: { nvidia: [{ model: 'rtx4090' }] } } },
            },
          },
        },
        placement: {
          'py-cuda': {
            attributes: { region: 'us-central' },
            pricing: { 'py-cuda': { token: 'USDT', amount: 10 } },
          },
        },
      },
      deployment: { 'py-cuda': { 'py-cuda': { profile: 'py-cuda', count: 1 } } },
    });
  });

  it.each([
    ['90m', '90min'],
    ['24h', '1d'],
    ['36h', '36h'],
    ['30d', '1mon'],
    ['60d', '2mon'],
    ['365d', '1y'],
    ['1y', '1y'],
  ])('GIVEN duration %s WHEN encoded THEN ICL says %s (largest exact unit)', (d, want) => {
    expect(encodeIcl(model({ web: { duration: d } })).profiles.duration).toBe(want);
  });

  it('GIVEN a duration that is not whole minutes WHEN encoded THEN it throws icl/inexact-duration', () => {
    expect(codeOf(() => encodeIcl(model({ web: { duration: '90s' } })))).toBe(
      'icl/inexact-duration',
    );
  });

  it('GIVEN millicores and odd sizes WHEN encoded THEN cpu is cores and sizes use the largest exact unit', () => {
    const r = encodeIcl(
      model({
        web: {
          resources: {
            cpu: '250m',
            memory: '1.5Gi',
            storage: [
              { name: 'root', size: '1000' },
              { name: 'k', size: 2048 },
            ],
          },
        },
      }),
    ).profiles.compute['web']?.resources;
    expect(r?.cpu).toEqual({ units: 0.25 });
    expect(r?.memory).toEqual({ size: '1536Mi' });
    expect(r?.storage).toEqual([
      { name: 'root', size: '1000' },
      { name: 'k', size: '2Ki' },
    ]);
  });

  it('GIVEN an 18-decimal price that a float cannot hold WHEN encoded THEN the amount is exact decimal text', () => {
    const m = model({ web: { pricing: { maxPerHour: '0.123456789012345678', token: 'DAI' } } }, [
      { symbol: 'DAI', decimals: 18 },
    ]);
    expect(encodeIcl(m).profiles.placement['web']?.pricing['web']).toEqual({
      token: 'DAI',
      amount: '0.123456789012345678',
    });
  });

  it('GIVEN tiers, regions, providers, mounts and persistent volumes WHEN encoded THEN each has its ICL form', () => {
    const doc = encodeIcl(
      model({
        web: {
          placement: {
            tiers: ['secured-1'],
            regions: ['us-east', 'uk'],
            providers: { allow: ['0xAA'], deny: ['0xBB'] },
          },
          resources: {
            cpu: 1,
            memory: '1Gi',
            storage: [
              { name: 'default', size: '1Gi' },
              {
                name: 'data',
                size: '10Gi',
                persistent: true,
                class: 'beta3',
                mount: '/data',
                readOnly: true,
              },
            ],
          },
        },
      }),
    );
    expect(doc.profiles.tier).toEqual(['secured1']);
    expect(doc.profiles.placement['web']?.attributes).toEqual({
      region: 'uk;us-east',
      desired_provider: '0xaa',
      provider_exclude: '0xbb',
    });
    expect(doc.services['web']?.params).toEqual({
      storage: { data: { mount: '/data', readOnly: true } },
    });
    expect(doc.profiles.compute['web']?.resources.storage[1]).toEqual({
      name: 'data',
      size: '10Gi',
      attributes: { persistent: true, class: 'beta3' },
    });
  });

  it.each([
    [['secured'], 'secured'],
    [['community'], 'community'],
    [['community-1', 'community-2', 'community-3', 'community-4'], 'community'],
    [['secured', 'community'], 'community-default'],
    [['community-3'], 'community3'],
  ] as const)(
    'GIVEN tiers %j WHEN encoded THEN ICL names them with the one SDK key %s',
    (tiers, key) => {
      expect(encodeIcl(model({ web: { placement: { tiers: [...tiers] } } })).profiles.tier).toEqual(
        [key],
      );
    },
  );

  it('GIVEN a tier set no SDK key names WHEN encoded THEN it is an error, never a wider tier set', () => {
    const m = model({ web: { placement: { tiers: ['secured-1', 'community'] } } });
    expect(codeOf(() => encodeIcl(m))).toBe('icl/tiers-not-expressible');
  });

  it('GIVEN 3 replicas at 0.5 per replica WHEN encoded THEN the ICL amount is the whole service: 1.5', () => {
    const m = model({ web: { count: 3, pricing: { maxPerHour: '0.5', token: 'USDT' } } });
    expect(encodeIcl(m).profiles.placement['web']?.pricing['web']).toEqual({
      token: 'USDT',
      amount: 1.5,
    });
    expect(encodeIcl(m).deployment['web']?.['web']?.count).toBe(3);
  });

  it('GIVEN instances with different modes WHEN encoded together THEN it throws; one at a time it works', () => {
    const m = model({ a: { placement: { mode: 'fizz' } }, b: {} });
    expect(codeOf(() => encodeIcl(m))).toBe('icl/incompatible-instances');
    expect(encodeIcl(m, { instance: 'a' }).profiles.mode).toBe('fizz');
    expect(Object.keys(encodeIcl(m, { instance: 'b' }).services)).toEqual(['b']);
    expect(codeOf(() => encodeIcl(m, { instance: 'c' }))).toBe('icl/unknown-instance');
  });

  it('GIVEN secrets and registry credentials WHEN encoded for an order THEN no secret value is needed or written', () => {
    const m = model({
      web: {
        secrets: { DB_PASSWORD: { fromEnv: 'PROD_DB_PASSWORD' } },
        credentials: { registry: 'ghcr.io', username: 'bot', password: { fromEnv: 'GHCR_TOKEN' } },
      },
    });
    const doc = encodeIcl(m);
    expect(doc.services['web']?.env).toBeUndefined();
    expect(doc.services['web']?.credentials).toEqual({ registry: 'ghcr.io', username: 'bot' });
  });

  it('GIVEN secret values WHEN encoded for a manifest THEN secrets join env and the password is filled', () => {
    const m = model({
      web: {
        env: { A: '1' },
        secrets: { DB_PASSWORD: { fromEnv: 'PROD_DB_PASSWORD' } },
        credentials: {
          registry: 'ghcr.io',
          username: { fromEnv: 'GHCR_USER' },
          password: { fromEnv: 'GHCR_TOKEN' },
        },
      },
    });
    const doc = encodeIcl(m, {
      secretValues: { PROD_DB_PASSWORD: 'pw', GHCR_USER: 'u', GHCR_TOKEN: 't' },
    });
    expect(doc.services['web']?.env).toEqual(['A=1', 'DB_PASSWORD=pw']);
    expect(doc.services['web']?.credentials).toEqual({
      registry: 'ghcr.io',
      username: 'u',
      password: 't',
    });
    expect(codeOf(() => encodeIcl(m, { secretValues: {} }))).toBe('icl/missing-secret');
  });

  it('GIVEN a token ICL has no decimals for WHEN encoded THEN it throws icl/unknown-token', () => {
    const m = model({ web: { pricing: { maxPerHour: '1', token: 'XYZ' } } }, [
      { symbol: 'XYZ', decimals: 6 },
    ]);
    expect(codeOf(() => encodeIcl(m))).toBe('icl/unknown-token');
  });

  it('GIVEN a stack without instances WHEN encoded THEN it throws icl/no-instances', () => {
    expect(codeOf(() => encodeIcl(model({})))).toBe('icl/no-instances');
  });
});
