import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';

// The built CLI (`npm run build` first) against the CDK example, a broken CDK program and a fresh
// `init --cdk` project. Temp projects reach Leasehold, cdktf and constructs through symlinks, so no
// npm install is needed.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const env = { NO_COLOR: '1', CI: 'true' };

const cli = (args: string[], cwd = root) =>
  execa('node', [bin, ...args], { cwd, env, reject: false });

/** A temp directory whose node_modules holds leasehold, cdktf and constructs as symlinks. */
async function tempProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'leasehold-e2e-cdk-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(root, join(dir, 'node_modules/leasehold'));
  for (const dep of ['cdktf', 'constructs'])
    await symlink(join(root, 'node_modules', dep), join(dir, 'node_modules', dep));
  return dir;
}

const BAD_PROGRAM = `import { App, Instance, LeaseholdProvider, TerraformStack } from 'leasehold/constructs';
const app = new App();
const stack = new TerraformStack(app, 'bad');
new LeaseholdProvider(stack, 'leasehold', { stack: 'bad' });
new Instance(stack, 'web', {
  image: 'nginx:1.27',
  resources: { cpu: 1, memory: '1 gig' },
  pricing: { maxPerHour: '1', token: 'USDT' },
});
app.synth();
`;

describe('leasehold synth/validate of a CDK app', () => {
  it('GIVEN examples/cdk and examples/web.yaml WHEN synthesized THEN the canonical model files are byte-identical', async () => {
    const out = await mkdtemp(join(tmpdir(), 'leasehold-e2e-synth-'));
    const cdk = await cli([
      'synth',
      '-f',
      'examples/cdk/cdktf.json',
      '--json',
      '--out',
      join(out, 'cdk.json'),
    ]);
    const yaml = await cli([
      'synth',
      '-f',
      'examples/web.yaml',
      '--json',
      '--out',
      join(out, 'yaml.json'),
    ]);
    expect([cdk.exitCode, cdk.stderr]).toEqual([0, '']);
    expect([yaml.exitCode, yaml.stderr]).toEqual([0, '']);
    const cdkBytes = await readFile(join(out, 'cdk.json'));
    const yamlBytes = await readFile(join(out, 'yaml.json'));
    expect(cdkBytes.length).toBeGreaterThan(500);
    expect(cdkBytes.equals(yamlBytes)).toBe(true);
    const model = (
      JSON.parse(cdk.stdout) as { model: { stack: string; resources: { address: string }[] } }
    ).model;
    expect(model.stack).toBe('web');
    expect(model.resources.map((r) => r.address)).toEqual([
      'autoscaling_policy.web',
      'health_check.web',
      'instance.web',
    ]);
  });

  it('GIVEN the CDK example WHEN validated THEN it exits 0 with three resources and no diagnostics', async () => {
    const res = await cli(['validate', '-f', 'examples/cdk/cdktf.json', '--json']);
    expect(res.exitCode).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ valid: true, resources: 3, diagnostics: [] });
  });

  it('GIVEN a CDK program with a bad prop WHEN validated THEN a diagnostic located in cdk.tf.json, exit 1, no stack trace', async () => {
    const dir = await tempProject();
    await writeFile(join(dir, 'main.js'), BAD_PROGRAM);
    await writeFile(
      join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node main.js' }),
    );
    const json = await cli(['validate', '--json'], dir);
    expect(json.exitCode).toBe(1);
    const errors = (
      JSON.parse(json.stdout) as {
        error: {
          code: string;
          path?: string;
          source?: { file: string; line: number; column: number };
        }[];
      }
    ).error;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'instances.web.resources.memory' });
    const source = errors[0]?.source;
    expect(source?.file).toMatch(/stacks\/bad\/cdk\.tf\.json$/);
    const synthesized = (await readFile(join(dir, source?.file ?? ''), 'utf8')).split('\n');
    expect(synthesized[(source?.line ?? 0) - 1]?.slice((source?.column ?? 0) - 1)).toBe('"1 gig"');
    const human = await cli(['validate'], dir);
    expect(human.exitCode).toBe(1);
    expect(human.stderr).toContain('"memory": "1 gig"');
    expect(human.stderr).not.toMatch(/^\s+at\s/m);
  });

  it('GIVEN a CDK program whose construct rejects its props WHEN validated THEN cdk/invalid-props names the construct path, exit 1', async () => {
    const dir = await tempProject();
    const program = BAD_PROGRAM.replace("'1 gig'", "'1Gi'").replace(
      'app.synth();',
      "import { HealthCheck } from 'leasehold/constructs';\nnew HealthCheck(stack, 'hc', { instance: stack.node.findChild('web'), http: { port: 80 }, tcp: { port: 80 } });\napp.synth();",
    );
    await writeFile(join(dir, 'main.js'), program);
    const res = await cli(['validate', '--json', '--app', 'node main.js'], dir);
    expect(res.exitCode).toBe(1);
    const errors = (JSON.parse(res.stdout) as { error: { code: string; detail: string }[] }).error;
    expect(errors.map((e) => e.code)).toEqual(['cdk/invalid-props']);
    expect(errors[0]?.detail).toContain('bad/hc: The health check sets both of `http` and `tcp`');
    expect(res.stdout).not.toMatch(/\n\s+at\s/);
  });

  it('GIVEN init --cdk into an empty directory WHEN the project is validated THEN it is valid as created', async () => {
    const dir = await tempProject();
    const init = await cli(['init', '.', '--cdk', '--stack', 'fresh', '--json'], dir);
    expect(init.exitCode).toBe(0);
    expect((JSON.parse(init.stdout) as { files: string[] }).files.sort()).toEqual([
      '.gitignore',
      'cdktf.json',
      'main.js',
      'package.json',
    ]);
    const again = await cli(['init', '.', '--cdk', '--json'], dir);
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toContain('init/file-exists');
    const res = await cli(['validate', '--json'], dir);
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout)).toMatchObject({ valid: true, resources: 2 });
  });
});
