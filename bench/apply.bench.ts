import { mkdtempSync, writeFileSync } from 'node:fs';
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
import { median, removeTempDir } from './measure.js';
import { smallOrderSpec } from './small-order-spec.js';

// What `leasehold apply` costs and how it scales, on a devnet with 1 s blocks, through the built
// CLI as a user runs it (process start to exit, refresh and plan included), at the DEFAULT
// settings: no --parallelism, so every slot runs at once (the devnet declares no RPC limit). A
// stack of N instances × count 1 is N leases ordered, matched, given their manifest and waited
// ready. The 100-lease run's `--json` events time each phase (order sent, matched, manifest
// delivered, replica ready), which docs/benchmarks.md shows as where the time goes. The baseline
// creates the same 100 leases strictly one after another as the official SDK does — order, wait
// for the match, send the manifest, next — with plain ethers and the devnet protocol helpers; it
// does not even wait for readiness, so the comparison favours the baseline.
const SIZES = [1, 20, 100] as const;
const BIG = 100;
const BASELINE = 100;

type Info = Awaited<ReturnType<typeof ensureDevnet>>;

/** One measured apply. */
interface ApplyRun {
  readonly replicas: number;
  readonly wallMs: number;
  readonly transactions: number;
  readonly gasPerReplica: number;
  /** Blocks mined during the apply. */
  readonly blocks: number;
  readonly phases: Phases;
}

/** Median milliseconds of each phase of a slot, from its `apply --json` events. */
interface Phases {
  /** Process start → first slot started (start-up, refresh, plan, escrow). */
  readonly beforeSlots: number;
  /** Slot started → its createOrder mined. */
  readonly order: number;
  /** Order mined → OrderMatched seen. */
  readonly match: number;
  /** Matched → manifest accepted. */
  readonly manifest: number;
  /** Manifest accepted → every replica ready. */
  readonly ready: number;
}

/** Apply of 1, 20 and 100 leases at the default settings, and 100 one after another. */
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
      // LEASEHOLD_BENCH_APPLY_QUICK=1: only 1 and 100 leases, no baseline (a quick check of the ratio).
      const quick = process.env['LEASEHOLD_BENCH_APPLY_QUICK'] === '1';
      for (const n of SIZES)
        if (!quick || n !== 20) runs.push(await measureApply(root, env, rpc, n));
      const sequential = quick ? NaN : await sequentialBaseline(info, rpc, BASELINE);
      return { title: 'Apply', rows: rows(runs, sequential), notes: notes(runs) };
    } finally {
      rpc.destroy();
    }
  } finally {
    await stopDevnet({ home });
    removeTempDir(home);
  }
}

function rows(runs: readonly ApplyRun[], sequentialMs: number): BenchRow[] {
  const one = runs.find((r) => r.replicas === 1)?.wallMs ?? 0;
  const big = runs.find((r) => r.replicas === BIG)?.wallMs ?? 0;
  const out: BenchRow[] = [];
  for (const r of runs) {
    const label = `apply, ${r.replicas} lease${r.replicas === 1 ? '' : 's'} at the default settings`;
    out.push(
      { name: `${label}: wall time`, value: r.wallMs, unit: 'ms', target: '', pass: null },
      {
        name: `${label}: transactions sent`,
        value: r.transactions,
        unit: 'tx',
        target: '',
        pass: null,
      },
      { name: `${label}: blocks mined`, value: r.blocks, unit: 'blocks', target: '', pass: null },
      {
        name: `${label}: gas used per replica`,
        value: r.gasPerReplica,
        unit: 'gas',
        target: '',
        pass: null,
      },
    );
  }
  const ratio = big / one;
  out.push({
    name: `apply of ${BIG} leases ÷ apply of 1 lease (same run)`,
    value: ratio,
    unit: '×',
    target: '≤ 2× (moonshot 1.3×)',
    pass: ratio <= 2,
  });
  out.push({
    name: `${BASELINE} leases one after another, the SDK's way (order → wait for match → manifest → next): wall time`,
    value: sequentialMs,
    unit: 'ms',
    target: '',
    pass: null,
    note: 'no readiness wait: favours the baseline',
  });
  out.push({
    name: `apply of ${BIG} vs ${BASELINE} one after another: speed-up`,
    value: sequentialMs / big,
    unit: '×',
    target: '',
    pass: null,
  });
  return out;
}

/** Where the time of the largest apply goes, phase by phase (docs/benchmarks.md). */
function notes(runs: readonly ApplyRun[]): string[] {
  const r = runs.find((x) => x.replicas === BIG);
  const one = runs.find((x) => x.replicas === 1);
  if (r === undefined || one === undefined) return [];
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const row = (name: string, a: number, b: number): string => `| ${name} | ${s(a)} | ${s(b)} |`;
  return [
    `Where the time goes (median per slot, from the \`apply --json\` event times; 1 s blocks):`,
    '',
    `| phase | 1 lease | ${BIG} leases |`,
    '| --- | ---: | ---: |',
    row(
      'CLI start, refresh, plan, escrow check (before the first slot)',
      one.phases.beforeSlots,
      r.phases.beforeSlots,
    ),
    row('order: createOrder signed, sent and mined (blocks)', one.phases.order, r.phases.order),
    row(
      'matching: bid window of 2 blocks, then matchOrder mined',
      one.phases.match,
      r.phases.match,
    ),
    row(
      'manifest delivery (provider sees the lease, accepts the manifest)',
      one.phases.manifest,
      r.phases.manifest,
    ),
    row('replica start until ready', one.phases.ready, r.phases.ready),
    '',
    `Blocks dominate: an order is mined in the next block, matched two blocks later, and the manifest`,
    `waits for the provider to see the match; ${BIG} leases add the sending and mining of ${BIG} orders`,
    `(one wallet, local nonces, all in the same block or two) and the provider-side work of ${BIG}`,
    `replicas. The process itself (start-up, refresh, plan, writing state) is the rest.`,
  ];
}

async function cli(
  root: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const r = await execa('node', [join(root, 'bin', 'run.js'), ...args], {
    cwd,
    env,
    reject: false,
  });
  if (r.exitCode !== 0)
    throw new Error(`leasehold ${args.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
  return r.stdout;
}

/** `apply --auto-approve --json` (default parallelism) of a fresh stack of `n` instances. */
async function measureApply(
  root: string,
  env: NodeJS.ProcessEnv,
  rpc: JsonRpcProvider,
  n: number,
): Promise<ApplyRun> {
  const dir = mkdtempSync(join(tmpdir(), `lh-bench-apply-${n}-`));
  try {
    writeFileSync(join(dir, 'leasehold.yaml'), specOf(`bench-apply-${n}`, n));
    const nonce0 = await rpc.getTransactionCount(DEV_WALLET.address, 'latest');
    const block0 = await rpc.getBlockNumber();
    const started = Date.now();
    const t0 = performance.now();
    const out = await cli(root, ['apply', '--auto-approve', '--json'], dir, env);
    const wallMs = performance.now() - t0;
    const nonce1 = await rpc.getTransactionCount(DEV_WALLET.address, 'latest');
    const block1 = await rpc.getBlockNumber();
    const gas = await tenantGas(rpc, block0 + 1, block1);
    const transactions = nonce1 - nonce0;
    return {
      replicas: n,
      wallMs,
      transactions,
      gasPerReplica: Number(gas) / n,
      blocks: block1 - block0,
      phases: phasesOf(out, started),
    };
  } finally {
    removeTempDir(dir);
  }
}

/** Median phase times over the slots of one `apply --json` output. */
function phasesOf(stdout: string, startedAt: number): Phases {
  const at = new Map<string, Map<string, number>>();
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const e = JSON.parse(line) as {
      type?: string;
      address?: string;
      at?: string;
      ready?: number;
      total?: number;
    };
    if (e.address === undefined || e.at === undefined || e.type === undefined) continue;
    if (e.type === 'replica-ready' && e.ready !== e.total) continue;
    const slot = at.get(e.address) ?? new Map<string, number>();
    if (!slot.has(e.type)) slot.set(e.type, Date.parse(e.at));
    at.set(e.address, slot);
  }
  const span = (from: string, to: string): number =>
    median(
      [...at.values()]
        .map((m) => (m.get(to) ?? NaN) - (m.get(from) ?? NaN))
        .filter((x) => !Number.isNaN(x)),
    );
  const firstStart = Math.min(...[...at.values()].map((m) => m.get('slot-started') ?? Infinity));
  return {
    beforeSlots: firstStart - startedAt,
    order: span('slot-started', 'order-created'),
    match: span('order-created', 'lease-matched'),
    manifest: span('lease-matched', 'manifest-sent'),
    ready: span('manifest-sent', 'replica-ready'),
  };
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
