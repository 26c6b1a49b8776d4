import { describe, expect, it } from '@jest/globals';
import { createCdkLocator, specPathToJsonPath } from '../../../../provider/spec/cdk-locator.js';
import type { CdkSpecOrigins } from '../../../../provider/spec/cdk-to-spec.js';

const origins: CdkSpecOrigins = {
  instances: { web: { logicalId: 'Web_1A', constructPath: 'web/Web' } },
  health: { web: { logicalId: 'hc', constructPath: 'web/hc' } },
  autoscaling: {},
};

describe('specPathToJsonPath', () => {
  it('GIVEN spec paths WHEN mapped THEN each lands on the construct that synthesized it', () => {
    expect(specPathToJsonPath(['budget', 'maxPerHour'], origins)).toEqual([
      'provider',
      'leasehold',
      0,
      'budget',
      'maxPerHour',
    ]);
    expect(specPathToJsonPath(['instances', 'web', 'ports', 0, 'port'], origins)).toEqual([
      'resource',
      'leasehold_instance',
      'Web_1A',
      'ports',
      0,
      'port',
    ]);
    expect(specPathToJsonPath(['instances', 'web', 'health', 'http', 'port'], origins)).toEqual([
      'resource',
      'leasehold_health_check',
      'hc',
      'http',
      'port',
    ]);
    // No policy was declared: the instance is the nearest thing to point at.
    expect(specPathToJsonPath(['instances', 'web', 'autoscaling', 'max'], origins)).toEqual([
      'resource',
      'leasehold_instance',
      'Web_1A',
      'autoscaling',
      'max',
    ]);
    expect(specPathToJsonPath(['outputs', 'url', 'value'], origins)).toEqual([
      'output',
      'url',
      'value',
    ]);
  });
});

describe('createCdkLocator', () => {
  const text = JSON.stringify(
    {
      provider: { leasehold: [{ stack: 'web' }] },
      resource: {
        leasehold_instance: { Web_1A: { image: 'nginx', resources: { memory: '1 gig' } } },
        leasehold_health_check: { hc: { http: { port: 9999 } } },
      },
    },
    null,
    2,
  );
  const lines = text.split('\n');
  const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
  const { locate, locateJson } = createCdkLocator({ file: 'cdk.tf.json', text, origins });

  it('GIVEN a scalar spec path WHEN located THEN the range covers the value in cdk.tf.json', () => {
    const range = locate(['instances', 'web', 'resources', 'memory']);
    const line = lineOf('"memory"');
    const column = (lines[line - 1]?.indexOf('"1 gig"') ?? -1) + 1;
    expect(range).toEqual({
      file: 'cdk.tf.json',
      line,
      column,
      endLine: line,
      endColumn: column + 7,
    });
    expect(locate(['instances', 'web', 'health', 'http', 'port'])?.line).toBe(lineOf('9999'));
  });

  it('GIVEN a path below what exists WHEN located THEN the deepest existing key is pointed at', () => {
    expect(locate(['instances', 'web', 'ports', 0, 'port'])?.line).toBe(lineOf('"Web_1A"'));
    expect(locate(['stack'])?.line).toBe(lineOf('"stack"'));
    expect(locateJson(['resource', 'leasehold_health_check', 'hc'])?.line).toBe(lineOf('"hc"'));
  });
});
