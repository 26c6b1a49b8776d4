import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LeaseholdError, redact } from '../../../cli/diag/index.js';
import { startAnvil } from '../../../devnet/chain/index.js';
import type { AnvilHandle } from '../../../devnet/chain/index.js';
import { loadNetwork } from '../../../provider/network/load-network.js';
import type { NetworkDeclaration } from '../../../provider/network/resolve-network.js';

// A custom network's block time on real anvils: measured from recent blocks on one mining every
// second (`--block-time 1`), refused on one that mines on demand (automine), and taken from the
// spec without touching the RPC. The RPC URL comes from the environment and carries a key that no
// message may show.
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'lh-network-'));
const KEY = 'integration-rpc-key-4b7e';
const running: AnvilHandle[] = [];
let interval: AnvilHandle;
let automine: AnvilHandle;

const a = (n: number): string => `0x${String(n).padStart(40, '0')}`;
const BOOK = {
  chainId: 31337,
  contracts: {
    TokenRegistry: a(1),
    EscrowUser: a(2),
    ProviderRegistry: a(3),
    OrderRequest: a(4),
    Bid: a(5),
    ComputeLease: a(6),
  },
  tokens: [{ symbol: 'USDT', address: a(7), decimals: 6 }],
};
const book = join(dir, 'book.json');
writeFileSync(book, JSON.stringify(BOOK));

const spec = (over: Partial<NetworkDeclaration> = {}): NetworkDeclaration => ({
  name: 'anvil-chain',
  rpcUrl: { fromEnv: 'ANVIL_CHAIN_RPC' },
  chainId: 31337,
  addressBook: book,
  ...over,
});
const withKey = (anvil: AnvilHandle): string => `${anvil.rpcUrl}/?apikey=${KEY}`;
const load = (rpcUrl: string, over: Partial<NetworkDeclaration> = {}) =>
  loadNetwork({ spec: spec(over), env: { ANVIL_CHAIN_RPC: rpcUrl }, log: () => undefined });

async function rpc(anvil: AnvilHandle, method: string): Promise<unknown> {
  const res = await fetch(anvil.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
  });
  return ((await res.json()) as { result: unknown }).result;
}

async function thrown(p: Promise<unknown>): Promise<LeaseholdError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LeaseholdError) return e;
    throw e;
  }
  throw new Error('expected a LeaseholdError');
}

beforeAll(async () => {
  [interval, automine] = await Promise.all([startAnvil({ blockTime: 1 }), startAnvil({})]);
  running.push(interval, automine);
  // Automine: blocks only when asked, all within the same second or so.
  for (let i = 0; i < 25; i++) await rpc(automine, 'evm_mine');
  // Enough 1-s blocks to measure: poll the chain, never sleep blindly.
  const deadline = Date.now() + 60_000;
  while (Number(await rpc(interval, 'eth_blockNumber')) < 8) {
    if (Date.now() > deadline) throw new Error('anvil --block-time 1 mined too few blocks');
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('loadNetwork: a custom network on anvil', () => {
  it('GIVEN anvil --block-time 1 and no declared block time WHEN loaded THEN 1 s per block, measured, over the URL from the environment', async () => {
    const network = await load(withKey(interval));
    expect(network).toMatchObject({
      name: 'anvil-chain',
      chainId: 31337,
      rpcUrl: withKey(interval),
      secondsPerBlock: 1,
      blockTimeSource: 'measured',
    });
    // Loaded from the environment: from now on no message of this process shows the URL.
    expect(redact(`posting to ${withKey(interval)}`)).not.toContain(KEY);
  });

  it('GIVEN an automine anvil (0-s block intervals) WHEN loaded THEN network/block-time-unknown says why and hints at blockTime', async () => {
    const e = await thrown(load(withKey(automine)));
    expect(e.code).toBe('network/block-time-unknown');
    expect(e.detail).toMatch(/0 s.*automine/);
    expect(e.hint).toContain('blockTime: 12s');
    expect(JSON.stringify(e.toDiagnostics())).not.toContain(KEY);
  });

  it('GIVEN the spec declares the block time WHEN loaded THEN it is used over the automine chain, with no measuring', async () => {
    const network = await load(withKey(automine), { blockTime: 12_000 });
    expect(network).toMatchObject({ secondsPerBlock: 12, blockTimeSource: 'spec' });
  });

  it('GIVEN the address book declares it WHEN loaded THEN the book wins over measuring, the spec over the book', async () => {
    const withTime = join(dir, 'book-12s.json');
    writeFileSync(withTime, JSON.stringify({ ...BOOK, blockTime: '12s' }));
    const fromBook = await load(withKey(automine), { addressBook: withTime });
    expect(fromBook).toMatchObject({ secondsPerBlock: 12, blockTimeSource: 'address-book' });
    const fromSpec = await load(withKey(automine), { addressBook: withTime, blockTime: 3_000 });
    expect(fromSpec).toMatchObject({ secondsPerBlock: 3, blockTimeSource: 'spec' });
  });

  it('GIVEN an RPC that does not answer and nothing declared WHEN loaded THEN network/block-time-unknown names the variable, never the URL', async () => {
    const dead = `http://127.0.0.1:9/?apikey=${KEY}`;
    const e = await thrown(load(dead));
    expect(e.code).toBe('network/block-time-unknown');
    expect(e.detail).toContain('from ANVIL_CHAIN_RPC');
    expect(JSON.stringify(e.toDiagnostics())).not.toContain(KEY);
  });
});
