import { describe, expect, it } from '@jest/globals';
import {
  findStateAddress,
  listStateAddresses,
  parseStateAddress,
  removeStateAddress,
  slotAddress,
} from '../../../../cli/state/state-address.js';
import { instance, lease, sampleState } from './state-fixtures.js';

describe('state addresses', () => {
  it('GIVEN slot keys WHEN formatted THEN numbers are bare and regions quoted, and both parse back', () => {
    expect(slotAddress('instance.web', '0')).toBe('instance.web[0]');
    expect(slotAddress('instance.web', 'us-east')).toBe('instance.web["us-east"]');
    expect(parseStateAddress('instance.web[12]')).toEqual({ resource: 'instance.web', key: '12' });
    expect(parseStateAddress('instance.web["us-east"]')).toEqual({
      resource: 'instance.web',
      key: 'us-east',
    });
    expect(parseStateAddress('health_check.web')).toEqual({
      resource: 'health_check.web',
      key: null,
    });
  });

  it.each(['web', 'instance.', 'instance.web[us-east]', 'instance.Web', 'instance.web[0', ''])(
    'GIVEN %j WHEN parsed THEN it is not an address',
    (text) => expect(parseStateAddress(text)).toBeNull(),
  );

  it('GIVEN a state WHEN listed THEN slots carry lease ids and lease-less resources their address', () => {
    const planned = { ...lease('us-east', '9'), leaseId: null, status: 'planned' as const };
    const state = sampleState({
      resources: [...sampleState().resources, instance('api', [planned])],
    });
    expect(listStateAddresses(state).map((e) => [e.address, e.leaseId, e.status])).toEqual([
      ['health_check.web', null, null],
      ['instance.web[0]', '7', 'ready'],
      ['instance.web[1]', '8', 'ready'],
      ['instance.api["us-east"]', null, 'planned'],
    ]);
  });

  it('GIVEN slot and resource addresses WHEN found THEN a slot names one lease and a resource all of them', () => {
    const state = sampleState();
    expect(findStateAddress(state, 'instance.web[1]')?.leases.map((l) => l.leaseId)).toEqual(['8']);
    expect(findStateAddress(state, 'instance.web')?.leases).toHaveLength(2);
    expect(findStateAddress(state, 'instance.web[5]')).toBeNull();
    expect(findStateAddress(state, 'instance.db')).toBeNull();
  });

  it('GIVEN a slot WHEN removed THEN only that lease goes; the last slot takes its resource with it', () => {
    const once = removeStateAddress(sampleState(), 'instance.web[0]');
    expect(once === null ? null : listStateAddresses(once).map((e) => e.address)).toEqual([
      'health_check.web',
      'instance.web[1]',
    ]);
    const twice = once === null ? null : removeStateAddress(once, 'instance.web[1]');
    expect(twice?.resources.map((r) => r.address)).toEqual(['health_check.web']);
    expect(removeStateAddress(sampleState(), 'instance.nope')).toBeNull();
  });

  it('GIVEN a resource address WHEN removed THEN the resource goes and the rest (serial included) is untouched', () => {
    const state = sampleState();
    const out = removeStateAddress(state, 'health_check.web');
    expect(out?.resources.map((r) => r.address)).toEqual(['instance.web']);
    expect(out?.serial).toBe(state.serial);
    expect(state.resources).toHaveLength(2);
  });
});
