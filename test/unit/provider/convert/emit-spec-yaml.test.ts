import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { warningDiag } from '../../../../cli/diag/index.js';
import { emitSpecYaml } from '../../../../provider/convert/emit-spec-yaml.js';

const SPEC_SCHEMA_URL = './node_modules/leasehold/schemas/spec.schema.json';
import type { StackSpec } from '../../../../provider/spec/spec-types.js';

const spec: StackSpec = {
  instances: {
    web: {
      pricing: { token: 'USDT', maxPerHour: '0.5' },
      resources: { memory: '1Gi', cpu: 1 },
      env: { PORT: '8080', DEBUG: 'true' },
      image: 'nginx:1.27',
      ports: [{ global: true, port: 80 }],
    },
  },
  stack: 'demo',
};

describe('emitSpecYaml', () => {
  it('GIVEN a spec in any key order WHEN emitted THEN keys come in reading order and the data is unchanged', () => {
    const text = emitSpecYaml(spec);
    expect(parse(text)).toEqual(spec);
    const keys = text
      .split('\n')
      .filter((l) => /^\s*[a-zA-Z$-]+:/.test(l))
      .map((l) => l.trim().split(':')[0]);
    expect(keys).toEqual([
      'stack',
      'instances',
      'web',
      'image',
      'env',
      'PORT',
      'DEBUG',
      'ports',
      'global',
      'resources',
      'cpu',
      'memory',
      'pricing',
      'maxPerHour',
      'token',
    ]);
    expect(text).toContain('- port: 80');
  });

  it('GIVEN string values that look like numbers or booleans WHEN emitted THEN they stay strings', () => {
    const env = (parse(emitSpecYaml(spec)) as StackSpec).instances['web']?.env;
    expect(env).toEqual({ PORT: '8080', DEBUG: 'true' });
  });

  it('GIVEN warnings WHEN emitted THEN the header has the schema and each warning, redacted', () => {
    const text = emitSpecYaml(spec, {
      schema: SPEC_SCHEMA_URL,
      source: 'deploy.yaml (Akash SDL)',
      warnings: [
        warningDiag({
          code: 'convert/x',
          summary: 'S',
          detail: 'see https://user:hunter2@example.com',
          path: 'a.b',
        }),
      ],
    });
    expect(text.split('\n').slice(0, 4)).toEqual([
      `# yaml-language-server: $schema=${SPEC_SCHEMA_URL}`,
      '# Converted from deploy.yaml (Akash SDL) by `leasehold convert`.',
      '# Review these conversion warnings:',
      '#   - convert/x at a.b: see https://(sensitive value)@example.com',
    ]);
    expect(text).not.toContain('hunter2');
  });
});
