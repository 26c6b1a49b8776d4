import { describe, expect, it } from '@jest/globals';
import type { ModelResourceView, ModelView } from '../../../../cli/provider-api.js';
import type { Change } from '../../../../cli/plan/plan-types.js';
import type { ResourceState } from '../../../../cli/state/state-types.js';
import { planResource } from '../../../../provider/resources/plan-resource.js';
import type { InstanceModel } from '../../../../provider/spec/model-types.js';
import { instance, lease, priorState, testNetwork } from './resource-fixtures.js';

const options = { replace: [] as string[], ignoreCount: false };

function view(attributes: InstanceModel): ModelResourceView {
  return { type: 'instance', name: 'web', address: 'instance.web', attributes, hash: 'sha256:x' };
}

function plan(
  desired: InstanceModel | null,
  prior: ResourceState | null,
  more: {
    replace?: string[];
    model?: ModelView | null;
    eligibleProviders?: number;
    secretHmacs?: ReadonlyMap<string, string>;
  } = {},
) {
  return planResource({
    desired: desired === null ? null : view(desired),
    prior,
    model: more.model ?? null,
    options: { ...options, replace: more.replace ?? [] },
    network: testNetwork(),
    eligibleProviders: more.eligibleProviders,
    secretHmacs: more.secretHmacs,
  });
}

const summary = (changes: readonly Change[]) =>
  changes.map((c) => [c.address, c.action, c.reason ?? null]);

describe('planResource: instances', () => {
  it('GIVEN no state WHEN an instance of 2 spread over providers is planned THEN two creates with unknown lease values', () => {
    const r = plan(
      instance({ count: 2, placement: { ...instance().placement, spread: 'provider' } }),
      null,
    );
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'create', null],
      ['instance.web[1]', 'create', null],
    ]);
    expect(r.changes[0]?.afterUnknown).toEqual(['leaseId', 'provider', 'endpoints']);
    expect(r.changes[0]?.after).toMatchObject({
      replicas: 1,
      key: '0',
      leaseId: null,
      image: 'nginx:1.27',
    });
    expect(r.changes[0]?.sensitivePaths).toEqual(['secrets.*', 'credentials.password']);
    expect(r.diagnostics).toEqual([]);
  });

  it('GIVEN state matching the spec WHEN planned THEN no-op keeping the lease values', () => {
    const r = plan(instance(), priorState(instance(), [lease('0')]));
    expect(summary(r.changes)).toEqual([['instance.web[0]', 'no-op', null]]);
    expect(r.changes[0]?.after).toMatchObject({
      leaseId: '100',
      endpoints: ['http://127.0.0.1:42001'],
    });
    expect(r.changes[0]?.afterUnknown).toEqual([]);
  });

  it('GIVEN an image change WHEN planned THEN update in place', () => {
    const r = plan(instance({ image: 'nginx:1.28' }), priorState(instance(), [lease('0')]));
    expect(summary(r.changes)).toEqual([['instance.web[0]', 'update', null]]);
  });

  it('GIVEN spread none WHEN count grows from 1 to 3 THEN the one lease is updated to 3 replicas', () => {
    const r = plan(instance({ count: 3 }), priorState(instance(), [lease('0')]));
    expect(summary(r.changes)).toEqual([['instance.web[0]', 'update', null]]);
    expect(r.changes[0]?.after).toMatchObject({ replicas: 3 });
    expect(r.changes[0]?.before).toMatchObject({ replicas: 1 });
  });

  it('GIVEN a memory change WHEN planned THEN create-then-delete naming the path', () => {
    const desired = instance();
    const changed = { ...desired, resources: { ...desired.resources, memory: '1073741824' } };
    const r = plan(changed, priorState(desired, [lease('0')]));
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'create-then-delete', 'replace-because-cannot-update'],
    ]);
    expect(r.changes[0]?.replacePaths).toEqual(['resources.memory']);
    expect(r.changes[0]?.afterUnknown).toEqual(['leaseId', 'provider', 'endpoints']);
  });

  it('GIVEN createBeforeDestroy false WHEN the price changes THEN delete-then-create', () => {
    const base = instance({ lifecycle: { createBeforeDestroy: false, preventDestroy: false } });
    const r = plan(
      { ...base, pricing: { token: 'USDT', amount: '2000000' } },
      priorState(base, [lease('0')]),
    );
    expect(r.changes[0]?.action).toBe('delete-then-create');
    expect(r.changes[0]?.replacePaths).toEqual(['pricing.amount']);
  });

  it('GIVEN spread provider WHEN count grows from 2 to 3 THEN slot 2 is created for scale-out', () => {
    const p = { ...instance().placement, spread: 'provider' as const };
    const r = plan(
      instance({ count: 3, placement: p }),
      priorState(instance({ count: 2, placement: p }), [lease('0'), lease('1')]),
    );
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'no-op', null],
      ['instance.web[1]', 'no-op', null],
      ['instance.web[2]', 'create', 'scale-out'],
    ]);
  });

  it('GIVEN spread provider WHEN count shrinks from 3 to 1 THEN the higher slots are deleted for scale-in', () => {
    const p = { ...instance().placement, spread: 'provider' as const };
    const r = plan(
      instance({ count: 1, placement: p }),
      priorState(instance({ count: 3, placement: p }), [lease('0'), lease('1'), lease('2')]),
    );
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'no-op', null],
      ['instance.web[1]', 'delete', 'scale-in'],
      ['instance.web[2]', 'delete', 'scale-in'],
    ]);
    expect(r.changes[1]?.after).toBeNull();
  });

  it('GIVEN a slot whose lease was closed outside WHEN planned THEN it is created because missing', () => {
    const p = { ...instance().placement, spread: 'provider' as const };
    const attrs = instance({ count: 2, placement: p });
    const r = plan(attrs, priorState(attrs, [lease('0')]));
    expect(summary(r.changes)[1]).toEqual(['instance.web[1]', 'create', 'create-because-missing']);
  });

  it('GIVEN spread region WHEN a region is added THEN only the new region slot is created', () => {
    const p = { ...instance().placement, spread: 'region' as const, regions: ['eu', 'us'] };
    const before = instance({ count: 4, placement: p });
    const after = instance({ count: 6, placement: { ...p, regions: ['ap', 'eu', 'us'] } });
    const leases = [
      lease('eu', { replicas: 2, region: 'eu' }),
      lease('us', { replicas: 2, region: 'us' }),
    ];
    const r = plan(after, priorState(before, leases));
    expect(summary(r.changes)).toEqual([
      ['instance.web["ap"]', 'create', 'scale-out'],
      ['instance.web["eu"]', 'no-op', null],
      ['instance.web["us"]', 'no-op', null],
    ]);
  });

  it('GIVEN the instance removed WHEN planned THEN every lease is deleted for lack of config', () => {
    const r = plan(null, priorState(instance(), [lease('0')]));
    expect(summary(r.changes)).toEqual([['instance.web[0]', 'delete', 'delete-because-no-config']]);
  });

  it('GIVEN prevent_destroy WHEN the instance is removed THEN an error and no change', () => {
    const attrs = instance({ lifecycle: { createBeforeDestroy: true, preventDestroy: true } });
    const r = plan(null, priorState(attrs, [lease('0')]));
    expect(r.changes).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.address])).toEqual([
      ['plan/prevent-destroy', 'error', 'instance.web[0]'],
    ]);
    expect(r.diagnostics[0]?.detail).toContain('lease 100');
  });

  it('GIVEN two leases tagged for slot 0 WHEN planned THEN the first in state is kept and the other deleted as duplicate', () => {
    const r = plan(
      instance(),
      priorState(instance(), [lease('0'), lease('0', { leaseId: '205', orderId: '205' })]),
    );
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'no-op', null],
      ['instance.web[0]', 'delete', 'delete-because-duplicate'],
    ]);
    expect(r.changes[1]?.before).toMatchObject({ leaseId: '205' });
  });

  it('GIVEN a tainted lease WHEN planned THEN it is replaced because tainted', () => {
    const r = plan(instance(), priorState(instance(), [lease('0', { status: 'tainted' })]));
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'create-then-delete', 'replace-because-tainted'],
    ]);
  });

  it('GIVEN --replace of one slot WHEN planned THEN only that slot is replaced by request', () => {
    const p = { ...instance().placement, spread: 'provider' as const };
    const attrs = instance({ count: 2, placement: p });
    const r = plan(attrs, priorState(attrs, [lease('0'), lease('1')]), {
      replace: ['instance.web[1]'],
    });
    expect(summary(r.changes)).toEqual([
      ['instance.web[0]', 'no-op', null],
      ['instance.web[1]', 'create-then-delete', 'replace-by-request'],
    ]);
  });

  it('GIVEN an autoscaling policy WHEN the declared count differs from the live one THEN the live count is kept', () => {
    const model: ModelView = {
      formatVersion: 1,
      stack: 's',
      network: { name: 'local' },
      hash: 'h',
      resources: [
        {
          type: 'autoscaling_policy',
          name: 'web',
          address: 'autoscaling_policy.web',
          hash: 'p',
          attributes: { instance: 'instance.web', min: 1, max: 5 },
        },
      ],
    };
    const r = plan(
      instance({ count: 1 }),
      priorState(instance({ count: 1 }), [lease('0', { replicas: 4 })]),
      { model },
    );
    expect(summary(r.changes)).toEqual([['instance.web[0]', 'no-op', null]]);
  });

  it('GIVEN spread provider WHEN more slots than eligible providers THEN plan/too-few-providers', () => {
    const p = { ...instance().placement, spread: 'provider' as const };
    const r = plan(instance({ count: 4, placement: p }), null, { eligibleProviders: 3 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/too-few-providers']);
    expect(r.diagnostics[0]?.detail).toContain('4 replicas');
  });

  it('GIVEN spread region without regions WHEN planned THEN plan/spread-region-without-regions', () => {
    const p = { ...instance().placement, spread: 'region' as const };
    const r = plan(instance({ count: 2, placement: p }), null);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/spread-region-without-regions']);
    expect(r.changes).toEqual([]);
  });

  it('GIVEN a create WHEN planned THEN the slot carries its cost at max price', () => {
    const r = plan(instance({ count: 2 }), null);
    // 2 replicas × 1 USDT/h → 2 USDT/h; one hour at 1 s blocks locks 2 USDT.
    expect(r.changes[0]?.cost).toEqual({
      token: 'USDT',
      perHourBefore: '0',
      perHourAfter: '2000000',
      escrowToLock: '2000000',
      perHourAccepted: null,
      perHourCeiling: '2000000',
    });
  });

  it('GIVEN no secret value anywhere WHEN planned THEN changes hold the secret reference only', () => {
    const r = plan(instance(), null);
    expect(JSON.stringify(r.changes)).toContain('WEB_API_KEY');
  });

  describe('a rotated secret (the lease received another value than the environment holds now)', () => {
    const H1 = 'hmac-sha256:' + '1'.repeat(64);
    const H2 = 'hmac-sha256:' + '2'.repeat(64);
    const sent = (h: string) => lease('0', { secretHmacs: { WEB_API_KEY: h } });

    it('GIVEN another HMAC now WHEN planned THEN an in-place update naming secrets.API_KEY, with no HMAC in the change', () => {
      const r = plan(instance(), priorState(instance(), [sent(H1)]), {
        secretHmacs: new Map([['WEB_API_KEY', H2]]),
      });
      expect(summary(r.changes)).toEqual([['instance.web[0]', 'update', null]]);
      expect(r.changes[0]?.secretsChanged).toEqual(['secrets.API_KEY']);
      expect(r.changes[0]?.before).toEqual(r.changes[0]?.after);
      const text = JSON.stringify(r.changes);
      expect(text).not.toContain(H1);
      expect(text).not.toContain(H2);
    });

    it('GIVEN the same HMAC now WHEN planned THEN no-op without secretsChanged', () => {
      const r = plan(instance(), priorState(instance(), [sent(H1)]), {
        secretHmacs: new Map([['WEB_API_KEY', H1]]),
      });
      expect(summary(r.changes)).toEqual([['instance.web[0]', 'no-op', null]]);
      expect(r.changes[0]?.secretsChanged).toBeUndefined();
    });

    it('GIVEN the variable not set now, or a lease recorded before HMACs WHEN planned THEN no-op', () => {
      expect(
        summary(
          plan(instance(), priorState(instance(), [sent(H1)]), { secretHmacs: new Map() }).changes,
        ),
      ).toEqual([['instance.web[0]', 'no-op', null]]);
      const old = plan(instance(), priorState(instance(), [lease('0')]), {
        secretHmacs: new Map([['WEB_API_KEY', H2]]),
      });
      expect(summary(old.changes)).toEqual([['instance.web[0]', 'no-op', null]]);
    });

    it('GIVEN a rotated secret and a memory change WHEN planned THEN the replacement (which sends the new value) carries no secretsChanged', () => {
      const desired = instance();
      const bigger = { ...desired, resources: { ...desired.resources, memory: '1073741824' } };
      const r = plan(bigger, priorState(desired, [sent(H1)]), {
        secretHmacs: new Map([['WEB_API_KEY', H2]]),
      });
      expect(r.changes[0]?.action).toBe('create-then-delete');
      expect(r.changes[0]?.secretsChanged).toBeUndefined();
    });

    it('GIVEN spread provider with one slot rotated and one not WHEN planned THEN only that slot is updated', () => {
      const two = instance({
        count: 2,
        placement: { ...instance().placement, spread: 'provider' },
      });
      const leases = [sent(H2), lease('1', { secretHmacs: { WEB_API_KEY: H1 } })];
      const r = plan(two, priorState(two, leases), { secretHmacs: new Map([['WEB_API_KEY', H2]]) });
      expect(summary(r.changes)).toEqual([
        ['instance.web[0]', 'no-op', null],
        ['instance.web[1]', 'update', null],
      ]);
    });
  });
});

describe('planResource: health checks and policies', () => {
  const hc = (interval: number): ModelResourceView => ({
    type: 'health_check',
    name: 'web',
    address: 'health_check.web',
    attributes: { instance: 'instance.web', interval },
    hash: 'h',
  });
  const prior = (interval: number): ResourceState => ({
    address: 'health_check.web',
    type: 'health_check',
    name: 'web',
    attributes: { instance: 'instance.web', interval },
    modelHash: 'h',
    leases: [],
  });
  const run = (desired: ModelResourceView | null, p: ResourceState | null) =>
    planResource({ desired, prior: p, model: null, options, network: testNetwork() }).changes;

  it('GIVEN a new health check WHEN planned THEN one create with key null and the model as after', () => {
    const [c] = run(hc(1000), null);
    expect(c).toMatchObject({
      address: 'health_check.web',
      key: null,
      action: 'create',
      before: null,
    });
    expect(c?.after).toEqual({ instance: 'instance.web', interval: 1000 });
  });

  it('GIVEN equal attributes WHEN planned THEN no-op', () => {
    expect(run(hc(1000), prior(1000))[0]?.action).toBe('no-op');
  });

  it('GIVEN a changed interval WHEN planned THEN update', () => {
    expect(run(hc(2000), prior(1000))[0]?.action).toBe('update');
  });

  it('GIVEN a removed policy WHEN planned THEN delete-because-no-config', () => {
    const p = { ...prior(1), address: 'autoscaling_policy.web', type: 'autoscaling_policy' };
    expect(run(null, p)[0]).toMatchObject({
      action: 'delete',
      reason: 'delete-because-no-config',
      after: null,
    });
  });

  it('GIVEN an unknown type WHEN planned THEN plan/unknown-resource-type', () => {
    const r = planResource({
      desired: { ...hc(1), type: 'volume' },
      prior: null,
      model: null,
      options,
      network: testNetwork(),
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/unknown-resource-type']);
  });
});
