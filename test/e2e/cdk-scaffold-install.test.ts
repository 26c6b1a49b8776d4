import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { ROOT, startE2eDevnet } from './support/e2e-devnet.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// Leasehold as a new user meets it before it is published: `npm pack` gives a package that
// installs into an empty directory and runs; that installed Leasehold scaffolds a CDK project
// (`init --cdk`) that `npm install` links to it without a registry, and the project validates,
// plans, applies and destroys on the devnet. npm runs with --prefer-offline (the cache answers
// what it holds) and bounded timeouts sized for a slow machine; `npm pack` skips the build
// (`npm run build` ran before the e2e suite).
jest.setTimeout(900_000);

const NPM_TIMEOUT_MS = 420_000;
const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
let devnet: E2eDevnet;
let chain: StackChain;
let installed: string;

const npm = (args: readonly string[], cwd: string) =>
  execa('npm', [...args], { cwd, timeout: NPM_TIMEOUT_MS, reject: false, env: { CI: 'true' } });

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('the packed package and its CDK scaffold (npm, offline-capable)', () => {
  it('GIVEN npm pack WHEN the tarball is installed into an empty directory THEN leasehold --help and leasehold help plan run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lh-e2e-pack-'));
    const pack = await npm(
      ['pack', '--ignore-scripts', '--pack-destination', work, '--json'],
      ROOT,
    );
    expect(pack.exitCode).toBe(0);
    const [packed] = JSON.parse(String(pack.stdout)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const paths = (packed?.files ?? []).map((f) => f.path);
    for (const needed of [
      'bin/run.js',
      'dist/index.js',
      'dist/provider/constructs/index.js',
      'dist/devnet/supervisor/main.js',
      'schemas/spec.schema.json',
      'oclif.manifest.json',
      'devnet/config/providers.json',
    ])
      expect(paths).toContain(needed);
    expect(paths.some((p) => p.startsWith('artifacts/contracts/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('test/') || p.startsWith('dist/bench/'))).toBe(false);

    // Installed as a user installs a CLI (npm install -g), into an empty prefix of its own.
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const tarball = join(work, packed?.filename ?? '');
    const install = await npm(['install', '-g', '--prefix', empty, ...npmFlags, tarball], empty);
    expect(install.exitCode).toBe(0);
    installed = join(empty, 'lib', 'node_modules', 'leasehold');
    const bin = join(empty, 'bin', 'leasehold');
    const help = await execa(bin, ['--help'], { cwd: empty, reject: false });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('USAGE');
    const helpPlan = await execa(bin, ['help', 'plan'], { cwd: empty, reject: false });
    expect(helpPlan.exitCode).toBe(0);
    expect(helpPlan.stdout).toContain('--detailed-exitcode');
  });

  it('GIVEN the installed Leasehold WHEN init --cdk, npm install, validate, plan, apply and destroy run THEN each succeeds on the devnet', async () => {
    expect(installed).toBeDefined();
    const run = (args: readonly string[], cwd: string) =>
      execa('node', [join(installed, 'bin/run.js'), ...args], {
        cwd,
        env: { ...devnet.env },
        reject: false,
      });
    const parent = mkdtempSync(join(tmpdir(), 'lh-e2e-scaffold-'));
    const init = await run(['init', 'shop', '--cdk'], parent);
    expect(init.exitCode).toBe(0);
    const dir = join(parent, 'shop');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // Depends on the Leasehold that created it, not on a registry package that does not exist.
    expect(pkg.dependencies).toEqual({ leasehold: `file:${installed}` });
    expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8'))).not.toHaveProperty(
      'language',
      'typescript',
    );
    const install = await npm(['install', ...npmFlags, '--offline'], dir);
    expect(install.stderr).not.toContain('E404');
    expect(install.exitCode).toBe(0);
    expect(existsSync(join(dir, 'node_modules', 'leasehold', 'package.json'))).toBe(true);

    const validate = await run(['validate'], dir);
    expect(validate.stdout).toContain('cdktf.json: valid');
    expect(validate.exitCode).toBe(0);
    const plan = await run(['plan', '--detailed-exitcode'], dir);
    expect(plan.exitCode).toBe(2);
    expect(plan.stdout).toContain('Plan: 2 to add');
    const apply = await run(['apply', '--auto-approve'], dir);
    expect(apply.exitCode).toBe(0);
    expect(await chain.activeLeases('shop')).toHaveLength(1);
    expect(readdirSync(join(dir, '.leasehold'))).toContain('shop.state.json');
    const destroy = await run(['destroy', '--auto-approve'], dir);
    expect(destroy.exitCode).toBe(0);
    expect(await chain.activeLeases('shop')).toEqual([]);
  });
});
