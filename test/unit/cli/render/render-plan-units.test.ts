import { describe, expect, it } from '@jest/globals';
import type { Change, Plan } from '../../../../cli/plan/plan-types.js';
import { renderPlanHuman } from '../../../../cli/render/render-plan-human.js';
import { renderPlanJson } from '../../../../cli/render/render-plan-json.js';
import { PLAIN } from '../../../../cli/render/style.js';
import { PLAN } from './plan-fixture.js';

// Issue 11 item 4: people read units, --json keeps the model's.

const instance: Change = {
  address: 'instance.web[0]',
  resource: 'instance.web',
  type: 'instance',
  name: 'web',
  key: '0',
  action: 'create',
  before: null,
  after: {
    duration: 86_400_000,
    pricing: { amount: '2000000', token: 'USDT' },
    resources: {
      cpu: 1000,
      memory: '1073741824',
      storage: [{ name: 'default', size: '2147483648' }],
    },
  },
  afterUnknown: [],
  sensitivePaths: [],
};

const health: Change = {
  address: 'health_check.web',
  resource: 'health_check.web',
  type: 'health_check',
  name: 'web',
  key: null,
  action: 'update',
  before: { gracePeriod: 30_000, interval: 10_000 },
  after: { gracePeriod: 60_000, interval: 10_000 },
  afterUnknown: [],
  sensitivePaths: [],
};

const plan: Plan = {
  ...PLAN,
  changes: [instance, health],
  drift: [],
  outputs: {},
  cost: [{ ...PLAN.cost[0]!, token: 'USDT', decimals: 6 }],
};

describe('plan attributes in human units', () => {
  it('GIVEN model units WHEN rendered for people THEN CPU, GiB, hours, tokens per hour and seconds', () => {
    const text = renderPlanHuman(plan, PLAIN);
    expect(text).toMatch(/\+ cpu\s+= 1 CPU$/m);
    expect(text).toMatch(/\+ memory\s+= 1 GiB$/m);
    expect(text).toMatch(/\+ size\s+= 2 GiB$/m);
    expect(text).toMatch(/\+ duration\s+= 24h$/m);
    expect(text).toMatch(/\+ amount\s+= 2 USDT\/h$/m);
    expect(text).toMatch(/~ gracePeriod\s+= 30s -> 1m$/m);
    expect(text).not.toContain('1073741824');
    expect(text).not.toContain('86400000');
  });

  it('GIVEN the same plan WHEN rendered as JSON THEN the model units stay', () => {
    const json = renderPlanJson(plan, '0.0.0');
    const after = json.resource_changes[0]?.change.after as Record<string, unknown>;
    expect(after['duration']).toBe(86_400_000);
    expect(after['resources']).toMatchObject({ cpu: 1000, memory: '1073741824' });
  });
});

describe('destroy plan outputs (issue 11 item 4)', () => {
  it('GIVEN a destroy plan WHEN rendered THEN no `- url = null` line', () => {
    const destroy: Plan = {
      ...plan,
      mode: 'destroy',
      changes: [{ ...instance, action: 'delete', before: instance.after, after: null }],
      outputs: { url: { action: 'delete', sensitive: false } },
    };
    const text = renderPlanHuman(destroy, PLAIN);
    expect(text).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
    expect(text).not.toMatch(/url\s*= null/);
    expect(text).not.toContain('Changes to Outputs');
  });
});
