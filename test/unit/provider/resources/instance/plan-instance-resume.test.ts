import { describe, expect, it } from '@jest/globals';
import { planResource } from '../../../../../provider/resources/plan-resource.js';
import { instance, lease, priorState, testNetwork } from '../resource-fixtures.js';

// Crash resume: a slot holding only a `planned` record plans as a create that
// applySlot resumes from the prior state, never a no-op that would leave a lease without manifest.
const plan = (leases: Parameters<typeof priorState>[1], count = 1) =>
  planResource({
    desired: {
      type: 'instance',
      name: 'web',
      address: 'instance.web',
      attributes: instance({ count }),
      hash: 'sha256:x',
    },
    prior: priorState(instance({ count }), leases),
    model: null,
    options: { replace: [], ignoreCount: false },
    network: testNetwork(),
  });

describe('planInstance: planned slots', () => {
  it('GIVEN a desired slot holding a planned, matched lease WHEN planned THEN a create with no before', () => {
    const r = plan([
      lease('0', { status: 'planned', leaseId: '7', orderId: '7', manifestHash: null }),
    ]);
    expect(r.changes.map((c) => [c.address, c.action, c.before])).toEqual([
      ['instance.web[0]', 'create', null],
    ]);
  });

  it('GIVEN a planned slot beside its tainted predecessor WHEN planned THEN create resumes and the old is a duplicate delete', () => {
    const r = plan([
      lease('0', { status: 'planned', leaseId: '9', orderId: '9' }),
      lease('0', { status: 'tainted', leaseId: '4', orderId: '4' }),
    ]);
    expect(r.changes.map((c) => [c.action, c.reason ?? null])).toEqual([
      ['create', 'resume-interrupted'],
      ['delete', 'delete-because-duplicate'],
    ]);
  });

  it('GIVEN a slot of an existing resource left planned by Ctrl-C WHEN planned THEN the reason is resume-interrupted, not a lease closed outside Leasehold', () => {
    const r = plan([
      lease('0', { status: 'planned', leaseId: null, orderId: '8', manifestHash: null }),
    ]);
    expect(r.changes.map((c) => [c.address, c.action, c.reason ?? null])).toEqual([
      ['instance.web[0]', 'create', 'resume-interrupted'],
    ]);
  });

  it('GIVEN a planned slot no longer desired WHEN planned THEN it is deleted, not forgotten', () => {
    const r = plan([lease('0', { status: 'planned', leaseId: '7', orderId: '7' })], 0);
    expect(r.changes.map((c) => c.action)).toEqual(['delete']);
  });
});
