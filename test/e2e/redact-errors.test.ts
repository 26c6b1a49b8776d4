import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';

// Errors are evidence: under LEASEHOLD_DEBUG the stack is printed, and a transaction hash in an
// error must stay readable while the wallet's key — in whatever spelling the text holds it — and
// any Authorization credentials are masked, on every path an error is printed.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const KEY = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const TX_HASH = `0x${'9f'.repeat(32)}`;
const BASIC = 'dXNlcjpodW50ZXIy';
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

async function cli(args: string[]) {
  const home = await mkdtemp(join(tmpdir(), 'leasehold-e2e-redact-'));
  return execa('node', [bin, ...args], {
    cwd: root,
    env: {
      NO_COLOR: '1',
      CI: 'true',
      LEASEHOLD_HOME: home,
      LEASEHOLD_DEBUG: '1',
      LEASEHOLD_PRIVATE_KEY: `0x${KEY}`,
      PATH: process.env['PATH'] ?? '',
    },
    extendEnv: false,
    reject: false,
  });
}

function expectRedacted(text: string): void {
  expect(text).toContain(TX_HASH);
  expect(text.toLowerCase()).not.toContain(KEY);
  expect(text).not.toContain(BASIC);
  expect(text).toContain('(sensitive value)');
}

describe('errors under LEASEHOLD_DEBUG (built CLI)', () => {
  const bad = `tx ${TX_HASH} signed by ${KEY.toUpperCase()} with Authorization: Basic ${BASIC}`;

  it('GIVEN a failing command whose error holds the key (upper case, no 0x), a tx hash and a Basic credential WHEN run with LEASEHOLD_DEBUG=1 THEN the stack and the diagnostic show the tx hash and neither secret', async () => {
    const human = await cli(['validate', '-f', 'examples/web.yaml', bad]);
    expect(human.exitCode).toBe(1);
    expect(human.stderr).toMatch(STACK_TRACE);
    expect(human.stderr).toContain('[cli/invalid-arguments]');
    expectRedacted(human.stdout + human.stderr);

    const json = await cli(['validate', '-f', 'examples/web.yaml', bad, '--json']);
    expect(json.exitCode).toBe(1);
    const out = JSON.parse(json.stdout) as { error: { detail: string }[] };
    expectRedacted(out.error[0]?.detail ?? '');
    expectRedacted(json.stdout + json.stderr);
  });

  it('GIVEN an unknown command made of the key and a tx hash WHEN oclif itself reports it THEN the key is masked and the tx hash is not', async () => {
    const r = await cli([`0x${KEY}`, TX_HASH]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(TX_HASH);
    expect(r.stderr.toLowerCase()).not.toContain(KEY);
  });
});
