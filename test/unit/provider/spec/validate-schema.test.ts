import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { specSchemaPath, validateSchema } from '../../../../provider/spec/validate-schema.js';

type Json = Record<string, unknown>;
const fixture = new URL('../../../fixtures/valid/full.yaml', import.meta.url);
const valid = (): Json => parse(readFileSync(fixture, 'utf8')) as Json;
const schema = JSON.parse(readFileSync(specSchemaPath(), 'utf8')) as Json;
const minimal = (inst: Json): Json => ({
  stack: 'demo',
  instances: { web: { image: 'nginx', ...inst } },
});

function walk(node: unknown, at: string, visit: (s: Json, at: string) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`, visit));
  visit(node as Json, at);
  for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`, visit);
}

describe('schemas/spec.schema.json', () => {
  it('GIVEN the schema WHEN checked against draft 2020-12 THEN it is a valid schema with the published $id', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema['$id']).toBe('https://leasehold.dev/schemas/spec.schema.json');
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('GIVEN every object in the schema WHEN walked THEN each property has a description and only maps are open', () => {
    const missing: string[] = [];
    const open: string[] = [];
    walk(schema, '#', (s, at) => {
      const props = s['properties'] as Json | undefined;
      for (const [k, v] of Object.entries(props ?? {})) {
        if (typeof (v as Json)['description'] !== 'string') missing.push(`${at}/properties/${k}`);
      }
      if (props !== undefined && s['additionalProperties'] !== false) open.push(at);
    });
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });
});

describe('validateSchema', () => {
  it('GIVEN the full valid spec WHEN validated THEN there is no diagnostic', () => {
    expect(validateSchema(valid())).toEqual([]);
  });

  it.each([
    ['cpu', ['0.5', 2, '500m', 0.25]],
    ['memory', ['512Mi', '1Gi', '1G', 1024, '1.5Gi', '2Ei']],
  ])('GIVEN valid %s values WHEN validated THEN each is accepted', (field, values) => {
    for (const v of values)
      expect(validateSchema(minimal({ resources: { [field]: v } }))).toEqual([]);
  });

  it.each([
    ['cpu', ['2 cores', '0.5m', '-1', 'm']],
    ['memory', ['512MB', '1.5', 'lots', '1 Gi']],
  ])(
    'GIVEN invalid %s values WHEN validated THEN each is an invalid-format error',
    (field, values) => {
      for (const v of values) {
        expect(validateSchema(minimal({ resources: { [field]: v } }))).toEqual([
          expect.objectContaining({
            code: 'spec/invalid-format',
            path: `instances.web.resources.${field}`,
          }),
        ]);
      }
    },
  );

  it('GIVEN durations, prices and status codes WHEN validated THEN the documented forms pass', () => {
    for (const d of ['30s', '1.5h', '5m', '2d', '1mon', '1y', '250ms', 45, '45']) {
      expect(validateSchema(minimal({ duration: d }))).toEqual([]);
    }
    for (const p of ['0.75', '2', 3, 0.5]) {
      expect(validateSchema(minimal({ pricing: { maxPerHour: p, token: 'USDT' } }))).toEqual([]);
    }
    for (const s of [200, '200-399', '204']) {
      const health = { http: { port: 80, expectedStatus: s } };
      expect(validateSchema(minimal({ ports: [{ port: 80 }], health }))).toEqual([]);
    }
    expect(validateSchema(minimal({ duration: '3 weeks' }))[0]?.code).toBe('spec/invalid-format');
  });

  it('GIVEN many problems in different sections WHEN validated THEN all are reported at once', () => {
    const spec = {
      stack: 'Bad Name',
      network: 5,
      instances: { web: { image: 'nginx', count: 0, colour: 'red' } },
    };
    const codes = validateSchema(spec)
      .map((d) => `${d.code} ${d.path}`)
      .sort();
    expect(codes).toEqual([
      'spec/invalid-format stack',
      'spec/out-of-range instances.web.count',
      'spec/unknown-field instances.web.colour',
      'spec/wrong-type network',
    ]);
  });

  it('GIVEN a health check with neither probe WHEN validated THEN one diagnostic, not a oneOf fan-out', () => {
    const d = validateSchema(minimal({ health: { interval: '5s' } }));
    expect(d).toEqual([
      expect.objectContaining({
        code: 'spec/missing-field',
        path: 'instances.web.health',
        hint: 'Add one of `http` or `tcp`.',
      }),
    ]);
  });

  it('GIVEN an unknown metric type WHEN validated THEN one invalid-value listing the types', () => {
    const autoscaling = {
      min: 1,
      max: 2,
      metrics: [{ type: 'memory', target: { averageUtilization: 5 } }],
    };
    const d = validateSchema(minimal({ autoscaling }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'spec/invalid-value',
      path: 'instances.web.autoscaling.metrics[0].type',
    });
    expect(d[0]?.detail).toContain('`cpu`, `requestsPerSecond` and `prometheus`');
  });

  it('GIVEN a metric without type WHEN validated THEN only the missing type is reported', () => {
    const d = validateSchema(
      minimal({ autoscaling: { min: 1, max: 2, metrics: [{ target: {} }] } }),
    );
    expect(d.map((x) => `${x.code} ${x.path}`)).toEqual([
      'spec/missing-field instances.web.autoscaling.metrics[0].type',
    ]);
  });

  it('GIVEN a misspelled enum value WHEN validated THEN the hint suggests the spelling', () => {
    const d = validateSchema(minimal({ placement: { spread: 'providers' } }));
    expect(d[0]?.hint).toBe('Did you mean `provider`?');
  });

  it('GIVEN odd top-level values WHEN validated THEN diagnostics come back, never a throw', () => {
    for (const v of [
      null,
      undefined,
      42,
      'text',
      [],
      [1, 2],
      {},
      { instances: [] },
      { stack: {} },
    ]) {
      const d = validateSchema(v);
      expect(d.length).toBeGreaterThan(0);
      for (const x of d) expect(x.severity).toBe('error');
    }
  });

  it('GIVEN env names with dots and dashes (discovery.type) WHEN validated THEN they are accepted, as container runtimes accept them', () => {
    const env = { 'discovery.type': 'single-node', 'cluster.name': 'x', 'my-var': '1', _X: 'y' };
    expect(validateSchema(minimal({ env }))).toEqual([]);
  });

  it.each(['.hidden', '-dash', '9lives', 'A=B', 'sp ace'])(
    'GIVEN env name %j WHEN validated THEN it is spec/invalid-name',
    (name) => {
      expect(validateSchema(minimal({ env: { [name]: 'x' } }))[0]).toMatchObject({
        code: 'spec/invalid-name',
      });
    },
  );

  it('GIVEN a key with a slash or tilde WHEN reported THEN the path keeps the key intact', () => {
    const d = validateSchema(minimal({ env: { 'A/B~C': 'x' } }));
    expect(d[0]).toMatchObject({ code: 'spec/invalid-name', path: 'instances.web.env["A/B~C"]' });
  });

  it('GIVEN 500 instances WHEN validated THEN the one mistake among them is found', () => {
    const web = (valid()['instances'] as Json)['web'];
    const instances: Json = {};
    for (let i = 0; i < 500; i++) instances[`svc-${i}`] = structuredClone(web);
    (instances['svc-321'] as Json)['count'] = 'many';
    const d = validateSchema({ stack: 'big', instances });
    expect(d.map((x) => x.path)).toEqual(['instances.svc-321.count']);
  });
});
