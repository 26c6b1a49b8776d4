import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import fc from 'fast-check';
import { mutatedExample } from '../support/mutate-yaml.js';

// Bad input through the built CLI, as a user meets it: over-limit files refused with the limit and
// the variable that raises it, deep nesting located, and a sample of mutated examples ending in
// exit 0 or 1 — never a stack trace, never "Unexpected error". How fast the refusal is belongs to
// bench/ (cli.bench.ts), not to a timed assertion here.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const STACK_LINE = /^ {4}at /m;

const cli = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [bin, ...args], {
    cwd: root,
    env: { NO_COLOR: '1', CI: 'true', ...env },
    reject: false,
  });

async function specFile(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'leasehold-bad-input-')), name);
  await writeFile(file, text);
  return file;
}

function instances(n: number): string {
  const lines = [
    'stack: big',
    'defaults:',
    '  pricing: { maxPerHour: "1", token: USDT }',
    'instances:',
  ];
  for (let i = 0; i < n; i++) lines.push(`  s${i}: {image: nginx}`);
  return `${lines.join('\n')}\n`;
}

function expectClean(r: { stdout: string; stderr: string }): void {
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).not.toMatch(STACK_LINE);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/Unexpected error|internal\/unexpected|call stack/);
}

describe('bad input through the CLI', () => {
  it('GIVEN the 10 MB spec of 400,000 instances WHEN validated THEN refused at the size limit, naming the variable', async () => {
    const file = await specFile('big.yaml', instances(400_000));
    const r = await cli(['validate', '-f', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[spec/file-too-large]');
    expect(r.stderr).toContain('LEASEHOLD_MAX_SPEC_BYTES=16Mi');
    expectClean(r);
    const json = await cli(['validate', '-f', file, '--json']);
    expect(json.exitCode).toBe(1);
    const out = JSON.parse(json.stdout) as { error: { code: string }[] };
    expect(out.error.map((d) => d.code)).toEqual(['spec/file-too-large']);
  });

  it('GIVEN 5,001 instances WHEN validated THEN refused at the instance limit; the variable raises it', async () => {
    const file = await specFile('many.yaml', instances(5001));
    const refused = await cli(['validate', '-f', file]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('[spec/too-many-instances]');
    expect(refused.stderr).toContain('declares 5,001 instances');
    expect(refused.stderr).toContain('LEASEHOLD_MAX_INSTANCES=5001');
    expectClean(refused);
    const raised = await cli(['validate', '-f', file], { LEASEHOLD_MAX_INSTANCES: '5001' });
    expect({ code: raised.exitCode, err: raised.stderr }).toEqual({ code: 0, err: '' });
    expect(raised.stdout).toContain('valid (5001 resources)');
  });

  it('GIVEN a malformed limit variable WHEN validated THEN spec/invalid-limit, exit 1', async () => {
    const r = await cli(['validate', '-f', 'examples/hello.yaml'], {
      LEASEHOLD_MAX_SPEC_BYTES: 'big',
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[spec/invalid-limit]');
    expectClean(r);
  });

  it('GIVEN 20,000 nested brackets on one line WHEN validated THEN located at the depth limit, the quoted line cut', async () => {
    const deep = `stack: deep\ninstances:\n  web:\n    image: nginx\n    args: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const file = await specFile('deep.yaml', deep);
    const r = await cli(['validate', '-f', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[spec/nesting-too-deep]');
    expect(r.stderr).toContain(`on ${file} line 5, column 72:`);
    expect(r.stderr).toContain('LEASEHOLD_MAX_SPEC_DEPTH=');
    const quoted = r.stderr.split('\n').find((l) => l.startsWith('  5 |'));
    expect(quoted?.length).toBeLessThan(180);
    expectClean(r);
  });

  it('GIVEN -f naming a directory WHEN validated THEN spec/file-unreadable, exit 1', async () => {
    const r = await cli(['validate', '-f', 'examples']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[spec/file-unreadable]');
    expectClean(r);
  });

  it('GIVEN a sample of mutated examples WHEN validated THEN exit 0 or 1 and never a stack trace', async () => {
    const sample = fc.sample(mutatedExample, { numRuns: 6, seed: 20261126 });
    for (const [i, { name, text }] of sample.entries()) {
      const file = await specFile(`${i}-${name}`, text);
      const r = await cli(['validate', '-f', file]);
      expect({ file, code: [0, 1].includes(r.exitCode ?? -1) }).toEqual({ file, code: true });
      expectClean(r);
    }
  });
});
