import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { JsonRpcProvider, NonceManager, Wallet } from 'ethers';
import { connectContracts } from '../devnet/chain/connect-contracts.js';
import type { ConnectedContracts } from '../devnet/chain/connect-contracts.js';
import { DEV_WALLET } from '../wire/dev-accounts.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { createAuthToken, encodeOrderSpec } from '../wire/index.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import type { BenchRow, BenchSection } from './measure.js';
import { smallOrderSpec } from './small-order-spec.js';

// What `leasehold apply` costs and how it scales, on a devnet with 1 s blocks, through the built
// CLI as a user runs it (process start to exit, refresh and plan included). A stack of N
// instances × count 1 is N leases ordered, matched, given their manifest and waited ready in
// parallel (one lease per slot; `spread: provider` cannot make 20 slots on 5 providers), with
// `--parallelism N` so all N run at once; one more run shows 20 at the default of 10. The
// baseline creates the same 20 leases strictly one after another as the official SDK does —
// order, wait for the match, send the manifest, next — with plain ethers and the devnet protocol
// helpers; it does not even wait for readiness, so the comparison favours the baseline.
const SIZES = [1, 5, 20] as const;
const BASELINE = 20;

type Info = Awaited<ReturnType<typeof ensureDevnet>>;

/** One measured apply. */
interface ApplyRun {
  readonly replicas: number;
  readonly parallelism: number;
  readonly wallMs: number;
  readonly transactions: number;
  readonly gasPerReplica: number;
}

/** Apply of 1, 5 and 20 leases, and 20 one after another (docs/benchmarks.md § Apply). */
export async function runApplyBench(root: string): Promise<BenchSection> {
  const home = mkdtempSync(join(tmpdir(), 'lh-bench-apply-'));
  try {
    const info = await ensureDevnet({ home, log: () => undefined, blockTime: 1, port: 0 });
    const rpc = new JsonRpcProvider(info.rpcUrl, info.chainId, {
      staticNetwork: true,
      cacheTimeout: -1,
    });
    try {
      const env = { ...process.env, LEASEHOLD_HOME: home, CI: 'true', NO_COLOR: '1' };
      // Escrow is deposited up front, untimed, so the runs count only what apply itself sends.
      await cli(root, ['escrow', 'deposit', '2000', '--token', 'USDT'], root, env);
      const runs: ApplyRun[] = [];
      for (const n of SIZES) runs.push(await measureApply(root, env, rpc, n, n));
      const atDefault = await measureApply(root, env, rpc, 20, 10);
      const sequential = await sequentialBaseline(info, rpc, BASELINE);
      return { title: 'Apply', rows: [...rows(runs, sequential), defaultRow(atDefault)] };
    } finally {
      rpc.destroy();
    }
  } finally {
    await stopDevnet({ home });
    rmSync(home, { recursive: true, force: true });
  }
}

function rows(runs: readonly ApplyRun[], sequentialMs: number): BenchRow[] {
  const one = runs.find((r) => r.replicas === 1)?.wallMs ?? 0;
  const twenty = runs.find((r) => r.replicas === 20)?.wallMs ?? 0;
  const out: BenchRow[] = [];
  for (const r of runs) {
    const label = `apply, ${r.replicas} lease${r.replicas === 1 ? '' : 's'}`;
    const isTwenty = r.replicas === 20;
    out.push({
      name: `${label}: wall time`,
      value: r.wallMs,
      unit: 'ms',
      target: isTwenty ? '≤ 2× apply of 1' : '',
      pass: isTwenty ? r.wallMs <= 2 * one : null,
      note: isTwenty ? `${(r.wallMs / one).toFixed(2)}× apply of 1` : undefined,
    });
    out.push({
      name: `${label}: transactions sent`,
      value: r.transactions,
      unit: 'tx',
      target: '',
      pass: null,
    });
    out.push({
      name: `${label}: gas used per replica`,
      value: r.gasPerReplica,
      unit: 'gas',
      target: '',
      pass: null,
    });
  }
  out.push({
    name: `${BASELINE} leases one after another (SDK-style baseline): wall time`,
    value: sequentialMs,
    unit: 'ms',
    target: '',
    pass: null,
  });
  const speedup = sequentialMs / twenty;
  out.push({
    name: `apply of ${BASELINE} vs one after another: speed-up`,
    value: speedup,
    unit: '×',
    target: '≥ 8×',
    pass: speedup >= 8,
  });
  return out;
}

function defaultRow(r: ApplyRun): BenchRow {
  return {
    name: `apply, ${r.replicas} leases at the default --parallelism ${r.parallelism}: wall time`,
    value: r.wallMs,
    unit: 'ms',
    target: '',
    pass: null,
    note: 'two waves of 10 slots',
  };
}

async function cli(
  root: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const r = await execa('node', [join(root, 'bin', 'run.js'), ...args], {
    cwd,
    env,
    reject: false,
  });
  if (r.exitCode !== 0)
    throw new Error(`leasehold ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
}

/** `apply --auto-approve` of a fresh stack of `n` one-replica instances. */
async function measureApply(
  root: string,
  env: NodeJS.ProcessEnv,
  rpc: JsonRpcProvider,
  n: number,
  parallelism: number,
): Promise<ApplyRun> {
  const dir = mkdtempSync(join(tmpdir(), `lh-bench-apply-${n}-`));
  try {
    writeFileSync(join(dir, 'leasehold.yaml'), specOf(`bench-apply-${n}-p${parallelism}`, n));
    const nonce0 = await rpc.getTransactionCount(DEV_WALLET.address, 'latest');
    const block0 = await rpc.getBlockNumber();
    const t0 = performance.now();
    await cli(root, ['apply', '--auto-approve', '--parallelism', String(parallelism)], dir, env);
    const wallMs = performance.now() - t0;
    const nonce1 = await rpc.getTransactionCount(DEV_WALLET.address, 'latest');
    const gas = await tenantGas(rpc, block0 + 1, await rpc.getBlockNumber());
    const transactions = nonce1 - nonce0;
    return { replicas: n, parallelism, wallMs, transactions, gasPerReplica: Number(gas) / n };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function specOf(stack: string, n: number): string {
  const lines = [`version: 1`, `stack: ${stack}`, 'instances:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  w${i}:`,
      '    image: nginxinc/nginx-unprivileged:1.27',
      '    ports: [{ port: 8080, as: 80 }]',
      '    resources: { cpu: 0.1, memory: 128Mi, storage: 1Gi }',
      '    duration: 1h',
      "    pricing: { maxPerHour: '1', token: USDT }",
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Gas of every transaction the tenant sent in blocks [from, to]. */
async function tenantGas(rpc: JsonRpcProvider, from: number, to: number): Promise<bigint> {
  let total = 0n;
  const tenant = DEV_WALLET.address.toLowerCase();
  for (let b = from; b <= to; b++) {
    const block = await rpc.getBlock(b, true);
    for (const tx of block?.prefetchedTransactions ?? []) {
      if (tx.from.toLowerCase() !== tenant) continue;
      total += (await rpc.getTransactionReceipt(tx.hash))?.gasUsed ?? 0n;
    }
  }
  return total;
}

/** `count` leases created strictly one after another: order → match → manifest → next. */
async function sequentialBaseline(
  info: Info,
  rpc: JsonRpcProvider,
  count: number,
): Promise<number> {
  rpc.pollingInterval = 100;
  const wallet = new NonceManager(new Wallet(DEV_WALLET.privateKey, rpc));
  const c = connectContracts(info.addressBook, wallet);
  const usdt = info.addressBook.tokens.find((t) => t.symbol === 'USDT')?.address ?? '';
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const { orderId, block } = await createOrder(c, usdt, `bench-seq-${i}`);
    const provider = await waitMatched(c, orderId, block);
    const host = info.providers.find((p) => p.address.toLowerCase() === provider)?.hostUri;
    if (host === undefined)
      throw new Error(`order ${orderId} matched an unknown provider ${provider}`);
    await putManifest(host, orderId, wallet);
  }
  return performance.now() - t0;
}

async function createOrder(
  c: ConnectedContracts,
  token: string,
  name: string,
): Promise<{ orderId: bigint; block: number }> {
  const tx = (await c.OrderRequest.getFunction('createOrder')({
    maxPrice: 10n ** 16n,
    numOfBlocks: 3600n,
    token,
    spec: encodeOrderSpec(smallOrderSpec(name)),
    version: 1,
    mode: 1,
    tier: [0, 1, 2, 3, 4, 5, 6],
  })) as {
    wait(): Promise<{
      logs: readonly { topics: readonly string[]; data: string }[];
      blockNumber: number;
    } | null>;
  };
  const receipt = await tx.wait();
  for (const log of receipt?.logs ?? []) {
    const ev = c.OrderRequest.interface.parseLog({ topics: [...log.topics], data: log.data });
    if (ev?.name === 'OrderCreated')
      return { orderId: BigInt(ev.args[0] as bigint), block: receipt?.blockNumber ?? 0 };
  }
  throw new Error(`createOrder ${name}: no OrderCreated log`);
}

async function waitMatched(c: ConnectedContracts, orderId: bigint, from: number): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    for (const log of await c.Bid.queryFilter('OrderMatched', from)) {
      const ev = c.Bid.interface.parseLog(log);
      if (ev !== null && BigInt(ev.args[0] as bigint) === orderId)
        return String(ev.args[1]).toLowerCase();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`order ${orderId} was not matched in 120 s`);
}

/** PUTs the manifest, retrying while the provider has not seen the lease yet (404). */
async function putManifest(hostUri: string, leaseId: bigint, wallet: NonceManager): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const token = await createAuthToken(wallet, Math.floor(Date.now() / 1000));
    const status = await httpsPut(hostUri, `/deployment/${leaseId}/manifest`, manifest(), token);
    if (status >= 200 && status < 300) return;
    if (status !== 404) throw new Error(`manifest for lease ${leaseId}: HTTP ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`manifest for lease ${leaseId} never accepted`);
}

function httpsPut(hostUri: string, path: string, body: unknown, token: string): Promise<number> {
  const [host, port] = hostUri.split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        method: 'PUT',
        path,
        headers: { 'content-type': 'application/json', 'Auth-Spheron': token },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function manifest(): unknown {
  return [
    {
      name: 'web',
      services: [
        {
          name: 'web',
          image: 'nginxinc/nginx-unprivileged:1.27',
          command: null,
          args: null,
          env: [],
          resources: {
            id: 1,
            cpu: { units: { val: '100' } },
            memory: { size: { val: String(128 * 2 ** 20) } },
            storage: [{ name: 'default', size: { val: String(2 ** 30) } }],
            gpu: { units: { val: '0' }, attributes: [] },
            endpoints: [{ kind: 1, sequence_number: 0 }],
          },
          count: 1,
          expose: [
            { port: 8080, externalPort: 80, proto: 'TCP', service: '', global: true, hosts: null },
          ],
          params: null,
        },
      ],
    },
  ];
}
