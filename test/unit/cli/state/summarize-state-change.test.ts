import { describe, expect, it } from '@jest/globals';
import { activityWho } from '../../../../cli/state/activity-who.js';
import { summarizeStateChange } from '../../../../cli/state/summarize-state-change.js';
import { instance, lease, sampleState } from './state-fixtures.js';

describe('summarizeStateChange', () => {
  it('GIVEN the first version THEN it counts resources and leases', () => {
    expect(summarizeStateChange(null, sampleState())).toBe('new lineage: 2 resources, 2 leases');
  });

  it('GIVEN a lease added and one changed THEN both are named', () => {
    const before = sampleState();
    const after = sampleState({
      resources: [
        before.resources[0]!,
        instance('web', [
          { ...lease('0', '7'), status: 'tainted' },
          lease('1', '8'),
          lease('2', '9'),
        ]),
      ],
    });
    expect(summarizeStateChange(before, after)).toBe('+1 lease, 1 lease changed');
    expect(summarizeStateChange(before, before)).toBe('no change');
  });
});

describe('activityWho', () => {
  it('GIVEN GitHub Actions THEN the job, never a token', () => {
    const who = activityWho({
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_RUN_ID: '9',
      GITHUB_JOB: 'apply',
      GITHUB_ACTOR: 'ana',
      GITHUB_TOKEN: 'ghs_secret',
    });
    expect(who).toBe('github:acme/infra run 9 job apply by ana');
  });

  it('GIVEN a laptop THEN user@host', () => {
    expect(activityWho({})).toMatch(/^[^@\s]+@\S+$/);
  });
});
