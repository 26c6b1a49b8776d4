import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import type { StackState } from '../../cli/state/state-types.js';
import { cliSchema } from '../support/cli-schemas.js';

// The built CLI against one devnet: apply a two-replica workload, load it, and check the
// replicas' own request counters saw the load spread over both.
jest.setTimeout(180_000);

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-load-'));
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1', CI: 'true' };
const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-load-stack-'));
const cli = (args: string[]) =>
  execa('node', [join(root, 'bin/run.js'), ...args], { cwd: dir, env, reject: false });

writeFileSync(
  join(dir, 'leasehold.yaml'),
  [
    'stack: e2e-load',
    'budget:',
    '  maxPerHour: "10"',
    '  token: USDT',
    '  escrow: { topUp: "50", maxDeposit: "400" }',
    'instances:',
    '  web:',
    '    image: nginxinc/nginx-unprivileged:1.27',
    '    ports: [{ port: 8080, as: 80 }]',
    '    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }',
    '    count: 2',
    '    duration: 1h',
    '    pricing: { maxPerHour: "1", token: USDT }',
  ].join('\n'),
);

async function requestsServed(endpoint: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', endpoint))).text();
  const m = /^http_requests_total(?:\{[^}]*\})? (\d+)/m.exec(text);
  return Number(m?.[1] ?? NaN);
}

describe('leasehold devnet load (built CLI on the devnet)', () => {
  beforeAll(async () => {
    const up = await cli(['devnet', 'up', '--block-time', '0.25', '--port', '0']);
    expect(up.exitCode).toBe(0);
    const apply = await cli(['apply', '--auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
  });
  afterAll(async () => {
    await cli(['devnet', 'down']);
  });

  it('GIVEN a two-replica instance WHEN loaded at 20 rps for 2s THEN 40 requests, all ok, half on each replica, schema-valid JSON', async () => {
    const state = JSON.parse(
      readFileSync(join(dir, '.leasehold', 'e2e-load.state.json'), 'utf8'),
    ) as StackState;
    const endpoints = state.resources.flatMap((r) => r.leases.flatMap((l) => l.endpoints)).sort();
    expect(endpoints).toHaveLength(2);
    const before = await Promise.all(endpoints.map(requestsServed));
    const r = await cli([
      'devnet',
      'load',
      'instance.web',
      '--rps',
      '20',
      '--duration',
      '2s',
      '--json',
    ]);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as {
      sent: number;
      ok: number;
      errors: number;
      endpoints: { endpoint: string; sent: number }[];
      latencyMs: { p99: number | null };
    };
    const validate = cliSchema('devnet-load');
    expect(validate(report) ? null : validate.errors).toBeNull();
    expect([report.sent, report.ok, report.errors]).toEqual([40, 40, 0]);
    expect(report.endpoints).toEqual(endpoints.map((endpoint) => ({ endpoint, sent: 20, ok: 20 })));
    expect(report.latencyMs.p99).not.toBeNull();
    const after = await Promise.all(endpoints.map(requestsServed));
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([20, 20]);
  });

  it('GIVEN the human form WHEN loaded THEN it prints totals and latency percentiles', async () => {
    const r = await cli(['devnet', 'load', 'instance.web', '--rps', '10', '--duration', '500ms']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Load on instance\.web: 5 sent, 5 ok, 0 errors/);
    expect(r.stdout).toMatch(/Latency: p50 [\d.]+ ms, p90/);
  });

  it('GIVEN an address not in the state WHEN loaded THEN devnet/load-unknown-address and exit 1', async () => {
    const r = await cli([
      'devnet',
      'load',
      'instance.api',
      '--rps',
      '5',
      '--duration',
      '1s',
      '--json',
    ]);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: [{ code: 'devnet/load-unknown-address' }],
    });
  });
});
