import { describe, expect, it } from '@jest/globals';
import { decideSlotChange } from '../../../../../provider/resources/instance/decide-slot-change.js';
import type { DecideSlotChangeInput } from '../../../../../provider/resources/instance/decide-slot-change.js';

const both: DecideSlotChangeInput = {
  desired: true,
  prior: true,
  resourceDesired: true,
  resourceExisted: true,
  newSlot: false,
  replacePaths: [],
  updatePaths: [],
  tainted: false,
  replaceRequested: false,
  createBeforeDestroy: true,
};

describe('decideSlotChange', () => {
  it('GIVEN a new resource WHEN the slot is only desired THEN create with no reason', () => {
    const d = decideSlotChange({ ...both, prior: false, resourceExisted: false, newSlot: true });
    expect(d).toEqual({ action: 'create' });
  });

  it('GIVEN an existing resource WHEN a mapped slot has no lease THEN create-because-missing', () => {
    expect(decideSlotChange({ ...both, prior: false })).toEqual({
      action: 'create',
      reason: 'create-because-missing',
    });
  });

  it('GIVEN an existing resource WHEN the slot is beyond the prior mapping THEN create for scale-out', () => {
    expect(decideSlotChange({ ...both, prior: false, newSlot: true })).toEqual({
      action: 'create',
      reason: 'scale-out',
    });
  });

  it('GIVEN the resource removed WHEN the slot is prior-only THEN delete-because-no-config', () => {
    const d = decideSlotChange({ ...both, desired: false, resourceDesired: false });
    expect(d).toEqual({ action: 'delete', reason: 'delete-because-no-config' });
  });

  it('GIVEN the resource kept WHEN the slot is prior-only THEN delete for scale-in', () => {
    expect(decideSlotChange({ ...both, desired: false })).toEqual({
      action: 'delete',
      reason: 'scale-in',
    });
  });

  it('GIVEN a replace path WHEN createBeforeDestroy THEN create-then-delete with the paths', () => {
    expect(decideSlotChange({ ...both, replacePaths: ['resources.cpu'] })).toEqual({
      action: 'create-then-delete',
      reason: 'replace-because-cannot-update',
      replacePaths: ['resources.cpu'],
    });
  });

  it('GIVEN a replace path WHEN not createBeforeDestroy THEN delete-then-create', () => {
    const d = decideSlotChange({ ...both, replacePaths: ['ports'], createBeforeDestroy: false });
    expect(d.action).toBe('delete-then-create');
  });

  it('GIVEN replace and update paths WHEN decided THEN replace wins', () => {
    const d = decideSlotChange({ ...both, replacePaths: ['duration'], updatePaths: ['image'] });
    expect(d.action).toBe('create-then-delete');
  });

  it('GIVEN only update paths WHEN decided THEN update', () => {
    expect(decideSlotChange({ ...both, updatePaths: ['image', 'replicas'] })).toEqual({
      action: 'update',
    });
  });

  it('GIVEN a tainted slot WHEN nothing differs THEN replace-because-tainted', () => {
    expect(decideSlotChange({ ...both, tainted: true })).toEqual({
      action: 'create-then-delete',
      reason: 'replace-because-tainted',
    });
  });

  it('GIVEN a tainted slot WHEN an update path differs THEN it is still replaced', () => {
    const d = decideSlotChange({ ...both, tainted: true, updatePaths: ['image'] });
    expect(d.reason).toBe('replace-because-tainted');
  });

  it('GIVEN --replace WHEN nothing differs THEN replace-by-request', () => {
    expect(decideSlotChange({ ...both, replaceRequested: true })).toEqual({
      action: 'create-then-delete',
      reason: 'replace-by-request',
    });
  });

  it('GIVEN nothing differs WHEN decided THEN no-op', () => {
    expect(decideSlotChange(both)).toEqual({ action: 'no-op' });
  });
});
