import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { convertFile } from '../../../../provider/convert/convert-file.js';
import { iclToSpec } from '../../../../provider/convert/icl-to-spec.js';
import { emitSpecYaml } from '../../../../provider/convert/emit-spec-yaml.js';
import { icl2ToSpec } from '../../../../provider/convert/icl2-to-spec.js';
import { encodeIcl } from '../../../../provider/icl/encode-icl.js';
import { encodeIcl2 } from '../../../../provider/icl/encode-icl2.js';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import type { StackModel } from '../../../../provider/spec/model-types.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';

const DIR = join(process.cwd(), 'test/fixtures/convert');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { format: 'icl' | 'sdl'; warnings: string[] }
>;
const FIXTURES = ['icl', 'icl2', 'sdl'].flatMap((d) =>
  readdirSync(join(DIR, d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${d}/${f}`),
);
// The SDK's own ICL 2.0 example prices in SPON (18 decimals), which joins the network profiles
// separately; here it is validated as on a network that lists it.
const TOKENS = [...(knownTokens('local') ?? []), { symbol: 'SPON', decimals: 18 }];

function validate(yaml: string, file: string): { model: StackModel | null; errors: string[] } {
  const res = checkStack(parseYamlSpec(yaml, file, DIR), TOKENS);
  const errors = res.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path ?? ''} ${d.detail ?? ''}`);
  return { model: res.model, errors };
}

/** spec → model → ICL 1.0 or 2.0 (one instance at a time) → spec → model. */
function roundTrip(model: StackModel, version: 1 | 2): StackModel | null {
  const instances: Record<string, unknown> = {};
  for (const r of model.resources) {
    if (r.type !== 'instance') continue;
    const opts = { instance: r.name };
    const back =
      version === 1
        ? iclToSpec(encodeIcl(model, opts), { stack: model.stack })
        : icl2ToSpec(encodeIcl2(model, opts), { stack: model.stack });
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    Object.assign(instances, back.spec?.instances);
  }
  const yaml = emitSpecYaml({ stack: model.stack, instances } as never);
  return validate(yaml, 'round-trip.yaml').model;
}

describe('convert fixtures', () => {
  it('GIVEN the fixture directory WHEN listed THEN every fixture has expectations and there are ≥10 SDL files', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FIXTURES].sort());
    expect(FIXTURES.filter((f) => f.startsWith('sdl/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(FIXTURES)(
    'GIVEN %s WHEN converted THEN it gives exactly the expected warnings, validates, and round-trips through ICL',
    async (fixture) => {
      const res = await convertFile({ file: join(DIR, fixture), cwd: DIR });
      const expected = EXPECTED[fixture];
      expect(res.sourceFormat).toBe(expected?.format);
      expect(res.diagnostics.map((d) => `${d.severity}:${d.code}@${d.path ?? ''}`).sort()).toEqual(
        (expected?.warnings ?? []).map((w) => `warning:${w}`).sort(),
      );
      expect(res.yaml).not.toBeNull();
      const { model, errors } = validate(res.yaml ?? '', fixture);
      expect(errors).toEqual([]);
      if (model === null) throw new Error('no model');
      // Everything ICL expresses survives: same instances, byte-identical attributes and hashes.
      for (const version of [1, 2] as const) {
        const back = roundTrip(model, version);
        expect(back?.resources).toEqual(model.resources);
        expect(back?.hash).toBe(model.hash);
      }
    },
  );

  it('GIVEN a fixture with a registry password WHEN converted THEN the password text is nowhere in the output', async () => {
    const res = await convertFile({ file: join(DIR, 'sdl/credentials.yaml'), cwd: DIR });
    expect(JSON.stringify(res)).not.toContain('ghp_example');
    expect(parse(res.yaml ?? '')).toMatchObject({
      instances: {
        'private-app': { credentials: { password: { fromEnv: 'PRIVATE_APP_REGISTRY_PASSWORD' } } },
      },
    });
  });
});
