import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { convertFile } from '../../../../provider/convert/convert-file.js';

const ROOT = process.cwd();

describe('convert --to icl', () => {
  it('GIVEN examples/web.yaml WHEN exported THEN it is ICL 2.0 in the SDK spelling, the price covers both replicas, and the rest is warned about', async () => {
    const res = await convertFile({ file: 'examples/web.yaml', cwd: ROOT, to: 'icl' });
    expect(res.sourceFormat).toBe('spec');
    const doc = parse(res.yaml ?? '') as Record<string, unknown>;
    expect(res.yaml).toMatch(/^version: "2\.0"$/m);
    expect(doc).toMatchObject({
      version: '2.0',
      services: {
        web: {
          image: 'nginxinc/nginx-unprivileged:1.27',
          port_policy: [{ port: 8080, as: 80, to: [{ global: true }] }],
          price: { token: 'USDT', amount: 4 },
          replica: 2,
        },
      },
      deployment: { duration: '1d', mode: 'provider', tiers: ['community'] },
    });
    expect(res.diagnostics.map((d) => `${d.code}@${d.path ?? ''}`).sort()).toEqual([
      'convert/not-in-icl@autoscaling_policy.web',
      'convert/not-in-icl@budget',
      'convert/not-in-icl@health_check.web',
      'convert/not-in-icl@instance.web.secrets',
      'convert/not-in-icl@outputs',
    ]);
    // A secret's value never reaches the ICL: only its name is mentioned in the warning.
    expect(res.yaml).not.toContain('API_KEY');
  });

  it('GIVEN --icl-version 1 WHEN exported THEN it is ICL 1.0 with one SDK tier key', async () => {
    const res = await convertFile({
      file: 'examples/hello.yaml',
      cwd: ROOT,
      to: 'icl',
      iclVersion: 1,
    });
    const doc = parse(res.yaml ?? '') as { version: string; profiles: { tier: string[] } };
    expect(doc.version).toBe('1.0');
    expect(doc.profiles.tier).toEqual(['community']);
  });

  it('GIVEN tiers no SDK key names WHEN exported THEN it is an error, never every tier', async () => {
    const res = await convertFile({
      file: join('test/fixtures/convert/export/mixed-tiers.yaml'),
      cwd: ROOT,
      to: 'icl',
    });
    expect(res.yaml).toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'icl/tiers-not-expressible' }),
    ]);
  });

  it('GIVEN a spec with errors WHEN exported THEN its diagnostics come back and nothing is written', async () => {
    const res = await convertFile({ file: 'no-such-spec.yaml', cwd: ROOT, to: 'icl' });
    expect(res.yaml).toBeNull();
    expect(res.diagnostics[0]?.code).toBe('spec/file-not-found');
  });
});
