import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JsonRpcProvider } from 'ethers';
import type { ApplyEvent, ProviderSession } from '../../../cli/provider-api.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { createProvider } from '../../../provider/index.js';
import { connectChain, deposit } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { Harness, TIMEOUTS, httpGet, loadModel, tempDir } from './apply-support.js';

jest.setTimeout(120_000);

// An in-place update the escrow cannot afford (issue 10, item 3). `hold` keeps a large lock, so the
// old rule — every lock the wallet holds is available to an update — said "enough", while the
// chain only releases the updated lease's unspent part. Unlocked escrow is withdrawn to zero.
const home = tempDir('lh-upd-escrow-home-');
const dir = tempDir('lh-upd-escrow-stack-');
process.env['LEASEHOLD_HOME'] = home;

const instance = (name: string, env: string, duration: string): string => `
  ${name}:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    env: { ${env} }
    duration: ${duration}
    pricing: { maxPerHour: '1', token: USDT }`;
const STACK = (o: { env: string; budget?: string }): string => `
stack: upd
${o.budget ?? ''}
instances:${instance('web', o.env, '1h')}${instance('hold', 'A: "1"', '72h')}
`;
const OLD = 'A: "1"';
const NEW = 'A: "1", NEWKEY: "2"';
const TOP_UP = `budget:
  maxPerHour: '10'
  token: USDT
  escrow: { topUp: '1', maxDeposit: '1000' }`;

let info: DevnetInfo;
let chain: Chain;
let session: ProviderSession;
let h: Harness;
let rpc: JsonRpcProvider;

const webEnv = async (): Promise<string[]> => {
  const endpoint = h.leases('instance.web')[0]?.endpoints[0] ?? '';
  return (JSON.parse((await httpGet(endpoint)).body) as { env: string[] }).env;
};
const webLease = async () => {
  const id = BigInt(h.leases('instance.web')[0]?.leaseId ?? '0');
  return (await chain.marketplace.readLeases([id]))[0];
};
const usdt = (): string => chain.network.tokens.find((t) => t.symbol === 'USDT')?.address ?? '';

const connect = (): Promise<ProviderSession> =>
  createProvider({ localDevnet: ensureDevnet }).connect({
    network: 'local',
    signer: 'sign',
    cwd: dir,
    env: process.env,
    log: () => undefined,
  });

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  chain = await connectChain(info);
  rpc = new JsonRpcProvider(info.rpcUrl);
  await deposit(chain, 'USDT', 100_000_000n);
  session = await connect();
  const first = new Harness(session, 'upd');
  const run = await first.apply(await loadModel(dir, STACK({ env: OLD })));
  expect(run.diagnostics).toEqual([]);
  // Only the locks are left. Each client keeps its own nonce for the wallet: the withdrawal goes
  // through a fresh one, and the session is connected afresh after it.
  const fresh = await connectChain(info);
  const { unlocked } = await fresh.marketplace.escrowBalance(fresh.tenant, usdt());
  await fresh.marketplace.withdraw(usdt(), unlocked);
  await fresh.marketplace.close();
  await session.close();
  session = await connect();
  h = new Harness(session, 'upd');
  h.state = first.state;
}, 180_000);

afterAll(async () => {
  rpc?.destroy();
  await session?.close();
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

describe('an in-place update the escrow cannot afford', () => {
  it('GIVEN other leases locked and nothing unlocked WHEN ensureEscrow checks an image change THEN it reports the shortfall, crediting only this lease, and sends nothing', async () => {
    const model = await loadModel(dir, STACK({ env: NEW }));
    const changes = h.plan(model).filter((c) => c.action !== 'no-op');
    expect(changes.map((c) => [c.address, c.action])).toEqual([['instance.web[0]', 'update']]);
    const { locked } = await chain.marketplace.escrowBalance(chain.tenant, usdt());
    expect(locked).toBeGreaterThan(BigInt(changes[0]?.cost?.escrowToLock ?? '0'));
    const nonce = await rpc.getTransactionCount(chain.tenant);
    const res = await session.ensureEscrow({
      model,
      changes,
      emit: () => undefined,
      timeouts: TIMEOUTS,
    });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['apply/insufficient-funds']);
    expect(res.diagnostics[0]?.detail).toMatch(/locks [\d.]+ USDT more than the unlocked escrow/);
    expect(res.diagnostics[0]?.detail).toContain("its own lease's unspent lock");
    expect(await rpc.getTransactionCount(chain.tenant)).toBe(nonce);
  });

  it('GIVEN the same update applied anyway WHEN updateOrder reverts THEN apply reports it at once and the provider still runs the old manifest', async () => {
    const before = await webLease();
    const started = Date.now();
    const run = await h.apply(await loadModel(dir, STACK({ env: NEW })));
    expect(Date.now() - started).toBeLessThan(TIMEOUTS.manifestMs);
    expect(run.diagnostics.map((d) => d.code)).toEqual(['apply/manifest-rejected']);
    expect(run.diagnostics[0]?.detail).toContain('devnet-provider/update-not-committed');
    expect(run.diagnostics[0]?.detail).toMatch(/InsufficientBalance.*available [\d.]+ USDT/);
    expect(run.diagnostics[0]?.detail).toContain('keeps running what it ran before');
    expect(await webEnv()).not.toContain('NEWKEY');
    expect(await webLease()).toEqual(before);
    expect(h.leases('instance.web')[0]?.leaseId).toBe(before?.leaseId.toString());
  });

  it('GIVEN a budget with an escrow top-up WHEN the update is applied THEN the deposit covers what the lease does not free and the new manifest runs', async () => {
    const model = await loadModel(dir, STACK({ env: NEW, budget: TOP_UP }));
    const changes = h.plan(model).filter((c) => c.action !== 'no-op');
    const events: ApplyEvent[] = [];
    const res = await session.ensureEscrow({
      model,
      changes,
      emit: (e) => events.push(e),
      timeouts: TIMEOUTS,
    });
    expect(res.diagnostics).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ type: 'escrow-deposit', amount: '1000000' }),
    ]);
    const run = await h.apply(model);
    expect(run.diagnostics).toEqual([]);
    expect(run.events.map((e) => e.type)).toContain('lease-updated');
    expect(await webEnv()).toContain('NEWKEY');
  });
});
