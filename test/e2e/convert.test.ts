import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';

// The built CLI (`npm run build` first): convert ICL and SDL files, then validate the result.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const env = { NO_COLOR: '1', CI: 'true' };
const fixture = (p: string): string => join(root, 'test/fixtures/convert', p);

const cli = (args: string[], cwd = root) =>
  execa('node', [bin, ...args], { cwd, env, reject: false });

describe('leasehold convert', () => {
  it('GIVEN the SDK README ICL WHEN converted to a file THEN validate accepts it and the warning is on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-convert-'));
    const out = join(dir, 'leasehold.yaml');
    const conv = await cli(['convert', fixture('icl/spheron-sdk-readme.yaml'), '--out', out]);
    expect(conv.exitCode).toBe(0);
    expect(conv.stdout).toBe('');
    expect(conv.stderr).toContain('convert/env-looks-secret');
    expect(await readFile(out, 'utf8')).toContain('stack: spheron-sdk-readme');
    const val = await cli(['validate', '-f', out], dir);
    expect(val.stderr).toBe('');
    expect(val.exitCode).toBe(0);
  });

  it("GIVEN the SDK's ICL 2.0 example WHEN converted THEN validate accepts the spec", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-convert-'));
    const out = join(dir, 'leasehold.yaml');
    const conv = await cli(['convert', fixture('icl2/sdk-readme-create.yaml'), '--out', out]);
    expect(conv.exitCode).toBe(0);
    const val = await cli(['validate', '-f', out], dir);
    expect(val.stderr).toBe('');
    expect(val.exitCode).toBe(0);
  });

  it('GIVEN examples/web.yaml WHEN converted --to icl and back THEN the ICL is 2.0 and the spec validates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-convert-'));
    const icl = join(dir, 'deploy.yaml');
    const out = join(dir, 'leasehold.yaml');
    const to = await cli(['convert', 'examples/web.yaml', '--to', 'icl', '--out', icl]);
    expect(to.exitCode).toBe(0);
    expect(to.stderr).toContain('convert/not-in-icl');
    expect(await readFile(icl, 'utf8')).toMatch(/^version: "2\.0"$/m);
    expect((await cli(['convert', icl, '--out', out])).exitCode).toBe(0);
    const val = await cli(['validate', '-f', out], dir);
    expect(val.exitCode).toBe(0);
  });

  it("GIVEN an SDL with version '2', 4Gb/16GB sizes, tcp+udp on one port WHEN converted THEN validate accepts it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-convert-'));
    const out = join(dir, 'leasehold.yaml');
    const corpus = join(root, 'test/fixtures/sdl-corpus');
    for (const f of ['quoted-version-2-gb-units.yaml', 'minecraft-same-port.yaml']) {
      expect((await cli(['convert', join(corpus, f), '--out', out])).exitCode).toBe(0);
      const val = await cli(['validate', '-f', out], dir);
      expect(val.stderr).toBe('');
      expect(val.exitCode).toBe(0);
    }
  });

  it('GIVEN a file starting with -- WHEN converted THEN it exits 1 with a located error and no stack trace', async () => {
    const res = await cli([
      'convert',
      join(root, 'test/fixtures/sdl-corpus/invalid-double-dash.yaml'),
    ]);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain('convert/yaml-syntax');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN an SDL file and --json WHEN converted THEN stdout is the documented result shape', async () => {
    const res = await cli([
      'convert',
      fixture('sdl/multi-placement.yaml'),
      '--stack',
      'api',
      '--json',
    ]);
    expect(res.exitCode).toBe(0);
    const json = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['diagnostics', 'out', 'sourceFormat', 'yaml']);
    expect(json).toMatchObject({ sourceFormat: 'sdl', out: null });
    expect(json['yaml']).toContain('api-westcoast:');
    expect(json['diagnostics']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'warning', code: 'convert/price-needs-review' }),
      ]),
    );
  });

  it('GIVEN a missing file WHEN converted with --json THEN it exits 1 with the error diagnostic', async () => {
    const res = await cli(['convert', 'does-not-exist.yaml', '--json']);
    expect(res.exitCode).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual({
      error: [expect.objectContaining({ code: 'convert/file-not-found' })],
    });
  });

  it('GIVEN SDL credentials WHEN converted to stdout THEN the registry password appears nowhere', async () => {
    const res = await cli(['convert', fixture('sdl/credentials.yaml')]);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('fromEnv: PRIVATE_APP_REGISTRY_PASSWORD');
    expect(`${res.stdout}${res.stderr}`).not.toContain('ghp_example');
  });
});
