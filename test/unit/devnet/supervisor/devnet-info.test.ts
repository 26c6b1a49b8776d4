import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  DEV_WALLET_NOTE,
  isProcessAlive,
  readDevnetInfo,
  writeDevnetInfo,
} from '../../../../devnet/supervisor/devnet-info.js';
import type { DevnetInfo } from '../../../../devnet/supervisor/devnet-info.js';
import { toPublicDevnetInfo } from '../../../../devnet/supervisor/render-devnet.js';
import { renderDevnetInfo } from '../../../../devnet/supervisor/render-devnet.js';

const info: DevnetInfo = {
  formatVersion: 1,
  pid: 4242,
  rpcUrl: 'http://127.0.0.1:8545',
  chainId: 31337,
  blockTime: 1,
  addressBook: {
    chainId: 31337,
    contracts: {
      TokenRegistry: '0x1',
      EscrowUser: '0x2',
      ProviderRegistry: '0x3',
      OrderRequest: '0x4',
      Bid: '0x5',
      ComputeLease: '0x6',
      Multicall3: '0x7',
    },
    tokens: [{ symbol: 'uSPON', address: '0x8', decimals: 6 }],
    matcher: '0x9',
    deployBlock: 1,
  },
  providers: [
    { name: 'atlantic-1', address: '0xa', hostUri: '127.0.0.11:4000', region: 'us-east', tier: 1 },
  ],
  control: { url: 'http://127.0.0.1:9999', token: 'c0ffee'.repeat(8) },
  devWallet: { address: '0xf39F', privateKey: '0xac09', note: DEV_WALLET_NOTE },
  startedAt: '2026-01-01T00:00:00.000Z',
};

describe('devnet.json', () => {
  it('GIVEN an info WHEN written and read THEN it round-trips and the file is owner-only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lh-info-')), 'devnet.json');
    writeDevnetInfo(file, info);
    expect(readDevnetInfo(file)).toEqual(info);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('GIVEN a missing, truncated or foreign file WHEN read THEN it is null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lh-info-'));
    expect(readDevnetInfo(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'half.json'), '{"formatVersion":1,"pid"');
    expect(readDevnetInfo(join(dir, 'half.json'))).toBeNull();
    writeFileSync(join(dir, 'other.json'), '{"formatVersion":2}');
    expect(readDevnetInfo(join(dir, 'other.json'))).toBeNull();
  });

  it('GIVEN our pid and an unused pid WHEN probed THEN only ours is alive', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2147483646)).toBe(false);
  });

  it('GIVEN an info WHEN made public and rendered THEN the control token appears nowhere', () => {
    const pub = toPublicDevnetInfo(info);
    const text = JSON.stringify(pub) + renderDevnetInfo(pub, true);
    expect(text).not.toContain(info.control.token);
    expect(pub.controlUrl).toBe(info.control.url);
    expect(renderDevnetInfo(pub, true)).toContain('public test key');
  });
});
