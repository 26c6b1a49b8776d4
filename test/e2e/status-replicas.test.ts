import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import type { StackState } from '../../cli/state/state-types.js';
import { cliSchema } from '../support/cli-schemas.js';

// `status` with per-replica health and live metrics, on one devnet: healthy replicas under load
// show cpu and requests per second; a fault makes their health probe fail.
jest.setTimeout(180_000);

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-status-'));
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1', CI: 'true' };
const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-status-stack-'));
const cli = (args: string[]) =>
  execa('node', [join(root, 'bin/run.js'), ...args], { cwd: dir, env, reject: false });

writeFileSync(
  join(dir, 'leasehold.yaml'),
  [
    'stack: e2e-status',
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
    '    health:',
    '      http: { path: /healthz, port: 8080 }',
    '      interval: 1s',
    '      timeout: 1s',
    '      gracePeriod: 0s',
    '      onFailure: alert',
  ].join('\n'),
);

interface Replica {
  name: string;
  ready: boolean;
  health: string;
  cpuPercent: number | null;
  rps: number | null;
}
interface View {
  leases: { leaseId: string; decimals: number; pricePerHour: string; replicas: Replica[] }[];
}

describe('leasehold status with replicas (built CLI on the devnet)', () => {
  beforeAll(async () => {
    expect((await cli(['devnet', 'up', '--block-time', '0.25', '--port', '0'])).exitCode).toBe(0);
    const apply = await cli(['apply', '--auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
  });
  afterAll(async () => {
    await cli(['devnet', 'down']);
  });

  it('GIVEN load on two healthy replicas WHEN status --json THEN each replica is healthy with cpu and rps, schema-valid', async () => {
    const load = cli(['devnet', 'load', 'instance.web', '--rps', '10', '--duration', '6s']);
    await new Promise((ok) => setTimeout(ok, 2500));
    const r = await cli(['status', '--json']);
    expect(r.exitCode).toBe(0);
    const view = JSON.parse(r.stdout) as View;
    const validate = cliSchema('status');
    expect(validate(view) ? null : validate.errors).toBeNull();
    const replicas = view.leases.flatMap((l) => l.replicas);
    expect(replicas.map((x) => [x.name, x.ready, x.health])).toEqual([
      ['web-0', true, 'healthy'],
      ['web-1', true, 'healthy'],
    ]);
    for (const x of replicas) {
      // 5 req/s each against the devnet's 10 req/s capacity: the cpu gauge moved off zero.
      expect(x.cpuPercent).toBeGreaterThan(0);
      expect(x.rps).toBeGreaterThan(1);
      expect(x.rps).toBeLessThan(12);
    }
    expect(view.leases[0]?.decimals).toBe(6);
    expect((await load).exitCode).toBe(0);
  });

  it('GIVEN the human form WHEN status THEN the price is in whole tokens and each replica has a line', async () => {
    const r = await cli(['status']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/PRICE\/H/);
    expect(r.stdout).toMatch(/\d+\.\d+ USDT/);
    expect(r.stdout).toMatch(
      /^ {2}web-0 +ready +healthy +cpu [\d.]+% +[\d.-]+ req\/s +restarts 0$/m,
    );
    expect(r.stdout).toMatch(/^ {2}web-1 +ready +healthy/m);
  });

  it('GIVEN an unhealthy fault on the lease WHEN status --json THEN its replicas are unhealthy', async () => {
    const state = JSON.parse(
      readFileSync(join(dir, '.leasehold', 'e2e-status.state.json'), 'utf8'),
    ) as StackState;
    const leaseId = state.resources.flatMap((x) => x.leases)[0]?.leaseId ?? '';
    expect((await cli(['devnet', 'fault', `lease:${leaseId}`, 'unhealthy'])).exitCode).toBe(0);
    const view = JSON.parse((await cli(['status', '--json'])).stdout) as View;
    expect(view.leases.flatMap((l) => l.replicas.map((x) => x.health))).toEqual([
      'unhealthy',
      'unhealthy',
    ]);
  });
});
