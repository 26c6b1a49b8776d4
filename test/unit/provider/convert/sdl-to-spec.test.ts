import { describe, expect, it } from '@jest/globals';
import { sdlToSpec } from '../../../../provider/convert/sdl-to-spec.js';

const USDC = 'ibc/170C677610AC31DF0904FFE09CD3B5C657492170E7E52372E48756B71E56F2F1';

/** A minimal SDL document with one service `web`. */
function sdl(
  over: {
    expose?: unknown;
    pricing?: unknown;
    attributes?: unknown;
    service?: Record<string, unknown>;
    gpu?: unknown;
  } = {},
): unknown {
  return {
    version: '2.0',
    services: {
      web: {
        image: 'nginx:1.27',
        expose: over.expose ?? [{ port: 80, as: 80, to: [{ global: true }] }],
        ...over.service,
      },
    },
    profiles: {
      compute: {
        web: {
          resources: {
            cpu: { units: 0.5 },
            memory: { size: '512Mi' },
            storage: { size: '1Gi' },
            ...(over.gpu === undefined ? {} : { gpu: over.gpu }),
          },
        },
      },
      placement: {
        dc: {
          ...(over.attributes === undefined ? {} : { attributes: over.attributes }),
          pricing: { web: over.pricing ?? { denom: 'uakt', amount: 1000 } },
        },
      },
    },
    deployment: { web: { dc: { profile: 'web', count: 1 } } },
  };
}

const web = (doc: unknown) => sdlToSpec(doc, { stack: 's' }).spec?.instances['web'];
const notes = (doc: unknown) =>
  sdlToSpec(doc, { stack: 's' }).diagnostics.map((d) => `${d.severity}:${d.code}@${d.path ?? ''}`);

describe('sdlToSpec pricing', () => {
  it.each([
    ['1000', 'uakt', '0.6', 'USDT'],
    ['1', 'uakt', '0.0006', 'USDT'],
    ['25000.5', 'uakt', '15.0003', 'USDT'],
    ['0.000001', 'uact', '0.0000000006', 'USDT'],
    ['100', USDC, '0.06', 'USDC'],
    ['100', USDC.toLowerCase(), '0.06', 'USDC'],
  ])(
    'GIVEN %s %s per block WHEN converted THEN max per hour is exactly %s %s',
    (amount, denom, want, token) => {
      expect(web(sdl({ pricing: { denom, amount } }))?.pricing).toEqual({
        maxPerHour: want,
        token,
      });
    },
  );

  it('GIVEN any SDL price WHEN converted THEN a review warning quotes the original amount, denom and block-time assumption', () => {
    const d = sdlToSpec(sdl({ pricing: { denom: 'uakt', amount: 1234 } }), {
      stack: 's',
    }).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      severity: 'warning',
      code: 'convert/price-needs-review',
      path: 'profiles.placement.dc.pricing.web',
    });
    expect(d[0]?.detail).toContain('1234 uakt per block');
    expect(d[0]?.detail).toContain('6-second blocks (600 per hour)');
    expect(d[0]?.detail).toContain('0.7404 USDT per hour');
  });

  it.each([{ denom: 'akt', amount: 1 }, { amount: 1 }, { denom: 'ibc/xyz', amount: 1 }])(
    'GIVEN pricing %j WHEN converted THEN it is convert/unknown-token',
    (pricing) => {
      expect(notes(sdl({ pricing }))).toEqual([
        'error:convert/unknown-token@profiles.placement.dc.pricing.web.denom',
      ]);
    },
  );

  it('GIVEN a negative or non-numeric amount WHEN converted THEN it is an error', () => {
    expect(notes(sdl({ pricing: { denom: 'uakt', amount: -5 } }))).toEqual([
      'error:convert/invalid-value@profiles.placement.dc.pricing.web.amount',
    ]);
  });
});

describe('sdlToSpec expose', () => {
  it('GIVEN a port without `to` WHEN converted THEN it is not global, as in Akash', () => {
    expect(web(sdl({ expose: [{ port: 8080 }] }))?.ports).toEqual([{ port: 8080, global: false }]);
  });

  it('GIVEN `to: service` WHEN converted THEN the port is not global and a warning says routing is not modelled', () => {
    const doc = sdl({ expose: [{ port: 5432, to: [{ service: 'api' }] }] });
    expect(web(doc)?.ports).toEqual([{ port: 5432, global: false }]);
    expect(notes(doc)).toContain(
      'warning:convert/service-routing-dropped@services.web.expose[0].to[0].service',
    );
  });

  it('GIVEN http_options WHEN converted THEN the warning lists every dropped option', () => {
    const doc = sdl({
      expose: [
        { port: 80, to: [{ global: true }], http_options: { max_body_size: 1, next_tries: 2 } },
      ],
    });
    const d = sdlToSpec(doc, { stack: 's' }).diagnostics.find(
      (x) => x.code === 'convert/http-options-dropped',
    );
    expect(d?.detail).toContain('max_body_size, next_tries');
  });

  it('GIVEN proto UDP, accept and as WHEN converted THEN they are carried', () => {
    const doc = sdl({
      expose: [
        { port: 53, as: 5353, proto: 'UDP', accept: ['a.example'], to: [{ global: 'true' }] },
      ],
    });
    expect(web(doc)?.ports).toEqual([
      { port: 53, as: 5353, proto: 'udp', global: true, accept: ['a.example'] },
    ]);
  });

  it('GIVEN proto http (SDL v1) WHEN converted THEN it is an error', () => {
    expect(notes(sdl({ expose: [{ port: 80, proto: 'http' }] }))).toContain(
      'error:convert/invalid-value@services.web.expose[0].proto',
    );
  });
});

describe('sdlToSpec placement, gpu, service fields', () => {
  it('GIVEN region, tier and other attributes WHEN converted THEN region and tier carry, the rest is listed', () => {
    const doc = sdl({ attributes: { region: 'us-west', tier: 'community', host: 'akash' } });
    expect(web(doc)?.placement).toEqual({ regions: ['us-west'], tiers: ['community'] });
    const d = sdlToSpec(doc, { stack: 's' }).diagnostics.find(
      (x) => x.code === 'convert/placement-attribute-dropped',
    );
    expect(d?.detail).toContain('host=akash');
    expect(d?.detail).not.toContain('region');
  });

  it('GIVEN an Akash-only tier value WHEN converted THEN it is listed as dropped, not guessed', () => {
    const doc = sdl({ attributes: { tier: 'gold' } });
    expect(web(doc)?.placement).toBeUndefined();
    expect(notes(doc)).toContain(
      'warning:convert/placement-attribute-dropped@profiles.placement.dc.attributes',
    );
  });

  it('GIVEN an empty nvidia model list WHEN converted THEN any model is accepted', () => {
    expect(
      web(sdl({ gpu: { units: 1, attributes: { vendor: { nvidia: null } } } }))?.resources?.gpu,
    ).toEqual({ units: 1, vendor: 'nvidia' });
  });

  it('GIVEN two GPU vendors WHEN converted THEN the first is kept and the other listed', () => {
    const doc = sdl({
      gpu: {
        units: 1,
        attributes: { vendor: { amd: [{ model: 'mi300x' }], nvidia: [{ model: 'h100' }] } },
      },
    });
    expect(web(doc)?.resources?.gpu).toEqual({ units: 1, vendor: 'amd', models: ['mi300x'] });
    expect(notes(doc)).toContain(
      'warning:convert/gpu-requirement-dropped@profiles.compute.web.resources.gpu.attributes.vendor.nvidia',
    );
  });

  it('GIVEN a gpu with zero units WHEN converted THEN there is no gpu', () => {
    expect(web(sdl({ gpu: { units: 0 } }))?.resources?.gpu).toBeUndefined();
  });

  it('GIVEN an env entry without `=` WHEN converted THEN it is listed, and values keep their `=`', () => {
    const doc = sdl({ service: { env: ['A=b=c', 'JUST_A_NAME', 'EMPTY='] } });
    expect(web(doc)?.env).toEqual({ A: 'b=c', EMPTY: '' });
    expect(notes(doc)).toContain('warning:convert/invalid-env@services.web.env[1]');
  });

  it('GIVEN credentials with a password WHEN converted THEN the password is replaced by an env reference', () => {
    const doc = sdl({
      service: {
        credentials: {
          host: 'docker.io',
          username: 'me',
          password: 's3cr3t-value',
          email: 'me@example.com',
        },
      },
    });
    const r = sdlToSpec(doc, { stack: 's' });
    expect(r.spec?.instances['web']?.credentials).toEqual({
      registry: 'docker.io',
      username: 'me',
      password: { fromEnv: 'WEB_REGISTRY_PASSWORD' },
      email: 'me@example.com',
    });
    expect(JSON.stringify(r)).not.toContain('s3cr3t-value');
  });

  it('GIVEN a mount for a volume the profile lacks WHEN converted THEN it is listed', () => {
    const doc = sdl({ service: { params: { storage: { data: { mount: '/data' } } } } });
    expect(notes(doc)).toContain(
      'warning:convert/unmatched-mount@profiles.compute.web.resources.storage',
    );
  });
});
