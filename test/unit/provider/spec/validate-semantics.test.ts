import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { InstanceSpec, StackSpec } from '../../../../provider/spec/spec-types.js';
import { validateSemantics } from '../../../../provider/spec/validate-semantics.js';
import { validateSpec } from '../../../../provider/spec/validate-spec.js';

const fixture = new URL('../../../fixtures/valid/full.yaml', import.meta.url);
const full = parse(readFileSync(fixture, 'utf8')) as StackSpec;
const cpu = { type: 'cpu', target: { averageUtilization: 70 } } as const;

function stack(web: Partial<InstanceSpec>, rest: Partial<StackSpec> = {}): StackSpec {
  return { stack: 'demo', instances: { web: { image: 'nginx', ...web } }, ...rest };
}
const codes = (spec: StackSpec) => validateSemantics(spec).map((d) => `${d.code} ${d.path}`);

describe('validateSemantics', () => {
  it('GIVEN the full valid spec WHEN checked THEN nothing is reported', () => {
    expect(validateSemantics(full)).toEqual([]);
    expect(validateSpec(full)).toEqual([]);
  });

  it('GIVEN autoscaling ranges WHEN checked THEN min > max and count outside are errors, the edges are fine', () => {
    expect(codes(stack({ autoscaling: { min: 3, max: 2, metrics: [cpu] } }))).toEqual([
      'spec/autoscaling-range instances.web.autoscaling.min',
    ]);
    expect(codes(stack({ count: 1, autoscaling: { min: 2, max: 4, metrics: [cpu] } }))).toEqual([
      'spec/autoscaling-range instances.web.count',
    ]);
    expect(codes(stack({ count: 4, autoscaling: { min: 2, max: 4, metrics: [cpu] } }))).toEqual([]);
    expect(codes(stack({ count: 2, autoscaling: { min: 2, max: 2, metrics: [cpu] } }))).toEqual([]);
  });

  it('GIVEN health probes WHEN the port is not declared THEN unknown-health-port, otherwise nothing', () => {
    expect(codes(stack({ ports: [{ port: 80 }], health: { tcp: { port: 81 } } }))).toEqual([
      'spec/unknown-health-port instances.web.health.tcp.port',
    ]);
    expect(codes(stack({ health: { http: { port: 80 } } }))).toEqual([
      'spec/unknown-health-port instances.web.health.http.port',
    ]);
    expect(codes(stack({ ports: [{ port: 81, as: 80 }], health: { http: { port: 81 } } }))).toEqual(
      [],
    );
  });

  it('GIVEN duplicate ports WHEN checked THEN same number and protocol clash, tcp and udp do not', () => {
    expect(codes(stack({ ports: [{ port: 53 }, { port: 53, proto: 'udp' }] }))).toEqual([]);
    expect(
      codes(stack({ ports: [{ port: 80 }, { port: 81, as: 9 }, { port: 82, as: 9 }] })),
    ).toEqual(['spec/duplicate-port instances.web.ports[2].as']);
  });

  it('GIVEN a variable in env and secrets WHEN checked THEN duplicate-env names it', () => {
    const d = validateSemantics(
      stack({ env: { TOKEN: 'x' }, secrets: { TOKEN: { fromEnv: 'T' } } }),
    );
    expect(d).toEqual([
      expect.objectContaining({ code: 'spec/duplicate-env', path: 'instances.web.secrets.TOKEN' }),
    ]);
  });

  it('GIVEN a provider in allow and deny WHEN checked THEN conflicting-placement, case-insensitively, in defaults too', () => {
    const a = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    const placement = { providers: { allow: [a], deny: [a.toLowerCase()] } };
    expect(codes(stack({ placement }, { defaults: { placement } }))).toEqual([
      'spec/conflicting-placement defaults.placement.providers.deny[0]',
      'spec/conflicting-placement instances.web.placement.providers.deny[0]',
    ]);
  });

  it('GIVEN spread on one replica WHEN checked THEN a warning, unless autoscaling can add replicas', () => {
    const d = validateSemantics(stack({ placement: { spread: 'region' } }));
    expect(d).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'spec/spread-without-replicas' }),
    ]);
    expect(
      codes(
        stack({ placement: { spread: 'region' }, autoscaling: { min: 1, max: 3, metrics: [cpu] } }),
      ),
    ).toEqual([]);
    expect(codes(stack({ placement: { spread: 'none' } }))).toEqual([]);
  });

  it('GIVEN scaling policies WHEN a value is 0 or below THEN invalid-policy-value per policy', () => {
    const policies = [
      { type: 'Replicas', value: 0, period: '15s' },
      { type: 'Percent', value: 10, period: '15s' },
      { type: 'Percent', value: -5, period: '15s' },
    ] as const;
    expect(
      codes(
        stack({
          autoscaling: { min: 1, max: 3, metrics: [cpu], behavior: { scaleDown: { policies } } },
        }),
      ),
    ).toEqual([
      'spec/invalid-policy-value instances.web.autoscaling.behavior.scaleDown.policies[0].value',
      'spec/invalid-policy-value instances.web.autoscaling.behavior.scaleDown.policies[2].value',
    ]);
  });

  it('GIVEN HTTP-read metrics on an instance without ports WHEN checked THEN metric-without-ports; cpu is fine', () => {
    const rps = { type: 'requestsPerSecond', target: { averageValue: 5 } } as const;
    expect(codes(stack({ autoscaling: { min: 1, max: 3, metrics: [cpu, rps] } }))).toEqual([
      'spec/metric-without-ports instances.web.autoscaling.metrics[1].type',
    ]);
  });

  it('GIVEN duplicate volume names WHEN checked THEN duplicate-name at the second', () => {
    const storage = [
      { name: 'a', size: '1Gi' },
      { name: 'a', size: '2Gi' },
    ];
    expect(codes(stack({ resources: { storage } }))).toEqual([
      'spec/duplicate-name instances.web.resources.storage[1].name',
    ]);
  });

  it('GIVEN output references WHEN checked THEN only existing resources and known attributes pass', () => {
    const withHealth = { ports: [{ port: 80 }], health: { http: { port: 80 } } };
    const outputs = {
      a: { value: '${instance.web.endpoints[3]} and ${instance.web.count}' },
      b: { value: 'plain text, no reference' },
      c: { value: '${health_check.web.interval}' },
      d: { value: '${instance.api.image}' },
      e: { value: '${instanse.web.image}' },
      f: { value: '${autoscaling_policy.web.max}' },
      g: { value: '${instance.web.leaseIDs}' },
    };
    const d = validateSemantics(stack(withHealth, { outputs }));
    expect(d.map((x) => `${x.path} ${x.hint}`)).toEqual([
      'outputs.d.value Refer to one of `web`.',
      'outputs.e.value Did you mean `instance`?',
      'outputs.f.value Add `autoscaling` to instance `web`, or refer to `instance.web`.',
      'outputs.g.value Did you mean `leaseIds`?',
    ]);
  });
});
