import { describe, expect, it } from '@jest/globals';
import { formatAutoscaleEvent, toAutoscaleEvent } from '../../../../cli/engine/autoscale-event.js';
import type { CycleDecision } from '../../../../cli/provider-api.js';
import { cliSchema } from '../../../support/cli-schemas.js';

const AT = new Date('2026-03-01T12:00:05.000Z');
const d: CycleDecision = {
  resource: 'instance.web',
  current: 2,
  desired: 5,
  metrics: [{ name: 'requestsPerSecond', value: 24.12, target: 10 }],
  health: [
    {
      replica: 'instance.web[0]#0',
      slot: 'instance.web[0]',
      state: 'healthy',
      reason: '3 consecutive successes',
      action: 'none',
    },
    {
      replica: 'instance.web[0]#1',
      slot: 'instance.web[0]',
      state: 'unhealthy',
      reason: '3 consecutive failures',
      action: 'alert',
    },
  ],
  replace: [],
  action: 'scale-out',
  blockedBy: null,
  reasons: ['requestsPerSecond 24.1/10 → 5'],
  recommendation: { at: AT.getTime(), replicas: 5 },
  memory: { secret: 'not in the event' },
};

describe('autoscale decision events', () => {
  it('GIVEN a decision WHEN turned into an event THEN it matches the published schema and carries no memory', () => {
    const e = toAutoscaleEvent(d, AT, 'applied');
    expect(cliSchema('autoscale-event')(e)).toBe(true);
    expect(JSON.stringify(e)).not.toContain('not in the event');
  });

  it('GIVEN an event missing a field WHEN validated THEN the schema rejects it', () => {
    const { reasons: _, ...rest } = toAutoscaleEvent(d, AT, 'applied');
    expect(cliSchema('autoscale-event')(rest)).toBe(false);
  });

  it('GIVEN a scale-out WHEN formatted plain THEN a head line with time, count, metric and health, then one line per reason', () => {
    expect(formatAutoscaleEvent(toAutoscaleEvent(d, AT, 'applied'))).toBe(
      '12:00:05 instance.web 2 → 5 scale-out (requestsPerSecond 24.1/10) 1 unhealthy applied\n  - requestsPerSecond 24.1/10 → 5',
    );
  });

  it('GIVEN a held count WHEN formatted THEN the blocking rule is named', () => {
    const e = toAutoscaleEvent(
      {
        ...d,
        desired: 2,
        action: 'none',
        blockedBy: 'budget',
        health: [],
        reasons: ['budget allows at most 2 replicas: scale-out to 5 refused'],
      },
      AT,
      'skipped',
    );
    expect(formatAutoscaleEvent(e)).toBe(
      '12:00:05 instance.web 2 none (requestsPerSecond 24.1/10) [blocked by budget]\n  - budget allows at most 2 replicas: scale-out to 5 refused',
    );
  });

  it('GIVEN decisions about several replicas WHEN formatted THEN one line per replica decision (issue 11 item 16)', () => {
    const e = {
      ...toAutoscaleEvent(d, AT, 'applied'),
      reasons: [
        'instance.web[0]#0: unhealthy: x; replacing its lease',
        'instance.web[0]#1: healthy',
      ],
    };
    const lines = formatAutoscaleEvent(e).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('  - instance.web[0]#0: unhealthy: x; replacing its lease');
    expect(lines[2]).toBe('  - instance.web[0]#1: healthy');
  });
});
