import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readCdkApp } from '../../../../provider/spec/read-cdk-app.js';

// Fake apps write what cdktf's App.synth() writes (manifest.json + stacks/<name>/cdk.tf.json),
// without loading cdktf, so each run costs one bare node start.
const WRITE_STACKS = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const out = process.env.CDKTF_OUTDIR;
const stacks = JSON.parse(process.argv[2] ?? '{}');
const manifest = { version: '0.21.0', stacks: {} };
for (const [name, body] of Object.entries(stacks)) {
  mkdirSync(join(out, 'stacks', name), { recursive: true });
  writeFileSync(join(out, 'stacks', name, 'cdk.tf.json'), JSON.stringify(body, null, 2));
  manifest.stacks[name] = { synthesizedStackPath: 'stacks/' + name + '/cdk.tf.json' };
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
`;

const leaseholdStack = {
  provider: { leasehold: [{ stack: 'web' }] },
  resource: {
    leasehold_instance: { web: { name: 'web', image: 'nginx:1.27' } },
    aws_s3_bucket: { b: { bucket: 'b', '//': { metadata: { path: 'web/b' } } } },
  },
};

async function project(stacks: unknown, config?: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'leasehold-cdk-app-test-'));
  await writeFile(join(dir, 'app.mjs'), WRITE_STACKS);
  const arg = JSON.stringify(JSON.stringify(stacks));
  const cdktf = config ?? { language: 'typescript', app: `node app.mjs ${arg}` };
  await writeFile(join(dir, 'cdktf.json'), JSON.stringify(cdktf));
  return dir;
}

const codes = (src: { diagnostics: readonly { code: string }[] }): string[] =>
  src.diagnostics.map((d) => d.code);

describe('readCdkApp', () => {
  it('GIVEN a cdktf.json in cwd WHEN read THEN the leasehold stack is converted and foreign resources warn with a location', async () => {
    const dir = await project({ other: { resource: { aws_vpc: { v: {} } } }, web: leaseholdStack });
    const src = await readCdkApp({ app: undefined, file: undefined, cwd: dir });
    expect(src.baseDir).toBe(dir);
    // Messages name the user's own file; locations point into the synthesis in cdktf.out/.
    expect(src.file).toBe('cdktf.json');
    expect(src.data).toEqual({ stack: 'web', instances: { web: { image: 'nginx:1.27' } } });
    expect(codes(src)).toEqual(['cdk/foreign-resource']);
    const synthesized = join('cdktf.out', 'stacks', 'web', 'cdk.tf.json');
    const lines = (await readFile(join(dir, synthesized), 'utf8')).split('\n');
    const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(src.diagnostics[0]?.source).toMatchObject({ file: synthesized, line: lineOf('"b": {') });
    expect(src.locate(['instances', 'web', 'image'])).toMatchObject({
      file: synthesized,
      line: lineOf('"image"'),
    });
  });

  it("GIVEN -f naming a cdktf.json elsewhere WHEN read THEN the app runs in that file's directory", async () => {
    const dir = await project({ web: leaseholdStack });
    const src = await readCdkApp({ app: undefined, file: join(dir, 'cdktf.json'), cwd: tmpdir() });
    expect(codes(src)).toEqual(['cdk/foreign-resource']);
    expect(src.baseDir).toBe(dir);
  });

  it('GIVEN an app read twice WHEN done THEN the synthesis is in its cdktf.out/ and no scratch dir is left in the temp dir', async () => {
    const dir = await project({ web: leaseholdStack });
    // A temp dir of this test's own, so other processes' files cannot blur the count.
    const temp = await mkdtemp(join(tmpdir(), 'leasehold-cdk-app-test-tmp-'));
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = temp;
    try {
      await readCdkApp({ app: undefined, file: undefined, cwd: dir });
      const src = await readCdkApp({ app: undefined, file: 'cdktf.json', cwd: dir });
      expect(src.file).toBe('cdktf.json');
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
    expect(readdirSync(temp)).toEqual([]);
    expect(existsSync(join(dir, 'cdktf.out', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'web', 'cdk.tf.json'))).toBe(true);
  });

  it("GIVEN cdktf.json's output names another dir WHEN read THEN the synthesis goes there", async () => {
    const dir = await project({ web: leaseholdStack });
    const config = JSON.parse(await readFile(join(dir, 'cdktf.json'), 'utf8')) as object;
    await writeFile(join(dir, 'cdktf.json'), JSON.stringify({ ...config, output: 'synth' }));
    const src = await readCdkApp({ app: undefined, file: undefined, cwd: dir });
    expect(src.locate(['instances', 'web', 'image'])?.file).toBe(
      join('synth', 'stacks', 'web', 'cdk.tf.json'),
    );
    expect(existsSync(join(dir, 'synth', 'stacks', 'web', 'cdk.tf.json'))).toBe(true);
  });

  it('GIVEN --app WHEN read THEN it overrides the app of cdktf.json', async () => {
    const dir = await project({}, { app: 'node -e "process.exit(9)"' });
    const arg = JSON.stringify(JSON.stringify({ web: leaseholdStack }));
    const src = await readCdkApp({ app: `node app.mjs ${arg}`, file: undefined, cwd: dir });
    expect(src.data).not.toBeNull();
  });

  it('GIVEN an app that throws WHEN read THEN cdk/app-failed carries the exit code and message, without stack frames', async () => {
    const dir = await project({}, { app: 'node -e "throw new Error(\'bad prop in web/web\')"' });
    const src = await readCdkApp({ app: undefined, file: undefined, cwd: dir });
    expect(src.data).toBeNull();
    expect(codes(src)).toEqual(['cdk/app-failed']);
    const detail = src.diagnostics[0]?.detail ?? '';
    expect(detail).toContain('exited with code 1');
    expect(detail).toContain('Error: bad prop in web/web');
    expect(detail).not.toMatch(/\n\s+at\s/);
  });

  it('GIVEN an app stopped by a construct ValidationError WHEN read THEN cdk/invalid-props carries the construct path and message', async () => {
    const line =
      'ValidationError: Invalid construct props: web/hc: The health check sets both of `http` and `tcp`.';
    const printed = `file:///x.js:1\n\n${line}\n    at new HealthCheck (file:///x.js:1:1)`;
    const dir = await project({}, { app: 'node fail.mjs' });
    await writeFile(
      join(dir, 'fail.mjs'),
      `console.error(${JSON.stringify(printed)}); process.exit(1);`,
    );
    const src = await readCdkApp({ app: undefined, file: undefined, cwd: dir });
    expect(codes(src)).toEqual(['cdk/invalid-props']);
    expect(src.diagnostics[0]?.detail).toBe(
      'The app command "node fail.mjs" stopped at a construct: web/hc: The health check sets both of `http` and `tcp`.',
    );
  });

  it('GIVEN no stack, or two leasehold stacks WHEN read THEN cdk/no-stack or cdk/multiple-stacks', async () => {
    const none = await readCdkApp({
      app: undefined,
      file: undefined,
      cwd: await project({ x: { resource: {} } }),
    });
    expect(codes(none)).toEqual(['cdk/no-stack']);
    expect(none.diagnostics[0]?.detail).toContain('"x", none with Leasehold constructs');
    const two = await readCdkApp({
      app: undefined,
      file: undefined,
      cwd: await project({ a: leaseholdStack, b: leaseholdStack }),
    });
    expect(codes(two)).toEqual(['cdk/multiple-stacks']);
    expect(two.diagnostics[0]?.detail).toContain('"a", "b"');
  });

  it('GIVEN no cdktf.json and no --app, or a broken cdktf.json WHEN read THEN cdk/no-app or cdk/invalid-config', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'leasehold-cdk-app-test-'));
    expect(codes(await readCdkApp({ app: undefined, file: undefined, cwd: empty }))).toEqual([
      'cdk/no-app',
    ]);
    await writeFile(join(empty, 'cdktf.json'), '{ nope');
    expect(codes(await readCdkApp({ app: undefined, file: undefined, cwd: empty }))).toEqual([
      'cdk/invalid-config',
    ]);
    await writeFile(join(empty, 'cdktf.json'), '{"language":"typescript"}');
    expect(codes(await readCdkApp({ app: undefined, file: undefined, cwd: empty }))).toEqual([
      'cdk/no-app',
    ]);
  });
});
