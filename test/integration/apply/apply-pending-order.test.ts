// An apply killed (SIGKILL) right after its createOrder reached the node, while the chain mines
// nothing: anvil's interval mining is switched off over RPC (`evm_setIntervalMining 0`,
// `evm_setAutomine false`), so the order stays in the mempool. The built CLI is the process that
// dies, as a user's would. The next apply must not order a second lease for the slot: it waits for
// the pending order (or fails clearly when the wait runs out) and adopts it once mined. A hash the
// node never mined nor holds (dropped) counts as never sent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JsonRpcProvider } from 'ethers';
import { execa } from 'execa';
import type { JournalEntry, StackState } from '../../../cli/state/state-types.js';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { decodeOrderSpec } from '../../../wire/order-spec.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import { decodeStackTag } from '../../../provider/marketplace/stack-tag.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';
import { connectChain, deposit } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { waitFor } from '../../support/wait-for.js';
import { loadModel, tempDir } from './apply-support.js';

jest.setTimeout(300_000);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin/run.js');
const home = tempDir('lh-pending-home-');

let info: DevnetInfo;
let chain: Chain;
let rpc: JsonRpcProvider;

const spec = (stack: string): string => `
stack: ${stack}
instances:
  web:
    image: nginxinc/nginx-unprivileged:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: 1
    duration: 1h
    pricing: { maxPerHour: '1', token: USDT }
`;

beforeAll(async () => {
  info = await ensureDevnet({ home, log: () => undefined, blockTime: 0.25, port: 0 });
  chain = await connectChain(info);
  // Escrow up front: with mining off, apply must have nothing to send before its order.
  await deposit(chain, 'USDT', 1_000_000_000n);
  rpc = new JsonRpcProvider(info.rpcUrl, info.chainId, { staticNetwork: true, cacheTimeout: -1 });
}, 180_000);

afterAll(async () => {
  await setMining(true).catch(() => undefined);
  rpc?.destroy();
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

/** Switches anvil's block production off (nothing mines) or back on (a block a second). */
async function setMining(on: boolean): Promise<void> {
  if (on) {
    await rpc.send('evm_setIntervalMining', [1]);
    return;
  }
  await rpc.send('evm_setAutomine', [false]);
  await rpc.send('evm_setIntervalMining', [0]);
}

/** A stack directory with its spec; the state file is `.leasehold/<stack>.state.json`. */
function stackDir(stack: string) {
  const dir = tempDir(`lh-pending-${stack}-`);
  writeFileSync(join(dir, 'leasehold.yaml'), spec(stack));
  const file = join(dir, '.leasehold', `${stack}.state.json`);
  const state = (): StackState | null =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackState) : null;
  return { dir, state };
}

/** `leasehold apply --auto-approve` by the built CLI, as a child this test can kill. */
function apply(dir: string, env: Record<string, string> = {}) {
  return execa('node', [BIN, 'apply', '--auto-approve'], {
    cwd: dir,
    env: { LEASEHOLD_HOME: home, CI: 'true', NO_COLOR: '1', ...env },
    reject: false,
    // On a regression the rerun sends a second order and waits for a receipt that never comes.
    timeout: 150_000,
  });
}

/**
 * Starts apply with mining off and kills it with SIGKILL once its createOrder is journalled AND
 * known to the node; returns the journal entry left behind.
 */
async function killAfterBroadcast(s: ReturnType<typeof stackDir>): Promise<JournalEntry> {
  await setMining(false);
  const child = apply(s.dir);
  const entry = await waitFor(
    'the order to be journalled and broadcast',
    async () => {
      const e = s.state()?.journal.find((j) => j.operation === 'create-order' && j.txHash !== null);
      if (e === undefined || (await rpc.getTransaction(e.txHash as string)) === null) return null;
      return e;
    },
    90_000,
  );
  child.kill('SIGKILL');
  const res = await child;
  expect(res.signal).toBe('SIGKILL');
  const tx = await rpc.getTransaction(entry.txHash as string);
  expect(tx?.blockNumber).toBeNull();
  return entry;
}

/** Every order on chain tagged for `stack`, whoever created it, whatever its state. */
async function ordersOf(stack: string): Promise<{ id: string; key: string }[]> {
  const c = connectContracts(info.addressBook, rpc);
  const all = (await c.OrderRequest.getFunction('getAllOrders')()) as {
    id: bigint;
    specs: { specs: string };
  }[];
  return all.flatMap((o) => {
    const tag = decodeStackTag(decodeOrderSpec(o.specs.specs).name);
    return tag?.stack === stack ? [{ id: o.id.toString(), key: tag.key }] : [];
  });
}

const pendingCount = async (): Promise<number> =>
  (await rpc.getTransactionCount(chain.tenant, 'pending')) -
  (await rpc.getTransactionCount(chain.tenant, 'latest'));

describe('a createOrder left pending by a killed apply (anvil mining off)', () => {
  it('GIVEN the marketplace client WHEN it sends createOrder THEN onSigned sees the hash before the node has the transaction', async () => {
    const model = await loadModel(tempDir('lh-pending-sign-'), spec('pending-sign'));
    const web = model.resources[0]?.attributes as InstanceModel;
    const details = encodeOrder({
      stack: 'pending-sign',
      instance: 'web',
      model: web,
      slot: { key: '0', replicas: 1, region: null },
      network: chain.network,
    });
    let signed = '';
    let knownAtSigning: unknown = 'not called';
    const created = await chain.marketplace.createOrder(details, {
      onSigned: async (h) => {
        signed = h;
        knownAtSigning = await rpc.getTransaction(h);
      },
    });
    expect(signed).toBe(created.txHash);
    expect(knownAtSigning).toBeNull();
    expect(await chain.marketplace.orderOfTx(signed)).toMatchObject({
      status: 'mined',
      order: { orderId: created.orderId, txHash: signed },
    });
  });

  it('GIVEN apply killed after broadcasting its order WHEN applied again before it is mined THEN a short wait fails clearly sending nothing, a longer one adopts the order: one order, one lease', async () => {
    const s = stackDir('pending-wait');
    const entry = await killAfterBroadcast(s);
    expect(await pendingCount()).toBe(1);

    const impatient = await apply(s.dir, { LEASEHOLD_APPLY_PENDING_TIMEOUT: '2s' });
    expect(impatient.exitCode).toBe(1);
    expect(impatient.stderr).toContain('[plan/order-pending]');
    expect(impatient.stderr).toContain(entry.txHash);
    expect(await pendingCount()).toBe(1);
    expect(s.state()?.journal.map((j) => j.txHash)).toEqual([entry.txHash]);

    const patient = apply(s.dir, { LEASEHOLD_APPLY_PENDING_TIMEOUT: '2m' });
    let stderr = '';
    patient.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    await waitFor(
      'the rerun to wait for the pending order',
      async () =>
        stderr.includes('Waiting up to 2m for the pending order') || (await pendingCount()) > 1,
      90_000,
    );
    await setMining(true);
    const done = await patient;
    expect(done.stderr).toContain(String(entry.txHash));
    expect(done.exitCode).toBe(0);

    const orders = await ordersOf('pending-wait');
    const receipt = await rpc.getTransactionReceipt(entry.txHash as string);
    const adopted = await chain.marketplace.orderOfTx(entry.txHash as string);
    expect(receipt?.status).toBe(1);
    expect(adopted.status).toBe('mined');
    const id = adopted.status === 'mined' ? adopted.order?.orderId.toString() : undefined;
    expect(orders).toEqual([{ id, key: '0' }]);
    const state = s.state();
    expect(state?.journal).toEqual([]);
    const leases = state?.resources.flatMap((r) => r.leases) ?? [];
    expect(leases.map((l) => [l.leaseId, l.status])).toEqual([[id, 'ready']]);
    expect((await chain.marketplace.readLeases([BigInt(id ?? 0)]))[0]?.state).toBe('active');
  });

  it('GIVEN apply killed after broadcasting its order WHEN the node drops it and apply runs again THEN it counts as never sent: one new order, one lease', async () => {
    const s = stackDir('pending-drop');
    const entry = await killAfterBroadcast(s);
    await rpc.send('anvil_dropTransaction', [entry.txHash]);
    expect(await rpc.getTransaction(entry.txHash as string)).toBeNull();
    await setMining(true);

    const again = await apply(s.dir, { LEASEHOLD_APPLY_PENDING_TIMEOUT: '2m' });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).not.toContain('Waiting');
    expect(await rpc.getTransactionReceipt(entry.txHash as string)).toBeNull();
    const orders = await ordersOf('pending-drop');
    expect(orders.map((o) => o.key)).toEqual(['0']);
    const leases = s.state()?.resources.flatMap((r) => r.leases) ?? [];
    expect(leases.map((l) => [l.leaseId, l.status])).toEqual([[orders[0]?.id, 'ready']]);
  });
});
