import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The project-level testTimeout is ignored under `projects`; chain work needs more than 5 s.
jest.setTimeout(120_000);

// The built CLI (`npm run build` first) driving one devnet: up, a harmless second up, status,
// fund, fault, down. Every command runs with --json, whose shapes are contracts.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-devnet-'));
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1' };

async function cli(
  ...args: string[]
): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  const res = await execa('node', [join(root, 'bin/run.js'), ...args], {
    cwd: root,
    env,
    reject: false,
  });
  return {
    code: res.exitCode ?? -1,
    json: JSON.parse(res.stdout) as Record<string, unknown>,
    stderr: res.stderr,
  };
}

afterAll(async () => {
  await execa('node', [join(root, 'bin/run.js'), 'devnet', 'down'], {
    cwd: root,
    env,
    reject: false,
  });
});

describe('leasehold devnet (built CLI)', () => {
  it('GIVEN no devnet WHEN `devnet up --json` runs twice THEN the first starts it and the second says it already runs', async () => {
    const up = await cli('devnet', 'up', '--json', '--block-time', '0.25', '--port', '0');
    expect(up.code).toBe(0);
    expect(up.json['started']).toBe(true);
    expect(up.json['chainId']).toBe(31337);
    expect(String(up.json['rpcUrl'])).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(up.json)).not.toContain('"token"');
    const badBlock = await cli('devnet', 'up', '--json', '--block-time', 'fast');
    expect(badBlock.code).toBe(1);
    expect((badBlock.json['error'] as { code: string }[])[0]?.code).toBe(
      'devnet/invalid-block-time',
    );
    const again = await cli('devnet', 'up', '--json');
    expect(again.code).toBe(0);
    expect(again.json['started']).toBe(false);
    expect(again.json['pid']).toBe(up.json['pid']);
  });

  it('GIVEN the devnet WHEN `devnet status --json` runs THEN it reports running, five providers and a block number', async () => {
    const s = await cli('devnet', 'status', '--json');
    expect(s.code).toBe(0);
    expect(s.json['running']).toBe(true);
    expect((s.json['providers'] as unknown[]).length).toBe(5);
    expect(typeof s.json['blockNumber']).toBe('number');
  });

  it('GIVEN an address WHEN `devnet fund` runs THEN it gets ETH and minted tokens, in base units', async () => {
    const addr = '0x000000000000000000000000000000000000bEEF';
    const f = await cli(
      'devnet',
      'fund',
      addr,
      '--eth',
      '1.5',
      '--amount',
      '25',
      '--token',
      'USDT',
      '--json',
    );
    expect(f.code).toBe(0);
    expect(f.json['eth']).toMatchObject({
      added: '1500000000000000000',
      balance: '1500000000000000000',
    });
    expect(f.json['token']).toMatchObject({
      symbol: 'USDT',
      added: '25000000',
      balance: '25000000',
    });
    const bad = await cli('devnet', 'fund', '0x1234', '--json');
    expect(bad.code).toBe(1);
    expect((bad.json['error'] as { code: string }[])[0]?.code).toBe('devnet/invalid-funding');
    const doge = await cli('devnet', 'fund', addr, '--amount', '1', '--token', 'DOGE', '--json');
    expect(doge.code).toBe(1);
    expect((doge.json['error'] as { code: string; detail: string }[])[0]).toMatchObject({
      code: 'devnet/unknown-token',
      detail: expect.stringContaining('"DOGE"'),
    });
  });

  it('GIVEN the devnet WHEN faults are injected THEN a known target works and an unknown one is a diagnostic', async () => {
    const ok = await cli('devnet', 'fault', 'provider-1', 'offline', '--json');
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ kind: 'offline', provider: 'atlantic-1' });
    expect((await cli('devnet', 'fault', 'provider-1', 'clear', '--json')).code).toBe(0);
    const bad = await cli('devnet', 'fault', 'provider-9', 'offline', '--json');
    expect(bad.code).toBe(1);
    expect((bad.json['error'] as { code: string }[])[0]?.code).toBe('devnet/unknown-target');
  });

  it('GIVEN the devnet WHEN `devnet down` runs THEN it stops and status says not running', async () => {
    const down = await cli('devnet', 'down', '--json');
    expect(down.code).toBe(0);
    expect(down.json['wasRunning']).toBe(true);
    const s = await cli('devnet', 'status', '--json');
    expect(s.json).toEqual({ running: false, home });
    const fault = await cli('devnet', 'fault', 'provider-1', 'crash', '--json');
    expect((fault.json['error'] as { code: string }[])[0]?.code).toBe('devnet/not-running');
  });

  it('GIVEN no devnet WHEN a command needing it runs THEN it starts the devnet and says so; reset then removes all data', async () => {
    const addr = '0x000000000000000000000000000000000000dEaD';
    const f = await execa('node', [join(root, 'bin/run.js'), 'devnet', 'fund', addr], {
      cwd: root,
      env: { ...env, LEASEHOLD_DEVNET_BLOCK_TIME: '0.25', LEASEHOLD_DEVNET_PORT: '0' },
      reject: false,
    });
    expect(f.exitCode).toBe(0);
    expect(f.stderr).toContain('Starting the local devnet…');
    expect(f.stdout).toContain('10.0 ETH');
    const reset = await cli('devnet', 'reset', '--json');
    expect(reset.code).toBe(0);
    expect(reset.json).toMatchObject({ wasRunning: true, removed: join(home, 'devnet') });
    expect(existsSync(join(home, 'devnet'))).toBe(false);
  });
});
