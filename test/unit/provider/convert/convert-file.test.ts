import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { convertFile } from '../../../../provider/convert/convert-file.js';

const dir = mkdtempSync(join(tmpdir(), 'leasehold-convert-'));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('convertFile', () => {
  it('GIVEN a missing file WHEN converted THEN it is convert/file-not-found, not a throw', async () => {
    const r = await convertFile({ file: 'nope.yaml', cwd: dir });
    expect(r).toMatchObject({ yaml: null, sourceFormat: null });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['convert/file-not-found']);
  });

  it('GIVEN broken YAML WHEN converted THEN the error carries line and column', async () => {
    const file = write('broken.yaml', 'version: "2.0"\nservices:\n  web: [unclosed\n');
    const r = await convertFile({ file, cwd: dir });
    expect(r.diagnostics[0]).toMatchObject({
      code: 'convert/yaml-syntax',
      source: { file: join(dir, file) },
    });
    expect(r.diagnostics[0]?.source?.line).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN a Leasehold spec WHEN converted THEN it is convert/unknown-format', async () => {
    const r = await convertFile({
      file: write('spec.yaml', 'stack: x\ninstances: {}\n'),
      cwd: dir,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['convert/unknown-format']);
  });

  it('GIVEN an SDL file WHEN converted THEN warnings are located in the source and listed in the YAML header', async () => {
    const file = write(
      'My_Deploy.yml',
      [
        'version: "2.0"',
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends-on: [db]',
        'profiles:',
        '  compute:',
        '    web: {resources: {cpu: {units: 1}, memory: {size: 1Gi}, storage: {size: 1Gi}}}',
        '  placement:',
        '    dc: {pricing: {web: {denom: uakt, amount: 100}}}',
        'deployment:',
        '  web: {dc: {profile: web, count: 1}}',
        '',
      ].join('\n'),
    );
    const r = await convertFile({ file, cwd: dir });
    expect(r.sourceFormat).toBe('sdl');
    const dep = r.diagnostics.find((d) => d.path === 'services.web.depends-on');
    expect(dep?.source).toMatchObject({ line: 5, column: 17 });
    // The editor line names a file that exists (it once pointed at an unpublished unpkg URL).
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(r.yaml ?? '')?.[1] ?? '';
    expect(schema).toMatch(/spec\.schema\.json$/);
    expect(existsSync(resolve(dir, schema))).toBe(true);
    expect(r.yaml).toContain('convert/price-needs-review at profiles.placement.dc.pricing.web');
    expect(parse(r.yaml ?? '')).toMatchObject({
      stack: 'my-deploy',
      instances: { web: { image: 'nginx:1.27' } },
    });
  });

  it('GIVEN a literal registry password or secret-looking env WHEN converted THEN those warnings carry no source line to quote', async () => {
    const r = await convertFile({
      file: join(process.cwd(), 'test/fixtures/convert/sdl/credentials.yaml'),
      cwd: dir,
    });
    const pw = r.diagnostics.find((d) => d.code === 'convert/password-not-copied');
    expect(pw?.path).toBe('services.private-app.credentials.password');
    expect(pw?.source).toBeUndefined();
    const env = await convertFile({
      file: join(process.cwd(), 'test/fixtures/convert/sdl/env-command-args.yaml'),
      cwd: dir,
    });
    expect(
      env.diagnostics.find((d) => d.code === 'convert/env-looks-secret')?.source,
    ).toBeUndefined();
    expect(
      env.diagnostics.find((d) => d.code === 'convert/price-needs-review')?.source,
    ).toBeDefined();
  });

  it('GIVEN a stack name WHEN converted THEN it wins over the file name', async () => {
    const r = await convertFile({
      file: join(process.cwd(), 'test/fixtures/convert/icl/spheron-sdk-readme.yaml'),
      cwd: dir,
      stack: 'gpu-lab',
    });
    expect(parse(r.yaml ?? '')).toMatchObject({ stack: 'gpu-lab' });
  });

  it('GIVEN an ICL file with errors WHEN converted THEN no YAML is produced and the format is still reported', async () => {
    const file = write(
      'bad.yaml',
      'version: "1.0"\nservices: {web: {image: a}}\nprofiles: {compute: {}, placement: {}}\ndeployment: {web: {dc: {count: 1}}}\n',
    );
    const r = await convertFile({ file, cwd: dir });
    expect(r).toMatchObject({ yaml: null, sourceFormat: 'icl' });
    expect(r.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});
