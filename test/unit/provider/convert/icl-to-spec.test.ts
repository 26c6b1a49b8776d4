import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { iclToSpec } from '../../../../provider/convert/icl-to-spec.js';

const README = parse(
  readFileSync('test/fixtures/convert/icl/spheron-sdk-readme.yaml', 'utf8'),
) as Record<string, unknown>;

/** A minimal ICL document with one service `web`, overridable per section. */
function icl(
  over: {
    profiles?: Record<string, unknown>;
    pricing?: unknown;
    services?: unknown;
    deployment?: unknown;
  } = {},
): unknown {
  return {
    version: '1.0',
    services: over.services ?? {
      web: { image: 'nginx:1.27', expose: [{ port: 80, as: 80, to: [{ global: true }] }] },
    },
    profiles: {
      duration: '1h',
      mode: 'provider',
      compute: {
        web: {
          resources: { cpu: { units: 1 }, memory: { size: '1Gi' }, storage: { size: '1Gi' } },
        },
      },
      placement: { dc: { pricing: { web: over.pricing ?? { token: 'USDT', amount: 1 } } } },
      ...over.profiles,
    },
    deployment: over.deployment ?? { web: { dc: { profile: 'web', count: 1 } } },
  };
}

const codes = (r: ReturnType<typeof iclToSpec>): string[] => r.diagnostics.map((d) => d.code);

describe('iclToSpec', () => {
  it("GIVEN the SDK README's ICL WHEN converted THEN every field lands where the spec expects it", () => {
    const r = iclToSpec(README, { stack: 'demo' });
    expect(r.spec).toEqual({
      stack: 'demo',
      instances: {
        'py-cuda': {
          image: 'quay.io/jupyter/pytorch-notebook:cuda12-pytorch-2.4.1',
          env: { JUPYTER_TOKEN: 'sentient' },
          ports: [{ port: 8888, global: true }],
          resources: {
            cpu: 8,
            memory: '16Gi',
            storage: [{ name: 'default', size: '200Gi' }],
            gpu: { units: 1, vendor: 'nvidia', models: ['rtx4090'] },
          },
          duration: '2h',
          placement: { regions: ['us-central'], tiers: ['community'], mode: 'provider' },
          pricing: { maxPerHour: '10', token: 'USDT' },
        },
      },
    });
  });

  it('GIVEN an unknown token WHEN converted THEN it is an error, never a silent USDT', () => {
    const r = iclToSpec(icl({ pricing: { token: 'DOGE', amount: 1 } }), { stack: 's' });
    expect(r.spec).toBeNull();
    expect(codes(r)).toEqual(['convert/unknown-token']);
    expect(r.diagnostics[0]?.path).toBe('profiles.placement.dc.pricing.web.token');
  });

  it('GIVEN a token the target network does not list WHEN converted THEN a warning names the closest accepted tokens (issue 11 item 18)', () => {
    const r = iclToSpec(icl({ pricing: { token: 'CST', amount: 1 } }), { stack: 's' });
    expect(r.spec?.instances['web']?.pricing).toEqual({ maxPerHour: '1', token: 'CST' });
    expect(codes(r)).toEqual(['convert/token-not-on-network']);
    const d = r.diagnostics[0];
    expect(d?.severity).toBe('warning');
    expect(d?.path).toBe('profiles.placement.dc.pricing.web.token');
    expect(d?.detail).toContain('Closest accepted: USDT, USDC.');
    expect(d?.hint).toBe(
      'Change `token` to `USDT` or `USDC`, or set `network` to one that lists CST.',
    );
  });

  it('GIVEN pricing without a token WHEN converted THEN it is convert/unknown-token', () => {
    const r = iclToSpec(icl({ pricing: { amount: 1 } }), { stack: 's' });
    expect(codes(r)).toEqual(['convert/unknown-token']);
  });

  it('GIVEN `denom` instead of `token` and a lowercase symbol WHEN converted THEN the canonical symbol is used', () => {
    const r = iclToSpec(icl({ pricing: { denom: 'uspon', amount: 0.1 } }), { stack: 's' });
    expect(r.spec?.instances['web']?.pricing).toEqual({ maxPerHour: '0.1', token: 'uSPON' });
  });

  it('GIVEN a tiny price written as a float WHEN converted THEN it is carried as exact decimal text', () => {
    const r = iclToSpec(icl({ pricing: { token: 'USDT', amount: 1e-7 } }), { stack: 's' });
    expect(r.spec?.instances['web']?.pricing?.maxPerHour).toBe('0.0000001');
  });

  it.each([
    ['30min', '30m'],
    ['1d', '1d'],
    ['2mon', '2mon'],
    ['1y', '1y'],
  ])('GIVEN duration %s WHEN converted THEN the spec says %s', (given, want) => {
    expect(
      iclToSpec(icl({ profiles: { duration: given } }), { stack: 's' }).spec?.instances['web']
        ?.duration,
    ).toBe(want);
  });

  it.each(['30m', '1.5h', '90', 'soon'])(
    'GIVEN duration %s (0 blocks in the SDK) WHEN converted THEN it is an error',
    (d) => {
      const r = iclToSpec(icl({ profiles: { duration: d } }), { stack: 's' });
      expect(r.spec).toBeNull();
      expect(codes(r)).toEqual(['convert/invalid-value']);
    },
  );

  it('GIVEN no duration WHEN converted THEN the SDK default 1h is written, not the spec default 24h', () => {
    const doc = icl() as { profiles: Record<string, unknown> };
    delete doc.profiles['duration'];
    expect(iclToSpec(doc, { stack: 's' }).spec?.instances['web']?.duration).toBe('1h');
  });

  it('GIVEN docs and SDK tier spellings WHEN converted THEN both read as the tier they name', () => {
    const r = iclToSpec(icl({ profiles: { tier: ['secured-1', 'community2'] } }), {
      stack: 's',
    });
    expect(r.spec?.instances['web']?.placement?.tiers).toEqual(['secured-1', 'community-2']);
    // The SDK orders only the first key of a list; the spec keeps what the author wrote.
    expect(codes(r)).toEqual(['convert/icl-tiers-first-only']);
  });

  it('GIVEN a tier name Spheron does not know WHEN converted THEN it is an error (the SDK would widen it to every tier)', () => {
    const r = iclToSpec(icl({ profiles: { tier: ['gold'] } }), { stack: 's' });
    expect(r.spec).toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'convert/unknown-tier',
        path: 'profiles.tier[0]',
      }),
    ]);
  });

  it('GIVEN an ICL amount of 10 for 4 replicas WHEN converted THEN the spec prices one replica at 2.5 (the amount covers the whole service)', () => {
    const doc = icl({
      pricing: { token: 'USDT', amount: 10 },
      deployment: { web: { dc: { profile: 'web', count: 4 } } },
    });
    const r = iclToSpec(doc, { stack: 's' });
    expect(r.spec?.instances['web']?.count).toBe(4);
    expect(r.spec?.instances['web']?.pricing).toEqual({ maxPerHour: '2.5', token: 'USDT' });
    expect(codes(r)).toEqual([]);
  });

  it('GIVEN an ICL amount that 3 replicas do not divide exactly WHEN converted THEN the per-replica price is rounded down to the token unit, with a warning', () => {
    const doc = icl({
      pricing: { token: 'USDT', amount: 1 },
      deployment: { web: { dc: { profile: 'web', count: 3 } } },
    });
    const r = iclToSpec(doc, { stack: 's' });
    expect(r.spec?.instances['web']?.pricing).toEqual({ maxPerHour: '0.333333', token: 'USDT' });
    expect(codes(r)).toEqual(['convert/price-rounded-down']);
  });

  it('GIVEN community-default WHEN converted THEN it means every tier', () => {
    const r = iclToSpec(icl({ profiles: { tier: 'community-default' } }), { stack: 's' });
    expect(r.spec?.instances['web']?.placement?.tiers).toEqual(['secured', 'community']);
  });

  it('GIVEN `;`-separated regions and providers WHEN converted THEN they become lists', () => {
    const doc = icl() as { profiles: { placement: { dc: Record<string, unknown> } } };
    doc.profiles.placement.dc['attributes'] = {
      region: 'us-east; uk',
      desired_provider: '0xA;0xB',
      desired_fizz: '0xC',
    };
    const r = iclToSpec(doc, { stack: 's' });
    expect(r.spec?.instances['web']?.placement).toMatchObject({
      regions: ['us-east', 'uk'],
      providers: { allow: ['0xA', '0xB'] },
    });
    expect(r.diagnostics.map((d) => d.path)).toEqual([
      'profiles.placement.dc.attributes.desired_fizz',
    ]);
  });

  it('GIVEN one service in two placements WHEN converted THEN there is one instance per placement', () => {
    const doc = icl({
      deployment: { web: { dc: { profile: 'web', count: 2 }, dc2: { profile: 'web', count: 1 } } },
    }) as {
      profiles: { placement: Record<string, unknown> };
    };
    doc.profiles.placement['dc2'] = {
      attributes: { region: 'uk' },
      pricing: { web: { token: 'USDC', amount: 2 } },
    };
    const r = iclToSpec(doc, { stack: 's' });
    expect(Object.keys(r.spec?.instances ?? {})).toEqual(['web-dc', 'web-dc2']);
    expect(r.spec?.instances['web-dc']?.count).toBe(2);
    expect(r.spec?.instances['web-dc2']?.pricing).toEqual({ maxPerHour: '2', token: 'USDC' });
  });

  it('GIVEN a deployment naming an undeclared placement or service WHEN converted THEN both are errors', () => {
    const r = iclToSpec(
      icl({
        deployment: { web: { nowhere: { profile: 'web', count: 1 } }, ghost: { dc: { count: 1 } } },
      }),
      { stack: 's' },
    );
    expect(r.spec).toBeNull();
    expect(codes(r)).toEqual(['convert/unknown-reference', 'convert/unknown-reference']);
  });

  it('GIVEN a service without deployment WHEN converted THEN a warning names it', () => {
    const r = iclToSpec(icl({ services: { web: { image: 'a:1' }, extra: { image: 'b:1' } } }), {
      stack: 's',
    });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['convert/service-not-deployed', 'services.extra'],
    ]);
  });

  it('GIVEN something that is not an ICL document WHEN converted THEN it is an error', () => {
    expect(codes(iclToSpec({ version: '1.0' }, { stack: 's' }))).toEqual(['convert/invalid-value']);
  });
});
