import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  activeExclusions,
  autoscalePaths,
  emptyAutoscaleHistory,
  MAX_DECISIONS,
  readAutoscaleHistory,
  recordAutoscaleCycle,
  writeAutoscaleHistory,
} from '../../../../cli/engine/autoscale-history.js';
import { toAutoscaleEvent } from '../../../../cli/engine/autoscale-event.js';
import type { CycleDecision } from '../../../../cli/provider-api.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const decision = (o: Partial<CycleDecision> = {}): CycleDecision => ({
  resource: 'instance.web',
  current: 2,
  desired: 3,
  metrics: [{ name: 'cpu', value: 90, target: 60 }],
  health: [],
  replace: [],
  action: 'scale-out',
  blockedBy: null,
  reasons: ['cpu 90/60 → 3'],
  recommendation: { at: NOW, replicas: 3 },
  memory: { probes: {} },
  ...o,
});
const record = (d: CycleDecision, scaled: boolean, replaced = false) => ({
  decision: d,
  event: toAutoscaleEvent(d, new Date(NOW), scaled ? 'applied' : 'skipped'),
  scaled,
  replaced,
});

describe('autoscale history', () => {
  it('GIVEN a state file WHEN paths are derived THEN history and leader lock sit beside it', () => {
    expect(autoscalePaths('/p/.leasehold/web.state.json', 'web')).toEqual({
      history: '/p/.leasehold/web.autoscale.json',
      leader: '/p/.leasehold/web.leader.json',
    });
  });

  it('GIVEN an applied scale-out WHEN recorded THEN the recommendation, the event and the memory are kept', () => {
    const h = recordAutoscaleCycle(emptyAutoscaleHistory('web'), [record(decision(), true)], NOW);
    expect(h.resources['instance.web']).toEqual({
      recommendations: [{ at: NOW, replicas: 3 }],
      events: [{ at: NOW, from: 2, to: 3 }],
      replacements: [],
      memory: { probes: {} },
    });
    expect(h.decisions).toHaveLength(1);
  });

  it('GIVEN a decision that was not applied WHEN recorded THEN no scale event (cooldown must not start)', () => {
    const h = recordAutoscaleCycle(emptyAutoscaleHistory('web'), [record(decision(), false)], NOW);
    expect(h.resources['instance.web']?.events).toEqual([]);
  });

  it('GIVEN old recommendations and more decisions than the bound WHEN recorded THEN the file stays bounded', () => {
    let h = emptyAutoscaleHistory('web');
    h = {
      ...h,
      resources: {
        'instance.web': {
          recommendations: [{ at: NOW - 3 * 3_600_000, replicas: 9 }],
          events: [],
          replacements: [],
          memory: null,
        },
      },
      decisions: Array.from({ length: MAX_DECISIONS }, () =>
        toAutoscaleEvent(decision(), new Date(NOW - 1000), 'skipped'),
      ),
    };
    const next = recordAutoscaleCycle(h, [record(decision(), false)], NOW);
    expect(next.decisions).toHaveLength(MAX_DECISIONS);
    expect(next.decisions.at(-1)?.at).toBe(new Date(NOW).toISOString());
    expect(next.resources['instance.web']?.recommendations).toEqual([{ at: NOW, replicas: 3 }]);
  });

  it('GIVEN an earlier unexpired exclusion of the slot WHEN it is replaced again THEN both providers are excluded', () => {
    const replacement = (provider: string, at: number) => ({
      at,
      slot: 'instance.web[0]',
      leaseId: '1',
      provider,
      excludeUntil: at + 3_600_000,
    });
    const h = recordAutoscaleCycle(
      emptyAutoscaleHistory('web'),
      [record(decision({ replace: [replacement('0xa', NOW - 60_000)] }), false, true)],
      NOW - 60_000,
    );
    const ex = activeExclusions(h, [decision({ replace: [replacement('0xb', NOW)] })], NOW);
    expect(ex).toEqual({ 'instance.web[0]': ['0xb', '0xa'] });
    expect(
      activeExclusions(h, [decision({ replace: [replacement('0xb', NOW)] })], NOW + 7_200_000),
    ).toEqual({
      'instance.web[0]': ['0xb'],
    });
  });

  it('GIVEN a history written WHEN read back THEN equal; a corrupt or foreign file reads as empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lh-ash-'));
    const file = join(dir, 'web.autoscale.json');
    expect(await readAutoscaleHistory(file, 'web')).toEqual(emptyAutoscaleHistory('web'));
    const h = recordAutoscaleCycle(emptyAutoscaleHistory('web'), [record(decision(), true)], NOW);
    await writeAutoscaleHistory(file, h);
    expect(await readAutoscaleHistory(file, 'web')).toEqual(h);
    expect(JSON.parse(readFileSync(file, 'utf8')).stack).toBe('web');
    expect(await readAutoscaleHistory(file, 'other')).toEqual(emptyAutoscaleHistory('other'));
    writeFileSync(file, '{not json');
    expect(await readAutoscaleHistory(file, 'web')).toEqual(emptyAutoscaleHistory('web'));
  });
});
