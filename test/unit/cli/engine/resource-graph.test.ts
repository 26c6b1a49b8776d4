import { describe, expect, it } from '@jest/globals';
import {
  addressBelongsTo,
  collectPlanUnits,
  resourceOf,
} from '../../../../cli/engine/resource-graph.js';
import { isTargeted, selectTargets } from '../../../../cli/engine/select-targets.js';
import type { Change } from '../../../../cli/plan/plan-types.js';
import { memoryModel, memoryState } from '../../../support/in-memory-provider.js';

const box = (name: string) => ({
  type: 'box',
  name,
  attributes: { image: 'i', size: 1, count: 1 },
});
const ref = (type: string, name: string, instance: string) => ({
  type,
  name,
  attributes: { instance },
});

describe('resource graph', () => {
  it('GIVEN dependents sorting before their instance WHEN collected THEN instances come first, then by address', () => {
    const model = memoryModel([
      ref('autoscaling_policy', 'a', 'box.z'),
      ref('health_check', 'b', 'box.z'),
      box('z'),
      box('y'),
    ]);
    const units = collectPlanUnits(model, memoryState([box('old')]));
    expect(units.map((u) => u.address)).toEqual([
      'box.old',
      'box.y',
      'box.z',
      'autoscaling_policy.a',
      'health_check.b',
    ]);
    expect(units.find((u) => u.address === 'box.old')).toMatchObject({ desired: null });
  });

  it.each([
    ['instance.web["us-east"]', 'instance.web'],
    ['instance.web[0]', 'instance.web'],
    ['health_check.web', 'health_check.web'],
  ])('GIVEN %s THEN its resource is %s', (address, resource) => {
    expect(resourceOf(address)).toBe(resource);
    expect(addressBelongsTo(address, resource)).toBe(true);
  });

  it('GIVEN a prefix-sharing name THEN it does not belong to the shorter resource', () => {
    expect(addressBelongsTo('instance.web2[0]', 'instance.web')).toBe(false);
  });
});

describe('selectTargets', () => {
  const units = collectPlanUnits(
    memoryModel([box('a'), ref('health_check', 'a', 'box.a'), box('b')]),
    memoryState([]),
  );
  const change = (address: string): Change => ({
    address,
    resource: resourceOf(address),
    type: 'box',
    name: 'a',
    key: null,
    action: 'create',
    before: null,
    after: {},
    afterUnknown: [],
    sensitivePaths: [],
  });

  it('GIVEN no target THEN everything is kept', () => {
    expect(selectTargets(units, []).keep).toBeNull();
    expect(isTargeted(selectTargets(units, []), change('box.b[0]'))).toBe(true);
  });

  it('GIVEN a slot target and its resource target THEN the whole resource is kept', () => {
    const sel = selectTargets(units, ['box.a[1]', 'box.a']);
    expect(sel.keep?.get('box.a')).toBeNull();
    expect(isTargeted(sel, change('box.a[0]'))).toBe(true);
  });

  it('GIVEN a health check target THEN its instance is kept whole and the other box is not', () => {
    const sel = selectTargets(units, ['health_check.a']);
    expect([...(sel.keep?.keys() ?? [])].sort()).toEqual(['box.a', 'health_check.a']);
    expect(isTargeted(sel, change('box.b[0]'))).toBe(false);
  });
});
