import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { cliSchema } from '../support/cli-schemas.js';

// The built CLI's autoscale surface that needs no chain: help, and `autoscale history` over a
// history file (JSON contract, ASCII chart without a terminal). The controller itself runs
// against the devnet in test/integration/autoscale.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const env = { NO_COLOR: '1', CI: 'true' };
const cli = (args: string[], cwd = root) =>
  execa('node', [bin, ...args], { cwd, env, reject: false });

const SPEC = `stack: shop
instances:
  web:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    pricing: { maxPerHour: '1', token: USDT }
    autoscaling:
      min: 1
      max: 4
      metrics: [{ type: requestsPerSecond, target: { averageValue: 10 } }]
`;
const decision = (i: number, current: number, value: number) => ({
  type: 'decision',
  at: new Date(Date.UTC(2026, 2, 1, 12, 0, i * 5)).toISOString(),
  resource: 'instance.web',
  current,
  desired: current,
  metrics: [{ name: 'requestsPerSecond', value, target: 10 }],
  health: [],
  action: 'none',
  blockedBy: null,
  reasons: [],
  outcome: 'skipped',
});

describe('leasehold autoscale (CLI)', () => {
  it('GIVEN --help THEN the controller and its flags are described', async () => {
    const r = await cli(['autoscale', '--help']);
    expect(r.exitCode).toBe(0);
    for (const f of ['--interval', '--once', '--json', '--file']) expect(r.stdout).toContain(f);
  });

  it('GIVEN a history file WHEN `autoscale history` runs THEN JSON matches the event schema and the plain form has an ASCII chart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-e2e-as-'));
    await writeFile(join(dir, 'leasehold.yaml'), SPEC);
    await mkdir(join(dir, '.leasehold'));
    const decisions = [decision(0, 1, 30), decision(1, 3, 10), decision(2, 3, 9)];
    await writeFile(
      join(dir, '.leasehold', 'shop.autoscale.json'),
      JSON.stringify({ formatVersion: 1, stack: 'shop', resources: {}, decisions }),
    );
    const json = await cli(['autoscale', 'history', '--json', '--limit', '2'], dir);
    expect(json.exitCode).toBe(0);
    const out = JSON.parse(json.stdout) as { stack: string; decisions: unknown[] };
    expect(out.stack).toBe('shop');
    expect(out.decisions).toHaveLength(2);
    expect(out.decisions.every((d) => cliSchema('autoscale-event')(d))).toBe(true);

    const plain = await cli(['autoscale', 'history'], dir);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toContain('instance.web  12:00:00 → 12:00:10');
    expect(plain.stdout).toMatch(/^\s*\d+ \|[ #-]+$/m);
    expect(plain.stdout).not.toMatch(/[█·]/);
  });

  it('GIVEN no history yet WHEN `autoscale history` runs THEN it says how to start one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-e2e-as-'));
    await writeFile(join(dir, 'leasehold.yaml'), SPEC);
    const r = await cli(['autoscale', 'history'], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('No autoscale decisions yet');
  });
});
