import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../../../../provider/spec/canonical-json.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import type { InstanceModel } from '../../../../provider/spec/model-types.js';
import { normalizeStack } from '../../../../provider/spec/normalize-stack.js';
import type { InstanceSpec, StackSpec } from '../../../../provider/spec/spec-types.js';

const ctx = { tokens: knownTokens('local') ?? [], baseDir: '/work/app' };
const price = { maxPerHour: '2', token: 'USDT' };

function spec(instances: Record<string, InstanceSpec>, extra: Partial<StackSpec> = {}): StackSpec {
  return { stack: 's', instances, ...extra };
}

function instanceOf(s: StackSpec, name: string): InstanceModel {
  const res = normalizeStack(s, ctx);
  const r = res.model?.resources.find((x) => x.address === `instance.${name}`);
  if (r?.type !== 'instance') throw new Error(JSON.stringify(res.diagnostics));
  return r.attributes;
}

describe('normalizeStack', () => {
  it('GIVEN a minimal instance WHEN normalized THEN every documented default is applied', () => {
    const inst = instanceOf(
      spec({ web: { image: 'nginx', pricing: price, ports: [{ port: 80 }] } }),
      'web',
    );
    expect(inst).toEqual({
      image: 'nginx',
      credentials: null,
      command: [],
      args: [],
      env: {},
      secrets: [],
      ports: [{ port: 80, as: 80, proto: 'tcp', global: true, accept: [] }],
      resources: {
        cpu: 1000,
        memory: '1073741824',
        storage: [
          {
            name: 'default',
            size: '1073741824',
            persistent: false,
            class: null,
            mount: null,
            readOnly: false,
          },
        ],
        gpu: null,
      },
      count: 1,
      duration: 86_400_000,
      placement: {
        regions: [],
        tiers: [3, 4, 5, 6],
        allowProviders: [],
        denyProviders: [],
        spread: 'none',
        mode: 'provider',
      },
      pricing: { token: 'USDT', amount: '2000000' },
      lifecycle: { createBeforeDestroy: true, preventDestroy: false },
    });
  });

  it('GIVEN tier names WHEN normalized THEN they become sorted unique Spheron tier numbers', () => {
    const tiers = (t: InstanceSpec['placement']) =>
      instanceOf(spec({ a: { image: 'x', pricing: price, placement: t } }), 'a').placement.tiers;
    expect(tiers({ tiers: ['secured'] })).toEqual([0, 1, 2]);
    expect(tiers({ tiers: ['community-4', 'secured-1', 'secured'] })).toEqual([0, 1, 2, 6]);
    expect(tiers({ tiers: ['secured-3', 'community-1', 'community-2', 'community-3'] })).toEqual([
      2, 3, 4, 5,
    ]);
  });

  it('GIVEN order-insensitive lists WHEN normalized THEN they are sorted, but ports, command, args and storage keep order', () => {
    const inst = instanceOf(
      spec({
        a: {
          image: 'x',
          pricing: price,
          command: ['sh', '-c'],
          args: ['b', 'a'],
          env: { Z: 1, A: true },
          secrets: { Z: { fromEnv: 'Z_ENV' }, A: { fromEnv: 'A_ENV' } },
          ports: [{ port: 9000 }, { port: 80 }],
          resources: {
            storage: [
              { name: 'z', size: '1Gi' },
              { name: 'a', size: 1000, persistent: true, mount: '/data' },
            ],
            gpu: { units: 1, models: ['RTX4090', 'a100'] },
          },
          placement: {
            regions: ['us-west', 'eu-central', 'us-east'],
            providers: { allow: ['0xBB', '0xAA'], deny: ['0xCC'] },
          },
        },
      }),
      'a',
    );
    expect(inst.command).toEqual(['sh', '-c']);
    expect(inst.args).toEqual(['b', 'a']);
    expect(Object.entries(inst.env)).toEqual([
      ['A', 'true'],
      ['Z', '1'],
    ]);
    expect(inst.secrets).toEqual([
      { name: 'A', fromEnv: 'A_ENV' },
      { name: 'Z', fromEnv: 'Z_ENV' },
    ]);
    expect(inst.ports.map((p) => p.port)).toEqual([9000, 80]);
    expect(inst.resources.storage.map((v) => [v.name, v.size])).toEqual([
      ['z', '1073741824'],
      ['a', '1000'],
    ]);
    expect(inst.resources.gpu?.models).toEqual(['a100', 'rtx4090']);
    expect(inst.placement.regions).toEqual(['eu-central', 'us-east', 'us-west']);
    expect(inst.placement.allowProviders).toEqual(['0xaa', '0xbb']);
    expect(inst.placement.denyProviders).toEqual(['0xcc']);
  });

  it('GIVEN defaults WHEN an instance sets some fields THEN the instance wins and the rest is inherited', () => {
    const s = spec(
      { a: { image: 'x', resources: { memory: '2Gi' }, placement: { spread: 'region' } } },
      {
        defaults: {
          pricing: price,
          resources: { cpu: '250m', memory: '1Gi' },
          placement: { regions: ['us-east'] },
          duration: '1.5h',
        },
      },
    );
    const inst = instanceOf(s, 'a');
    expect(inst.resources.cpu).toBe(250);
    expect(inst.resources.memory).toBe('2147483648');
    expect(inst.placement.regions).toEqual(['us-east']);
    expect(inst.placement.spread).toBe('region');
    expect(inst.duration).toBe(5_400_000);
    expect(inst.pricing).toEqual({ token: 'USDT', amount: '2000000' });
  });

  it('GIVEN no pricing anywhere WHEN normalized THEN spec/missing-pricing, never a silent default', () => {
    const res = normalizeStack(spec({ a: { image: 'x' } }), ctx);
    expect(res.model).toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec/missing-pricing',
        path: 'instances.a',
        address: 'instance.a',
        severity: 'error',
      }),
    ]);
  });

  it('GIVEN an unknown token WHEN normalized THEN spec/unknown-token lists the network tokens (no USDT fallback)', () => {
    const res = normalizeStack(
      spec({ a: { image: 'x', pricing: { maxPerHour: '1', token: 'DAI' } } }),
      ctx,
    );
    expect(res.model).toBeNull();
    expect(res.diagnostics[0]).toMatchObject({
      code: 'spec/unknown-token',
      path: 'instances.a.pricing.token',
    });
    expect(res.diagnostics[0]?.detail).toContain('USDT, USDC, uSPON');
    const lower = normalizeStack(
      spec({ a: { image: 'x', pricing: { maxPerHour: '1', token: 'uspon' } } }),
      ctx,
    );
    expect(lower.diagnostics[0]?.hint).toBe('Write it as `uSPON`.');
  });

  it('GIVEN bad units WHEN normalized THEN each is spec/invalid-unit at the path where it was written', () => {
    const res = normalizeStack(
      spec(
        {
          a: {
            image: 'x',
            resources: { memory: '1GB', cpu: '0.0001' },
            health: { tcp: { port: 80 }, interval: '10 seconds' },
            autoscaling: {
              min: 1,
              max: 2,
              metrics: [{ type: 'cpu', target: { averageUtilization: 70.5 } }],
            },
          },
        },
        { defaults: { pricing: { maxPerHour: '0.0000001', token: 'USDT' }, duration: '1h30m' } },
      ),
      ctx,
    );
    expect(res.model).toBeNull();
    const at = res.diagnostics.map((d) => [d.code, d.path]);
    expect(at).toEqual(
      expect.arrayContaining([
        ['spec/invalid-unit', 'instances.a.resources.memory'],
        ['spec/invalid-unit', 'instances.a.resources.cpu'],
        ['spec/invalid-unit', 'defaults.duration'],
        ['spec/invalid-unit', 'defaults.pricing.maxPerHour'],
        ['spec/invalid-unit', 'instances.a.health.interval'],
        ['spec/invalid-unit', 'instances.a.autoscaling.metrics[0].target'],
      ]),
    );
    expect(res.diagnostics).toHaveLength(6);
    expect(
      res.diagnostics.find((d) => d.path === 'instances.a.resources.memory')?.detail,
    ).toContain('"1GB"');
    // Issue 11 item 15: the hint shows the forms it promises, for every unit.
    const hint = (path: string): string | undefined =>
      res.diagnostics.find((d) => d.path === path)?.hint;
    expect(hint('instances.a.resources.memory')).toBe(
      'Rewrite the memory size in one of these forms: 512Mi, 1Gi, 1.5Gi, 1G or a number of bytes.',
    );
    expect(hint('instances.a.resources.cpu')).toContain('0.5, 2 or 500m');
    expect(hint('defaults.duration')).toContain('30s, 5m, 1.5h, 7d');
    expect(hint('defaults.pricing.maxPerHour')).toContain("such as '0.75' or '2'");
    expect(hint('instances.a.autoscaling.metrics[0].target')).toContain('such as 70');
    for (const d of res.diagnostics) expect(d.hint).not.toContain('forms shown');
  });

  it('GIVEN a budget below one replica WHEN normalized THEN spec/budget-too-low, compared in base units', () => {
    const res = normalizeStack(
      spec(
        { a: { image: 'x', pricing: { maxPerHour: '1.000001', token: 'USDT' } } },
        { budget: { maxPerHour: '1', token: 'USDT' } },
      ),
      ctx,
    );
    expect(res.diagnostics.map((d) => d.code)).toEqual(['spec/budget-too-low']);
    const fits = normalizeStack(
      spec(
        { a: { image: 'x', pricing: { maxPerHour: '1', token: 'USDT' } } },
        { budget: { maxPerHour: '1.0', token: 'USDT' } },
      ),
      ctx,
    );
    expect(fits.diagnostics).toEqual([]);
  });

  it('GIVEN replicas whose total exceeds the budget WHEN normalized THEN spec/budget-exceeded-by-count', () => {
    const res = normalizeStack(
      spec(
        {
          a: { image: 'x', count: 3, pricing: price },
          b: { image: 'y', pricing: { maxPerHour: '0.5', token: 'USDT' } },
        },
        { budget: { maxPerHour: '6.4', token: 'USDT' } },
      ),
      ctx,
    );
    expect(res.diagnostics.map((d) => d.code)).toEqual(['spec/budget-exceeded-by-count']);
    expect(res.diagnostics[0]?.detail).toContain('6500000');
  });

  it('GIVEN an instance priced in another token than the budget THEN spec/budget-token-mismatch', () => {
    const res = normalizeStack(
      spec(
        { a: { image: 'x', pricing: { maxPerHour: '1', token: 'USDC' } } },
        { budget: { maxPerHour: '10', token: 'USDT' } },
      ),
      ctx,
    );
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec/budget-token-mismatch',
        path: 'instances.a.pricing.token',
      }),
    ]);
  });

  it('GIVEN health and autoscaling WHEN normalized THEN resources are addressed, defaulted and sorted by address', () => {
    const res = normalizeStack(
      spec({
        web: {
          image: 'x',
          pricing: price,
          health: { http: { port: 8080 } },
          autoscaling: {
            min: 1,
            max: 3,
            metrics: [
              { type: 'requestsPerSecond', target: { averageValue: 50 } },
              { type: 'cpu', target: { averageUtilization: 60 } },
            ],
            behavior: {
              scaleDown: {
                stabilizationWindow: '1m',
                policies: [{ type: 'Replicas', value: 1, period: '30s' }],
              },
            },
          },
        },
        api: { image: 'y', pricing: price },
      }),
      ctx,
    );
    expect(res.model?.resources.map((r) => r.address)).toEqual([
      'autoscaling_policy.web',
      'health_check.web',
      'instance.api',
      'instance.web',
    ]);
    const [scaling, health] = res.model?.resources ?? [];
    expect(health?.attributes).toMatchObject({
      instance: 'instance.web',
      probe: {
        type: 'http',
        path: '/',
        port: 8080,
        expectedStatus: { min: 200, max: 399 },
        headers: {},
      },
      interval: 10_000,
      timeout: 2000,
      gracePeriod: 30_000,
      healthyThreshold: 1,
      unhealthyThreshold: 3,
      onFailure: 'replace',
      maxReplacementsPerHour: 3,
    });
    expect(scaling?.attributes).toMatchObject({
      cooldown: 30_000,
      metrics: [
        { type: 'cpu', targetAverageUtilization: 60 },
        { type: 'requestsPerSecond', targetAverageValue: 50 },
      ],
      scaleDown: {
        stabilizationWindow: 60_000,
        selectPolicy: 'Max',
        policies: [{ type: 'Replicas', value: 1, period: 30_000 }],
      },
      scaleUp: { stabilizationWindow: 0, selectPolicy: 'Max' },
    });
  });

  it('GIVEN a descending expected status range WHEN normalized THEN spec/invalid-status at its path', () => {
    const res = normalizeStack(
      spec({
        a: {
          image: 'x',
          pricing: price,
          health: { http: { port: 80, expectedStatus: '399-200' } },
        },
      }),
      ctx,
    );
    expect(res.model).toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec/invalid-status',
        path: 'instances.a.health.http.expectedStatus',
        address: 'health_check.a',
      }),
    ]);
  });

  it('GIVEN a custom network WHEN normalized THEN its address book path is made absolute', () => {
    const res = normalizeStack(
      spec(
        { a: { image: 'x', pricing: price } },
        {
          network: {
            name: 'mine',
            rpcUrl: 'http://127.0.0.1:8545',
            chainId: 31337,
            addressBook: 'book.json',
          },
        },
      ),
      ctx,
    );
    expect(res.model?.network).toEqual({
      name: 'mine',
      rpcUrl: 'http://127.0.0.1:8545',
      chainId: 31337,
      addressBook: '/work/app/book.json',
    });
  });

  const custom = (over: Record<string, unknown> = {}): StackSpec =>
    spec(
      { a: { image: 'x', pricing: price } },
      {
        network: {
          name: 'mine',
          rpcUrl: { fromEnv: 'MINE_RPC_URL' },
          chainId: 31337,
          addressBook: 'book.json',
          ...over,
        } as StackSpec['network'],
      },
    );

  it('GIVEN rpcUrl fromEnv and a block time WHEN normalized THEN the model holds the variable name and milliseconds', () => {
    const res = normalizeStack(custom({ blockTime: '12s' }), {
      ...ctx,
      addressBookHash: 'sha256:b',
    });
    expect(res.diagnostics).toEqual([]);
    expect(res.model?.network).toEqual({
      name: 'mine',
      rpcUrl: { fromEnv: 'MINE_RPC_URL' },
      chainId: 31337,
      addressBook: '/work/app/book.json',
      addressBookHash: 'sha256:b',
      blockTime: 12_000,
    });
  });

  it.each([['0s'], ['12m'], ['fast']])(
    'GIVEN blockTime %s WHEN normalized THEN spec/invalid-unit at network.blockTime',
    (blockTime) => {
      const res = normalizeStack(custom({ blockTime }), ctx);
      expect(res.model).toBeNull();
      expect(res.diagnostics).toEqual([
        expect.objectContaining({ code: 'spec/invalid-unit', path: 'network.blockTime' }),
      ]);
    },
  );

  it('GIVEN the same stack in two directories, or reached through another RPC URL WHEN normalized THEN the stack hash is the same', () => {
    const here = normalizeStack(custom(), { ...ctx, addressBookHash: 'sha256:b' }).model;
    const there = normalizeStack(custom({ rpcUrl: 'https://node.example/v2/KEY' }), {
      ...ctx,
      baseDir: '/elsewhere/checkout',
      addressBookHash: 'sha256:b',
    }).model;
    expect(there?.network.addressBook).toBe('/elsewhere/checkout/book.json');
    expect(there?.hash).toBe(here?.hash);
  });

  it('GIVEN another address book content or block time WHEN normalized THEN the stack hash changes', () => {
    const hash = (s: StackSpec, book: string) =>
      normalizeStack(s, { ...ctx, addressBookHash: book }).model?.hash;
    const base = hash(custom(), 'sha256:b');
    expect(hash(custom(), 'sha256:other')).not.toBe(base);
    expect(hash(custom({ blockTime: '12s' }), 'sha256:b')).not.toBe(base);
  });
});

describe('normalizeStack: canonical form and hashes', () => {
  const base: StackSpec = {
    stack: 'shop',
    budget: { maxPerHour: '20', token: 'USDT' },
    instances: {
      web: {
        image: 'nginx',
        env: { A: '1', B: '2' },
        pricing: price,
        placement: { regions: ['us-east', 'eu-central'], tiers: ['secured', 'community-1'] },
        health: { http: { path: '/healthz', port: 80 } },
        autoscaling: {
          min: 2,
          max: 6,
          metrics: [{ type: 'cpu', target: { averageUtilization: 70 } }],
        },
      },
      db: { image: 'postgres', pricing: price },
    },
  };
  // The same stack written in another order: keys, env entries, regions, tiers and instances.
  const reordered = JSON.parse(
    JSON.stringify({
      instances: {
        db: { pricing: { token: 'USDT', maxPerHour: '2.0' }, image: 'postgres' },
        web: {
          autoscaling: {
            metrics: [{ target: { averageUtilization: 70 }, type: 'cpu' }],
            max: 6,
            min: 2,
          },
          health: { http: { port: 80, path: '/healthz' } },
          placement: { tiers: ['community-1', 'secured'], regions: ['eu-central', 'us-east'] },
          pricing: { token: 'USDT', maxPerHour: 2 },
          env: { B: '2', A: '1' },
          image: 'nginx',
        },
      },
      budget: { token: 'USDT', maxPerHour: '20.000' },
      stack: 'shop',
    }),
  ) as StackSpec;

  it('GIVEN a re-ordered but equivalent spec WHEN normalized THEN canonical JSON and every hash are identical', () => {
    const a = normalizeStack(base, ctx).model;
    const b = normalizeStack(reordered, ctx).model;
    expect(a).not.toBeNull();
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(b?.hash).toBe(a?.hash);
    expect(b?.resources.map((r) => r.hash)).toEqual(a?.resources.map((r) => r.hash));
  });

  it('GIVEN one changed field WHEN normalized THEN exactly that resource hash (and the stack hash) change', () => {
    const a = normalizeStack(base, ctx).model;
    const web = base.instances.web;
    if (web === undefined) throw new Error('fixture');
    const changed: StackSpec = {
      ...base,
      instances: {
        ...base.instances,
        web: { ...web, health: { http: { path: '/ready', port: 80 } } },
      },
    };
    const b = normalizeStack(changed, ctx).model;
    const hashes = (m: typeof a) =>
      Object.fromEntries((m?.resources ?? []).map((r) => [r.address, r.hash]));
    const before = hashes(a);
    const after = hashes(b);
    const differing = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(differing).toEqual(['health_check.web']);
    expect(b?.hash).not.toBe(a?.hash);
  });

  it('GIVEN a model WHEN its stack hash is recomputed without the hash field THEN it matches', async () => {
    const { contentHash } = await import('../../../../provider/spec/content-hash.js');
    const m = normalizeStack(base, ctx).model;
    if (m === null) throw new Error('fixture');
    const { hash, ...rest } = m;
    expect(contentHash(rest)).toBe(hash);
    for (const r of m.resources)
      expect(contentHash({ type: r.type, name: r.name, attributes: r.attributes })).toBe(r.hash);
  });
});
