import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  AutoscalingPolicy,
  HealthCheck,
  Instance,
  LeaseholdProvider,
  TerraformOutput,
  TerraformStack,
  Testing,
} from '../../../../provider/constructs/index.js';
import {
  cdkToSpec,
  hasLeaseholdContent,
  toSpecReference,
} from '../../../../provider/spec/cdk-to-spec.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const meta = (path: string): Record<string, unknown> => ({ '//': { metadata: { path } } });
const provider = { leasehold: [{ stack: 'web' }] };

describe('cdkToSpec', () => {
  it('GIVEN resources of other providers WHEN converted THEN each warns cdk/foreign-resource with its construct path and is ignored', () => {
    const res = cdkToSpec({
      provider: { ...provider, aws: [{ region: 'eu-west-1' }] },
      resource: {
        aws_s3_bucket: { bucket: { bucket: 'b', ...meta('web/bucket') } },
        leasehold_instance: { web: { name: 'web', image: 'nginx:1.27' } },
      },
      data: { aws_ami: { ubuntu: { most_recent: true } } },
    });
    expect(res.data).toEqual({ stack: 'web', instances: { web: { image: 'nginx:1.27' } } });
    expect(res.diagnostics.map((d) => [d.diagnostic.severity, d.diagnostic.code, d.at])).toEqual([
      ['warning', 'cdk/foreign-resource', ['resource', 'aws_s3_bucket', 'bucket']],
      ['warning', 'cdk/foreign-resource', ['data', 'aws_ami', 'ubuntu']],
    ]);
    expect(res.diagnostics[0]?.diagnostic.detail).toContain(
      '`aws_s3_bucket.bucket` (construct web/bucket)',
    );
    expect(res.diagnostics[1]?.diagnostic.detail).toContain('`data.aws_ami.ubuntu`');
  });

  it('GIVEN health checks and autoscaling policies WHEN converted THEN they nest into the instance they reference by logical id', () => {
    const res = cdkToSpec({
      provider,
      resource: {
        leasehold_instance: {
          Api_1A2B: { name: 'api', image: 'api:1', depends_on: ['x'], ...meta('web/Api') },
          web: { name: 'web', image: 'nginx:1.27' },
        },
        leasehold_health_check: {
          hc: {
            instance: '${leasehold_instance.Api_1A2B}',
            tcp: { port: 5432 },
            ...meta('web/hc'),
          },
        },
        leasehold_autoscaling_policy: {
          as: { instance: '${leasehold_instance.web.id}', min: 1, max: 3, metrics: [] },
        },
      },
    });
    expect(res.diagnostics).toEqual([]);
    expect(res.data['instances']).toEqual({
      api: { image: 'api:1', health: { tcp: { port: 5432 } } },
      web: { image: 'nginx:1.27', autoscaling: { min: 1, max: 3, metrics: [] } },
    });
    expect(res.origins.instances['api']).toEqual({
      logicalId: 'Api_1A2B',
      constructPath: 'web/Api',
    });
    expect(res.origins.health['api']).toEqual({ logicalId: 'hc', constructPath: 'web/hc' });
    expect(res.origins.autoscaling['web']?.logicalId).toBe('as');
  });

  it('GIVEN a health check whose instance is not in the stack WHEN converted THEN cdk/unknown-instance quotes the reference', () => {
    const res = cdkToSpec({
      provider,
      resource: {
        leasehold_instance: { web: { name: 'web', image: 'nginx:1.27' } },
        leasehold_health_check: {
          hc: { instance: '${leasehold_instance.gone}', tcp: { port: 1 }, ...meta('web/hc') },
        },
      },
    });
    expect(res.diagnostics.map((d) => [d.diagnostic.code, d.at])).toEqual([
      ['cdk/unknown-instance', ['resource', 'leasehold_health_check', 'hc', 'instance']],
    ]);
    expect(res.diagnostics[0]?.diagnostic.detail).toContain(
      'at web/hc has `instance` "${leasehold_instance.gone}"',
    );
    expect(res.data['instances']).toEqual({ web: { image: 'nginx:1.27' } });
  });

  it('GIVEN two health checks or two instances with one name WHEN converted THEN each duplicate is an error', () => {
    const res = cdkToSpec({
      provider,
      resource: {
        leasehold_instance: { a: { name: 'web', image: 'x' }, b: { name: 'web', image: 'y' } },
        leasehold_health_check: {
          h1: { instance: '${leasehold_instance.a}', tcp: { port: 1 } },
          h2: { instance: '${leasehold_instance.a}', tcp: { port: 2 } },
        },
        leasehold_autoscaling_policy: {
          p1: { instance: '${leasehold_instance.a}', min: 1, max: 2 },
          p2: { instance: '${leasehold_instance.a}', min: 1, max: 3 },
        },
      },
    });
    expect(res.diagnostics.map((d) => d.diagnostic.code)).toEqual([
      'cdk/duplicate-instance',
      'cdk/duplicate-health-check',
      'cdk/duplicate-autoscaling-policy',
    ]);
    expect(res.diagnostics.every((d) => d.diagnostic.severity === 'error')).toBe(true);
  });

  it('GIVEN outputs WHEN converted THEN instance references use the spec form and the instance name', () => {
    const res = cdkToSpec({
      provider,
      resource: { leasehold_instance: { Web_9F: { name: 'web', image: 'nginx:1.27' } } },
      output: {
        url: { value: '${leasehold_instance.Web_9F.endpoints[0]}', description: 'First' },
        second: { value: '${element(leasehold_instance.Web_9F.endpoints, 1)}', sensitive: true },
        both: {
          value:
            'http://${leasehold_instance.Web_9F.endpoints[0]}/x/${leasehold_instance.Web_9F.count}',
        },
        literal: { value: 'hello' },
      },
    });
    expect(res.data['outputs']).toEqual({
      url: { value: '${instance.web.endpoints[0]}', description: 'First' },
      second: { value: '${instance.web.endpoints[1]}', sensitive: true },
      both: { value: 'http://${instance.web.endpoints[0]}/x/${instance.web.count}' },
      literal: { value: 'hello' },
    });
  });

  it('GIVEN no LeaseholdProvider, or two WHEN converted THEN cdk/missing-provider or cdk/multiple-providers', () => {
    const none = cdkToSpec({ resource: { leasehold_instance: { web: { image: 'x' } } } });
    expect(none.diagnostics.map((d) => d.diagnostic.code)).toEqual(['cdk/missing-provider']);
    const two = cdkToSpec({ provider: { leasehold: [{ stack: 'a' }, { stack: 'b' }] } });
    expect(two.diagnostics.map((d) => d.diagnostic.code)).toEqual(['cdk/multiple-providers']);
  });

  it('GIVEN the web stack built with the constructs WHEN synthesized and converted THEN it is the data of examples/web.yaml', () => {
    const stack = new TerraformStack(Testing.app(), 'web');
    new LeaseholdProvider(stack, 'leasehold', {
      stack: 'web',
      network: 'local',
      budget: { maxPerHour: '15', token: 'USDT', escrow: { topUp: '100', maxDeposit: '600' } },
    });
    const web = new Instance(stack, 'web', {
      image: 'nginxinc/nginx-unprivileged:1.27',
      env: { LOG_LEVEL: 'info' },
      secrets: { API_KEY: { fromEnv: 'WEB_API_KEY' } },
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 1, memory: '1Gi', storage: '2Gi' },
      count: 2,
      duration: '24h',
      pricing: { maxPerHour: '2', token: 'USDT' },
    });
    new HealthCheck(stack, 'web-health', {
      instance: web,
      http: { path: '/healthz', port: 8080 },
      interval: '10s',
      timeout: '2s',
      unhealthyThreshold: 3,
      gracePeriod: '30s',
    });
    new AutoscalingPolicy(stack, 'web-autoscaling', {
      instance: web,
      min: 2,
      max: 6,
      metrics: [{ type: 'cpu', target: { averageUtilization: 70 } }],
      cooldown: '1m',
    });
    new TerraformOutput(stack, 'url', {
      value: web.endpoint(0),
      description: "First replica's public endpoint",
    });
    const res = cdkToSpec(JSON.parse(JSON.stringify(stack.toTerraform())));
    const { version: _version, ...yamlData } = parse(
      readFileSync(join(root, 'examples/web.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    expect(res.diagnostics).toEqual([]);
    expect(res.data).toEqual(yamlData);
  });
});

describe('hasLeaseholdContent', () => {
  it('GIVEN stacks with and without Leasehold parts WHEN checked THEN only those with its provider or resources count', () => {
    expect(hasLeaseholdContent({ provider: { leasehold: [{}] } })).toBe(true);
    expect(hasLeaseholdContent({ resource: { leasehold_instance: {} } })).toBe(true);
    expect(hasLeaseholdContent({ resource: { aws_s3_bucket: {} }, provider: { aws: [{}] } })).toBe(
      false,
    );
    expect(hasLeaseholdContent('nope')).toBe(false);
  });
});

describe('toSpecReference', () => {
  it('GIVEN text outside interpolations that looks like a reference WHEN mapped THEN it is left alone', () => {
    expect(
      toSpecReference('leasehold_instance.web is ${leasehold_instance.web.count}', () => 'w'),
    ).toBe('leasehold_instance.web is ${instance.w.count}');
  });
});
