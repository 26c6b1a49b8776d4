import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { forgetKnownSecrets, registerSecret } from '../../../../cli/diag/index.js';
import { cleanStderr, runCdkApp } from '../../../../provider/spec/run-cdk-app.js';

describe('cleanStderr', () => {
  afterEach(() => forgetKnownSecrets());

  it('GIVEN a Node crash with stack frames and the known private key WHEN cleaned THEN frames and the key are gone, the message stays', () => {
    registerSecret('0x' + 'ab'.repeat(32));
    const stderr = [
      'file:///app/main.js:12',
      '  throw new Error("boom 0x' + 'ab'.repeat(32) + '")',
      '',
      'Error: boom 0x' + 'ab'.repeat(32),
      '    at file:///app/main.js:12:9',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
      '',
      'Node.js v20.20.2',
    ].join('\n');
    const out = cleanStderr(stderr);
    expect(out).toContain('Error: boom (sensitive value)');
    expect(out).not.toMatch(/\s+at\s/);
    expect(out).not.toContain('ab'.repeat(32));
    expect(out).not.toContain('Node.js v20');
  });
});

describe('runCdkApp', () => {
  it('GIVEN an app WHEN run THEN it sees CDKTF_OUTDIR and its cwd, and a failure reports the exit code and stderr', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'leasehold-run-test-'));
    const ok = await runCdkApp({
      command: `node -e "if (process.env.CDKTF_OUTDIR !== '${outdir}' || process.cwd() !== '${tmpdir()}') process.exit(5)"`,
      cwd: tmpdir(),
      outdir,
      timeoutMs: 30_000,
    });
    expect(ok).toEqual({ ok: true, exitCode: 0, timedOut: false, stderr: '' });
    const bad = await runCdkApp({
      command: 'node -e "console.error(\'nope\'); process.exit(3)"',
      cwd: tmpdir(),
      outdir,
      timeoutMs: 30_000,
    });
    expect(bad).toEqual({ ok: false, exitCode: 3, timedOut: false, stderr: 'nope' });
  });
});
