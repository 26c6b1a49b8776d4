import { describe, expect, it } from '@jest/globals';
import {
  REPLACE_ROOTS,
  UPDATE_ROOTS,
  diffPaths,
} from '../../../../../provider/resources/instance/diff-paths.js';
import { instance } from '../resource-fixtures.js';

describe('diffPaths', () => {
  it('GIVEN equal instances WHEN diffed THEN no path differs', () => {
    expect(diffPaths(instance(), instance(), [...REPLACE_ROOTS, ...UPDATE_ROOTS])).toEqual([]);
  });

  it('GIVEN a cpu and a region change WHEN diffed over replace roots THEN leaf paths are listed, sorted', () => {
    const a = instance();
    const b = instance({
      resources: { ...a.resources, cpu: 1000 },
      placement: { ...a.placement, regions: ['us-east'] },
    });
    expect(diffPaths(a, b, REPLACE_ROOTS)).toEqual(['placement.regions', 'resources.cpu']);
  });

  it('GIVEN an added env var WHEN diffed over update roots THEN the var path is listed', () => {
    const b = instance({ env: { LOG_LEVEL: 'info', MODE: 'x' } });
    expect(diffPaths(instance(), b, UPDATE_ROOTS)).toEqual(['env.MODE']);
  });

  it('GIVEN credentials going from null to set WHEN diffed THEN the whole credentials path is listed', () => {
    const b = instance({
      credentials: { registry: 'r', username: { value: 'u' }, passwordFromEnv: 'P', email: null },
    });
    expect(diffPaths(instance(), b, UPDATE_ROOTS)).toEqual(['credentials']);
  });

  it('GIVEN a change outside the roots WHEN diffed THEN it is ignored', () => {
    expect(diffPaths(instance(), instance({ count: 5 }), REPLACE_ROOTS)).toEqual([]);
  });
});

describe('diffPaths with partial state', () => {
  it('GIVEN state rebuilt by import with only cpu and memory WHEN diffed THEN unknown fields are not changes', () => {
    const imported = {
      resources: { cpu: 500, memory: '536870912' },
      placement: { mode: 'provider' },
    };
    expect(diffPaths(imported, instance(), [...REPLACE_ROOTS, ...UPDATE_ROOTS])).toEqual([]);
  });

  it('GIVEN state rebuilt by import WHEN a known field differs THEN it is still a change', () => {
    const imported = { resources: { cpu: 250 } };
    expect(diffPaths(imported, instance(), REPLACE_ROOTS)).toEqual(['resources.cpu']);
  });
});
