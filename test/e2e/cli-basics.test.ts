import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { cliSchema } from '../support/cli-schemas.js';

// The built CLI as a user runs it: help, init → validate → synth, bad input (exit 1, located,
// no stack trace) and the --json contracts of schemas/cli/.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const env = { NO_COLOR: '1', CI: 'true' };
const cli = (args: string[], cwd = root) =>
  execa('node', [bin, ...args], { cwd, env, reject: false });
const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('leasehold CLI basics', () => {
  it('GIVEN --help THEN every stack-language command is listed and the exit code is 0', async () => {
    const r = await cli(['--help']);
    expect(r.exitCode).toBe(0);
    for (const c of ['init', 'validate', 'synth', 'convert', 'devnet'])
      expect(r.stdout).toContain(c);
  });

  it('GIVEN an empty directory WHEN init, validate and synth run THEN the stack is named after it and valid', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'leasehold-e2e-')), 'my-app');
    await mkdir(dir);
    const init = await cli(['init', '--json'], dir);
    expect(init.exitCode).toBe(0);
    const initOut = JSON.parse(init.stdout) as unknown;
    expect(cliSchema('init')(initOut)).toBe(true);
    expect(await readFile(join(dir, 'leasehold.yaml'), 'utf8')).toMatch(/^stack: my-app$/m);

    const validate = await cli(['validate', '--json'], dir);
    expect(validate.exitCode).toBe(0);
    const validateOut = JSON.parse(validate.stdout) as unknown;
    expect(cliSchema('validate')(validateOut)).toBe(true);

    const synth = await cli(['synth', '--json'], dir);
    expect(synth.exitCode).toBe(0);
    const synthOut = JSON.parse(synth.stdout) as { model: { stack: string } };
    expect(cliSchema('synth')(synthOut)).toBe(true);
    expect(synthOut.model.stack).toBe('my-app');

    const again = await cli(['init'], dir);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('[init/file-exists]');
    expect(again.stderr).not.toMatch(STACK_TRACE);
  });

  it('GIVEN an invalid spec WHEN validated THEN exit 1 with file:line:column, a hint, and no stack trace', async () => {
    const file = 'test/fixtures/invalid/03-duplicate-key.yaml';
    const human = await cli(['validate', '-f', file]);
    expect(human.exitCode).toBe(1);
    expect(human.stderr).toMatch(new RegExp(`on ${file} line \\d+, column \\d+`));
    expect(human.stderr).toContain('Hint:');
    expect(human.stderr).not.toMatch(STACK_TRACE);

    const json = await cli(['validate', '-f', file, '--json']);
    expect(json.exitCode).toBe(1);
    expect(cliSchema('diagnostic', '#/$defs/errorOutput')(JSON.parse(json.stdout))).toBe(true);
  });

  it('GIVEN a missing spec file THEN exit 1 with a hint to run init', async () => {
    const r = await cli(['validate', '-f', 'no-such-file.yaml']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('leasehold init');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('GIVEN an unknown flag THEN exit 1 with cli/invalid-arguments, not oclif exit 2', async () => {
    const r = await cli(['validate', '--no-such-flag']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[cli/invalid-arguments]');
    const json = await cli(['validate', '--no-such-flag', '--json']);
    expect(json.exitCode).toBe(1);
    expect(cliSchema('diagnostic', '#/$defs/errorOutput')(JSON.parse(json.stdout))).toBe(true);
  });

  it('GIVEN every example WHEN validated by the built CLI THEN each is valid', async () => {
    for (const f of ['hello', 'web', 'gpu', 'spread']) {
      const r = await cli(['validate', '-f', `examples/${f}.yaml`]);
      expect({ f, code: r.exitCode, err: r.stderr }).toEqual({ f, code: 0, err: '' });
    }
  });
});

describe('leasehold errors under --json', () => {
  it('GIVEN a failing command with --json THEN stdout is exactly one line of JSON (JSON-lines safe)', async () => {
    const r = await cli([
      'validate',
      '-f',
      'test/fixtures/invalid/03-duplicate-key.yaml',
      '--json',
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});
