import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The project-level testTimeout is ignored under `projects`; chain work needs more than 5 s.
jest.setTimeout(120_000);

// The built CLI: keystores in a temp LEASEHOLD_HOME, then balance and escrow on a devnet that the
// first chain command starts by itself (one devnet for the file, on a free port).
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-wallet-'));
const base = { LEASEHOLD_HOME: home, NO_COLOR: '1', LEASEHOLD_DEVNET_PORT: '0' };
const PASSWORD = 'correct horse battery staple';

async function cli(env: Record<string, string>, ...args: string[]) {
  const res = await execa('node', [join(root, 'bin/run.js'), ...args], {
    cwd: root,
    env: { ...base, ...env },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  return { code: res.exitCode ?? -1, stdout: res.stdout, stderr: res.stderr };
}

const json = (s: string): Record<string, unknown> => JSON.parse(s) as Record<string, unknown>;
const PATH = { PATH: process.env['PATH'] ?? '' };

afterAll(async () => {
  await cli(PATH, 'devnet', 'down');
});

describe('leasehold wallet and escrow (built CLI)', () => {
  let address = '';

  it('GIVEN a password in the environment WHEN `wallet create --json` runs THEN a 0600 keystore holds the new address and `wallet address` prints it', async () => {
    const res = await cli(
      { ...PATH, LEASEHOLD_KEYSTORE_PASSWORD: PASSWORD },
      'wallet',
      'create',
      '--json',
    );
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    address = String(out['address']);
    expect(address).toMatch(/^0x[0-9a-f]{40}$/);
    const file = String(out['keystore']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    const again = await cli(PATH, 'wallet', 'address');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(address);
  });

  it('GIVEN an existing keystore WHEN `wallet create` runs again THEN it refuses to overwrite', async () => {
    const res = await cli(
      { ...PATH, LEASEHOLD_KEYSTORE_PASSWORD: PASSWORD },
      'wallet',
      'create',
      '--json',
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('wallet/keystore-exists');
  });

  it('GIVEN a wrong password WHEN a signing command runs THEN wallet/wrong-password, exit 1, password not echoed', async () => {
    const res = await cli(
      { ...PATH, LEASEHOLD_KEYSTORE_PASSWORD: 'wrong-pass-123' },
      'escrow',
      'deposit',
      '1',
      '--token',
      'USDT',
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('wallet/wrong-password');
    expect(res.stderr + res.stdout).not.toContain('wrong-pass-123');
  });

  it('GIVEN no TTY and no password WHEN a signing command runs THEN wallet/password-required, exit 1', async () => {
    const res = await cli(PATH, 'escrow', 'deposit', '1', '--token', 'USDT', '--json');
    expect(res.code).toBe(1);
    expect(json(res.stdout)['error']).toEqual([
      expect.objectContaining({ code: 'wallet/password-required' }),
    ]);
  });

  it('GIVEN an unknown network WHEN a command runs THEN network/unknown, exit 1', async () => {
    const res = await cli(PATH, 'wallet', 'balance', '--network', 'moon', '--json');
    expect(res.code).toBe(1);
    expect(json(res.stdout)['error']).toEqual([
      expect.objectContaining({
        code: 'network/unknown',
        detail: expect.stringContaining('spheron-testnet'),
      }),
    ]);
  });

  it('GIVEN no devnet running WHEN `wallet balance` runs on local THEN it starts the devnet and succeeds', async () => {
    const res = await cli({ ...PATH, LEASEHOLD_PRIVATE_KEY: DEV_KEY }, 'wallet', 'balance');
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('Starting the local devnet');
    expect(res.stdout).toContain('1000000 USDT');
  });

  it('GIVEN the dev wallet WHEN `escrow deposit 10 --token USDT` THEN `escrow balance --json` shows exactly 10000000 base units unlocked', async () => {
    const dep = await cli(
      { ...PATH, LEASEHOLD_PRIVATE_KEY: DEV_KEY },
      'escrow',
      'deposit',
      '10',
      '--token',
      'USDT',
      '--json',
    );
    expect(dep.code).toBe(0);
    expect(json(dep.stdout)['amount']).toMatchObject({ base: '10000000', formatted: '10' });
    const bal = await cli(
      { ...PATH, LEASEHOLD_PRIVATE_KEY: DEV_KEY },
      'escrow',
      'balance',
      '--json',
    );
    expect(bal.code).toBe(0);
    const usdt = (
      json(bal.stdout)['balances'] as { symbol: string; unlocked: { base: string } }[]
    ).find((b) => b.symbol === 'USDT');
    expect(usdt?.unlocked.base).toBe('10000000');
    expect(dep.stdout + dep.stderr + bal.stdout + bal.stderr).not.toContain(DEV_KEY.slice(2));
  });

  it('GIVEN more than the unlocked escrow WHEN withdrawn THEN both amounts are shown in tokens, exit 1', async () => {
    const res = await cli(
      { ...PATH, LEASEHOLD_PRIVATE_KEY: DEV_KEY },
      'escrow',
      'withdraw',
      '50',
      '--token',
      'USDT',
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/available 10 USDT, required 50 USDT/);
  });
});

// anvil's account 0: a public test key (wire/dev-accounts.ts), never a secret.
const DEV_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
