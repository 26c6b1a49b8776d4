import { describe, expect, it } from '@jest/globals';
import { encodePlan, decodePlan } from '../../../../cli/plan/plan-file.js';
import {
  locateStackOfPlan,
  readPlanSource,
  toPlanSource,
} from '../../../../cli/plan/plan-source.js';
import { PLAN } from '../render/plan-fixture.js';

// A saved plan remembers its stack, relative to the plan file, so `apply plan.json` needs no -f.
describe('plan source', () => {
  it('GIVEN plan -f app/leasehold.yaml --out plans/p.json WHEN recorded and applied from another cwd THEN the spec is found through the plan', () => {
    const source = toPlanSource({
      cwd: '/work',
      out: '/work/plans/p.json',
      file: 'app/leasehold.yaml',
      dir: '/work/app',
    });
    expect(source).toEqual({ file: '../app/leasehold.yaml', dir: '../app' });
    const text = JSON.stringify(encodePlan(PLAN, source));
    expect(decodePlan(text, { file: 'p.json' }).diagnostics).toEqual([]);
    expect(
      locateStackOfPlan({ cwd: '/elsewhere' }, readPlanSource(text), '/work/plans/p.json'),
    ).toEqual({
      file: '/work/app/leasehold.yaml',
      app: undefined,
      statePath: undefined,
      cwd: '/elsewhere',
    });
  });

  it('GIVEN -f given at apply WHEN the plan records another spec THEN -f wins, and a recorded --state fills in', () => {
    const source = { file: 'leasehold.yaml', dir: '.', state: 'prod.state.json' };
    expect(locateStackOfPlan({ cwd: '/w', file: 'other.yaml' }, source, 'p.json')).toEqual({
      cwd: '/w',
      file: 'other.yaml',
      statePath: '/w/prod.state.json',
    });
  });

  it('GIVEN an --app plan without cdktf.json WHEN applied THEN the app runs in the recorded directory', () => {
    const source = toPlanSource({
      cwd: '/p',
      out: '/p/p.json',
      file: '.',
      app: 'node main.js',
      dir: '/p',
    });
    expect(source).toEqual({ app: 'node main.js', dir: '.' });
    expect(locateStackOfPlan({ cwd: '/x' }, source, '/p/p.json')).toMatchObject({
      app: 'node main.js',
      cwd: '/p',
    });
  });

  it('GIVEN a plan of an older version or not JSON WHEN read THEN no source, and the flags stand', () => {
    expect(readPlanSource(JSON.stringify(encodePlan(PLAN)))).toBeUndefined();
    expect(readPlanSource('yes')).toBeUndefined();
    expect(locateStackOfPlan({ cwd: '/w' }, undefined, 'p.json')).toEqual({ cwd: '/w' });
  });
});
