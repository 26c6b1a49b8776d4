import { describe, expect, it } from '@jest/globals';
import type { ModelView } from '../../../../../cli/provider-api.js';
import { planResource } from '../../../../../provider/resources/plan-resource.js';
import { instance, lease, priorState, testNetwork } from '../resource-fixtures.js';

// Issue 11 item 6: under autoscaling a `count` edit plans nothing, and the plan says so.
const policyModel = (min: number, max: number): ModelView =>
  ({
    stack: 'web',
    hash: 'h',
    resources: [
      {
        type: 'autoscaling_policy',
        name: 'web',
        address: 'autoscaling_policy.web',
        attributes: { instance: 'instance.web', min, max },
        hash: 'h',
      },
    ],
  }) as unknown as ModelView;

const plan = (declared: number, model: ModelView | null) =>
  planResource({
    desired: {
      type: 'instance',
      name: 'web',
      address: 'instance.web',
      attributes: instance({ count: declared }),
      hash: 'sha256:x',
    },
    prior: priorState(instance({ count: 2 }), [lease('0', { replicas: 2 })]),
    model,
    options: { replace: [], ignoreCount: false },
    network: testNetwork(),
  });

describe('count under an autoscaling policy', () => {
  it('GIVEN count edited 2 → 3 under a 2–6 policy WHEN planned THEN nothing changes and a warning says who owns the count', () => {
    const r = plan(3, policyModel(2, 6));
    expect(r.changes.map((c) => c.action)).toEqual(['no-op']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'plan/count-managed-by-autoscaling',
      path: 'instances.web.count',
    });
    expect(r.diagnostics[0]?.detail).toContain(
      'count is managed by the autoscaling policy (now 2, bounds 2–6); change min/max to change it',
    );
  });

  it('GIVEN the same edit without a policy WHEN planned THEN the slot is updated to 3 replicas and the ceiling grows', () => {
    const r = plan(3, null);
    expect(r.diagnostics).toEqual([]);
    expect(r.changes.map((c) => c.action)).toEqual(['update']);
    const cost = r.changes[0]?.cost;
    expect(BigInt(cost?.perHourCeiling ?? '0')).toBeGreaterThan(BigInt(cost?.perHourBefore ?? '0'));
  });

  it('GIVEN no count edit under a policy WHEN planned THEN no warning', () => {
    expect(plan(2, policyModel(2, 6)).diagnostics).toEqual([]);
  });
});
