import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ApplyLine } from './support/apply-events.js';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import type { SpecDoc } from './support/stack-dir.js';
import { stackDir, stateLeases } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';
import { waitFor } from '../support/wait-for.js';

// A burst apply (every slot at once, one wallet's orders pipelined) is killed with SIGKILL at
// KILLS seeded random moments, each run resuming what the previous one left; a last apply must
// converge on exactly the declared leases — 0 duplicates (one order ever per slot), 0 orphans
// (every tagged active lease is in the state, and nothing else). A moment is "after the k-th
// `--json` event, then d ms more" (k, d from the seed), so kills land between journal writes,
// broadcasts and receipts too. CI runs 20 leases × 10 kills; the full size is
// LEASEHOLD_CRASH_LEASES=100 (docs/benchmarks.md). LEASEHOLD_CRASH_SEED replays a run.
const LEASES = Number(process.env['LEASEHOLD_CRASH_LEASES'] ?? 20);
const KILLS = Number(process.env['LEASEHOLD_CRASH_KILLS'] ?? 10);
const SEED = Number(process.env['LEASEHOLD_CRASH_SEED'] ?? 16_016);
jest.setTimeout(120_000 + KILLS * 60_000 + LEASES * 2_000);

let devnet: E2eDevnet;
let chain: StackChain;

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

/** mulberry32: a small seeded generator, so the moments replay from the seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// LEASES one-replica instances: one lease each (a count without spread is one lease of many replicas).
const spec = (stack: string): SpecDoc => ({
  version: 1,
  stack,
  budget: { maxPerHour: '50', token: 'USDT', escrow: { topUp: '200', maxDeposit: '2000' } },
  instances: Object.fromEntries(
    Array.from({ length: LEASES }, (_, i) => [
      `w${i}`,
      {
        image: 'nginxinc/nginx-unprivileged:1.27',
        ports: [{ port: 8080, as: 80 }],
        resources: { cpu: 0.1, memory: '128Mi', storage: '1Gi' },
        duration: '1h',
        pricing: { maxPerHour: '1', token: 'USDT' },
      },
    ]),
  ),
});

/** Runs `apply --json` and kills it once `afterLines` lines were printed and `delayMs` more passed. */
async function applyKilledAfter(
  dir: string,
  afterLines: number,
  delayMs: number,
): Promise<{ killed: boolean; lines: number }> {
  const child = devnet.spawn(['apply', '--auto-approve', '--json'], dir);
  const lines: ApplyLine[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const text of parts.filter((p) => p.trim() !== ''))
      lines.push(JSON.parse(text) as ApplyLine);
  });
  let killed = false;
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  await waitFor(
    'the kill moment or the exit',
    () => lines.length >= afterLines || exited(),
    300_000,
  );
  if (!exited()) {
    // The random part of the moment (not a wait for a condition): the process keeps working.
    await new Promise((r) => setTimeout(r, delayMs));
    if (!exited()) killed = child.kill('SIGKILL');
  }
  await child;
  return { killed, lines: lines.length };
}

describe(`apply of ${LEASES} leases killed with SIGKILL at ${KILLS} random moments (seed ${SEED})`, () => {
  it(`GIVEN seed ${SEED} WHEN apply is killed ${KILLS} times and then run to the end THEN 0 duplicate leases and 0 orphans`, async () => {
    const stack = 'e2e-crash-burst';
    const s = stackDir(spec(stack));
    const next = random(SEED);
    const moments: string[] = [];
    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      // Roughly five events per slot; each run resumes the last one's work, so the moment falls
      // within its first share of the apply, and the ten kills spread over the whole of it.
      const afterLines = Math.floor(next() * ((5 * LEASES) / KILLS)) + 1;
      const delayMs = Math.floor(next() * 500);
      const r = await applyKilledAfter(s.dir, afterLines, delayMs);
      moments.push(`${afterLines}+${delayMs}ms:${r.killed ? 'killed' : `ended(${r.lines})`}`);
      if (r.killed) kills += 1;
    }
    process.stderr.write(`crash burst seed ${SEED}: ${moments.join(', ')}\n`);
    // Most moments fall inside an apply; one that falls after the end is no kill, not a failure.
    expect(kills).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));

    const last = await devnet.cli(['apply', '--auto-approve'], s.dir);
    expect(last.stderr).toBe('');
    expect(last.exitCode).toBe(0);

    const slots = Array.from({ length: LEASES }, (_, i) => `w${i}:0`).sort();
    const slotOf = (l: { instance: string; key: string }): string => `${l.instance}:${l.key}`;
    const active = await chain.activeLeases(stack);
    // 0 duplicates: one active lease per slot, and never a second order for a slot.
    expect(active.map(slotOf).sort()).toEqual(slots);
    expect((await chain.orders(stack)).map(slotOf).sort()).toEqual(slots);
    // 0 orphans: the state records exactly the active leases.
    const recorded = stateLeases(s.state());
    expect(recorded.map((l) => l.leaseId).sort()).toEqual(active.map((l) => l.leaseId).sort());
    expect(new Set(recorded.map((l) => l.status))).toEqual(new Set(['ready']));
    expect(s.state().journal).toEqual([]);
    expect((await devnet.cli(['plan', '--detailed-exitcode'], s.dir)).exitCode).toBe(0);
  });
});
