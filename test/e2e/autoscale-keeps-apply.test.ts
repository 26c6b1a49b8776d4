import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AutoscaleDecisionEvent } from '../../cli/provider-api.js';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import type { SpecDoc, StackDir } from './support/stack-dir.js';
import { instance, stackDir, stateLeases } from './support/stack-dir.js';
import { waitFor } from '../support/wait-for.js';

// A controller (`leasehold autoscale`) runs while a human applies a new image with the CLI. Its
// next scale must keep the new image — the provider must run it on every replica — and an edit
// nobody applied must not ride along: it is held, and said so.
jest.setTimeout(420_000);

// Generous for a busy 2-core machine; every wait polls a condition against it (waitFor).
const DEADLINE_MS = 150_000;

let devnet: E2eDevnet;
let s: StackDir;
let controller: ReturnType<E2eDevnet['spawn']>;
const events: AutoscaleDecisionEvent[] = [];
let stderr = '';

const spec = (): SpecDoc => ({
  version: 1,
  stack: 'e2e-keep',
  budget: { maxPerHour: '10', token: 'USDT', escrow: { topUp: '50', maxDeposit: '400' } },
  instances: {
    web: {
      image: 'nginx:1.27',
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 0.5, memory: '512Mi', storage: '1Gi' },
      count: 1,
      duration: '1h',
      env: { LEASEHOLD_CAPACITY_RPS: '10' },
      pricing: { maxPerHour: '1', token: 'USDT' },
      autoscaling: {
        min: 1,
        max: 3,
        metrics: [{ type: 'requestsPerSecond', target: { averageValue: 11 } }],
        cooldown: '1s',
      },
    },
  },
});

/** Waits (polling, with a deadline) for `probe`; a timeout names what the controller said. */
function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  return waitFor(what, probe, DEADLINE_MS, 250).catch((err: unknown) => {
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}; controller said: ${stderr}`,
    );
  }) as Promise<T>;
}

/** The image each replica of instance.web reports (`GET /` on its recorded endpoint). */
async function runningImages(): Promise<string[]> {
  const urls = stateLeases(s.state()).flatMap((l) => l.endpoints);
  const bodies = await Promise.all(urls.map(async (u) => (await fetch(u)).json()));
  return (bodies as { image: string }[]).map((b) => b.image);
}

beforeAll(async () => {
  devnet = await startE2eDevnet({ blockTime: 0.25 });
  s = stackDir(spec());
  const first = await devnet.cli(['apply', '--auto-approve'], s.dir);
  expect(first.stderr).toBe('');
  expect(first.exitCode).toBe(0);
  controller = devnet.spawn(['autoscale', '--interval', '1s', '--json'], s.dir);
  let buffered = '';
  controller.stdout?.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines) {
      const parsed = JSON.parse(l) as { type: string };
      if (parsed.type === 'decision') events.push(parsed as AutoscaleDecisionEvent);
    }
  });
  controller.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await until('the first decision', () => (events.length > 0 ? true : undefined));
}, 300_000);

afterAll(async () => {
  controller?.kill('SIGINT');
  await controller;
  await devnet?.down();
});

describe('the controller acts on the applied spec (built CLI on the devnet)', () => {
  it('GIVEN a running controller WHEN a new image is applied from the CLI and load then forces a scale-out THEN every replica runs the new image', async () => {
    s.edit((d) => (instance(d, 'web')['image'] = 'nginx:1.28'));
    const apply = await devnet.cli(['apply', '--auto-approve', '--lock-timeout', '60s'], s.dir);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
    expect(await runningImages()).toEqual(['nginx:1.28']);
    const seen = events.length;
    const load = devnet.spawn(
      ['devnet', 'load', 'instance.web', '--rps', '30', '--duration', '5m'],
      s.dir,
    );
    try {
      const out = await until('an applied scale-out', () =>
        events
          .slice(seen)
          .find((e) => e.action === 'scale-out' && e.outcome === 'applied' && e.desired > 1),
      );
      expect(out.resource).toBe('instance.web');
    } finally {
      load.kill('SIGINT');
      await load;
    }
    const images = await runningImages();
    expect(images.length).toBeGreaterThan(1);
    expect(images).toEqual(images.map(() => 'nginx:1.28'));
    // Nothing reverted, nothing left to apply.
    const plan = await devnet.cli(['plan', '--detailed-exitcode', '--lock-timeout', '60s'], s.dir);
    expect(plan.exitCode).toBe(0);
  });

  it('GIVEN an edit nobody applied (image, count and min) WHEN the controller would scale for it THEN it holds the change, says why, and the replicas keep the applied image', async () => {
    const before = await runningImages();
    const seen = events.length;
    s.edit((d) => {
      const web = instance(d, 'web');
      web['image'] = 'nginx:1.29';
      web['count'] = 4;
      web['autoscaling'] = { ...(web['autoscaling'] as object), min: 4, max: 6 };
    });
    const held = await until('a held decision', () =>
      events.slice(seen).find((e) => e.blockedBy === 'unapplied-spec'),
    );
    expect(held).toMatchObject({ resource: 'instance.web', outcome: 'skipped' });
    expect(held.reasons.join(' ')).toContain('differs from the last apply');
    expect(stderr).toContain('The spec differs from the last apply');
    expect(events.slice(seen).every((e) => e.outcome !== 'applied')).toBe(true);
    expect(await runningImages()).toEqual(before);
  });
});
