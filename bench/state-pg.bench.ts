// Team state on PostgreSQL (issue 13), on an embedded PostgreSQL the bench starts (as the tests do):
// refresh + plan of 1,000 live leases with the state in pg against the local file; the state
// lock's acquire + release; controller leader failover after kill -9; and one state write of
// 1,000 leases sealed with a passphrase against plain text.
// Alone: LEASEHOLD_BENCH=state-pg npm run bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStateBackend } from '../cli/state/create-state-backend.js';
import type { LeaseRecord, StackState, StateBackend } from '../cli/state/state-types.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import { startContender } from './leader-failover.js';
import { bidsSoFar, leadingId, takeover } from './leader-judge.js';
import type { Contender } from './leader-failover.js';
import type { BenchRow, BenchSection } from './measure.js';
import { median } from './measure.js';
import { startPgServer } from './pg-server.js';
import type { PgTestServer } from './pg-server.js';
import { connect } from './plan-bench-session.js';
import {
  createLeases,
  deliverManifests,
  deposit,
  load,
  measure,
  recordApplied,
} from './plan.bench.js';

const LEASES = 1000;
const LOCK_ROUNDS = 100;
const WRITE_RUNS = 21;
const FAILOVER_ROUNDS = 5;
const INTERVAL_MS = 1000;
const PASSPHRASE = 'bench-state-passphrase-5e1b';

type Env = Record<string, string>;

export async function runStatePgBench(_root: string): Promise<BenchSection> {
  const pg = await startPgServer();
  try {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    rows.push(...(await lockRows(pg)));
    rows.push(await writeRow(pg, notes));
    rows.push(await failoverRow(pg, notes));
    rows.push(await planRow(pg, notes));
    return { title: 'Team state on PostgreSQL (embedded PostgreSQL 18, same host)', rows, notes };
  } finally {
    await pg.close();
  }
}

async function backend(
  type: 'pg' | 'local',
  env: Env,
  stack = 'bench',
  dir = '.',
): Promise<StateBackend> {
  const config =
    type === 'pg'
      ? { type: 'pg' as const, schema: 'leasehold', keep: 100 }
      : { type: 'local' as const };
  return createStateBackend({ config, dir, stack, env });
}

/** Lock acquire + release, median of 100 rounds, on pg and (for scale) on the local file. */
async function lockRows(pg: PgTestServer): Promise<BenchRow[]> {
  const db = await pg.createDatabase('bench');
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-lock-'));
  const out: BenchRow[] = [];
  try {
    for (const type of ['pg', 'local'] as const) {
      const b = await backend(type, { LEASEHOLD_PG_URL: pg.url(db) }, 'bench', dir);
      await b.read(); // the schema exists before the first round
      const who = { operation: 'bench', who: 'bench@host', version: '0' };
      const samples: number[] = [];
      for (let i = 0; i < LOCK_ROUNDS; i++) {
        const t0 = performance.now();
        const lock = await b.acquireLock(who, 0);
        await b.releaseLock(lock.id);
        samples.push(performance.now() - t0);
      }
      await b.close?.();
      out.push({
        name: `state lock acquire + release, ${type} (median of ${LOCK_ROUNDS} rounds)`,
        value: median(samples),
        unit: 'ms',
        target: '',
        pass: null,
        note:
          type === 'pg'
            ? 'a dedicated session per lock: connect, advisory lock, pooler probe, lock row'
            : 'the lock file beside the state',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function bigState(stack: string, serial: number): StackState {
  const leases: LeaseRecord[] = Array.from({ length: LEASES }, (_, i) => ({
    key: String(i),
    status: 'ready',
    orderId: String(1000 + i),
    leaseId: String(1000 + i),
    provider: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
    host: 'https://127.0.0.1:8443',
    region: 'us-east',
    acceptedPrice: '1000000000000000',
    token: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
    replicas: 1,
    specHash: `sha256:${'a'.repeat(64)}`,
    manifestHash: `sha256:${'b'.repeat(64)}`,
    startBlock: 12 + i,
    numOfBlocks: 3600,
    endpoints: [`http://127.0.0.1:${30000 + i}`],
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  return {
    formatVersion: 1,
    stack,
    lineage: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    serial,
    network: { name: 'local', chainId: 31337 },
    tenant: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
    resources: [
      {
        address: 'instance.w',
        type: 'instance',
        name: 'w',
        attributes: { image: 'busybox:1.36' },
        modelHash: `sha256:${'c'.repeat(64)}`,
        leases,
      },
    ],
    outputs: {},
    journal: [],
  };
}

/**
 * One write of a 1,000-lease state to pg, sealed against plain, each the median of 21 writes.
 * As in a command, the read before the write derived the key (scrypt, cached per salt), so the
 * write pays AES-GCM only; the derivation is a note.
 */
async function writeRow(pg: PgTestServer, notes: string[]): Promise<BenchRow> {
  const db = await pg.createDatabase('bench');
  const url = pg.url(db);
  const timeWrites = async (stack: string, env: Env): Promise<number> => {
    const b = await backend('pg', env, stack);
    await b.read();
    await b.write(bigState(stack, 1));
    await b.read(); // derives (and caches) the key of the stored salt, as a command's read does
    const samples: number[] = [];
    for (let i = 0; i < WRITE_RUNS; i++) {
      const s = bigState(stack, 2 + i);
      const t0 = performance.now();
      await b.write(s);
      samples.push(performance.now() - t0);
    }
    await b.close?.();
    return median(samples);
  };
  // Interleaved, so a load spike hits both alike.
  const plain: number[] = [];
  const sealed: number[] = [];
  for (let round = 0; round < 3; round++) {
    plain.push(await timeWrites(`plain${round}`, { LEASEHOLD_PG_URL: url }));
    sealed.push(
      await timeWrites(`sealed${round}`, {
        LEASEHOLD_PG_URL: url,
        LEASEHOLD_STATE_PASSPHRASE: PASSPHRASE,
      }),
    );
  }
  const p = median(plain);
  const s = median(sealed);
  const ratio = s / p;
  notes.push(
    `State write of ${LEASES} leases to pg: ${p.toFixed(1)} ms plain, ${s.toFixed(1)} ms sealed (AES-256-GCM); the scrypt derivation (~50–100 ms) happens once per process and salt, in the read before.`,
  );
  return {
    name: `one state write of ${LEASES} leases, encrypted ÷ plain (pg)`,
    value: ratio,
    unit: '×',
    target: '≤ 1.3',
    pass: ratio <= 1.3,
  };
}

async function waitUntil<T>(
  what: string,
  probe: () => T | null | undefined,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Leader failover: two controllers (real processes, 1 s interval) on one database; the leader is
 * killed with -9; counted in the successor's own bids after the death (its intervals), and the
 * wall time from the kill to its winning bid as a note.
 */
async function failoverRow(pg: PgTestServer, notes: string[]): Promise<BenchRow> {
  const bids: number[] = [];
  const ms: number[] = [];
  for (let round = 0; round < FAILOVER_ROUNDS; round++) {
    const db = await pg.createDatabase('bench');
    const cs: Contender[] = ['a', 'b'].map((name) =>
      startContender({ name, pgUrl: pg.url(db), stack: 'bench', intervalMs: INTERVAL_MS }),
    );
    try {
      await waitUntil(
        'both contenders to bid',
        () => (cs.every((c) => bidsSoFar(c) > 0) ? true : null),
        60_000,
      );
      const old = await waitUntil('a leader', () => cs.find((c) => leadingId(c) !== null), 60_000);
      const killedAt = Date.now();
      old.proc.kill('SIGKILL');
      await old.exited;
      const rest = cs.filter((c) => c !== old);
      const snapshot = new Map(rest.map((c) => [c.name, bidsSoFar(c)]));
      const next = await waitUntil('a successor', () => takeover(rest, snapshot), 60_000);
      bids.push(next.bidsAfterKill);
      const win = rest
        .flatMap((c) => c.events)
        .find((e) => e.ev === 'bid' && e.acquired && e.id === next.id);
      if (win !== undefined) ms.push(win.after - killedAt);
    } finally {
      for (const c of cs) c.proc.kill('SIGKILL');
      await Promise.all(cs.map((c) => c.exited));
    }
  }
  const worst = Math.max(...bids);
  notes.push(
    `Leader failover over ${FAILOVER_ROUNDS} kills: successor's bids after the death ${bids.join(', ')}; kill → new leader ${ms.map((x) => x.toFixed(0)).join(', ')} ms (interval ${INTERVAL_MS} ms).`,
  );
  return {
    name: `controller leader failover after kill -9 (worst of ${FAILOVER_ROUNDS}, in the successor's intervals)`,
    value: worst,
    unit: 'intervals',
    target: '≤ 2',
    pass: worst <= 2,
    note: `median kill → new leader ${median(ms).toFixed(0)} ms at a ${INTERVAL_MS} ms interval`,
  };
}

/**
 * Refresh + plan of 1,000 live leases (devnet) with the state in pg against the local file, each
 * as `leasehold plan` runs (a child process per measurement; see plan.bench.ts), interleaved.
 */
async function planRow(pg: PgTestServer, notes: string[]): Promise<BenchRow> {
  const home = mkdtempSync(join(tmpdir(), 'lh-bench-home-'));
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-pgplan-'));
  const db = await pg.createDatabase('bench');
  const info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: null,
    port: 0,
    manifestTimeoutMs: 24 * 3_600_000,
    startDelayMs: 0,
  });
  const chain = await connect(info.rpcUrl, info.addressBook, info.blockTime);
  try {
    await deposit(chain, 100_000n * 10n ** 6n);
    const local = await backend('local', {}, 'bench', dir);
    const model = await load(dir, LEASES);
    await createLeases(chain, model, 0, LEASES);
    await deliverManifests(chain, model, 0, LEASES);
    await recordApplied(chain, local, model);
    // The same state in pg.
    const state = await local.read();
    if (state === null) throw new Error('bench: no local state recorded');
    const remote = await backend('pg', { LEASEHOLD_PG_URL: pg.url(db) });
    await remote.read();
    await remote.write(state);
    await remote.close?.();
    const onLocal: number[] = [];
    const onPg: number[] = [];
    for (let round = 0; round < 3; round++) {
      onLocal.push(measure(chain, dir, LEASES).ms);
      onPg.push(measure(chain, dir, LEASES, true, pg.url(db)).ms);
    }
    const l = median(onLocal);
    const p = median(onPg);
    notes.push(
      `Refresh + plan of ${LEASES} live leases: ${l.toFixed(0)} ms with the local file, ${p.toFixed(0)} ms with pg (medians of 9 processes each, interleaved).`,
    );
    return {
      name: `refresh + plan, ${LEASES} live leases: pg ÷ local`,
      value: p / l,
      unit: '×',
      target: '≤ 1.2',
      pass: p / l <= 1.2,
    };
  } finally {
    await chain.marketplace.close();
    await stopDevnet({ home });
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    rmSync(home, { recursive: true, force: true, maxRetries: 5 });
  }
}
