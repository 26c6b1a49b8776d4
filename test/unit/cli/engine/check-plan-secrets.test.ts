import { describe, expect, it } from '@jest/globals';
import { checkPlanSecrets } from '../../../../cli/engine/check-plan-secrets.js';
import type { Change } from '../../../../cli/plan/plan-types.js';

// Issue 11 item 8: plan warns about a secret variable that is missing, or set but empty.
const change = (action: Change['action'], fromEnv: string): Change => ({
  address: 'instance.web[0]',
  resource: 'instance.web',
  type: 'instance',
  name: 'web',
  key: '0',
  action,
  before: null,
  after: { secrets: [{ name: 'API_KEY', fromEnv }] },
  afterUnknown: [],
  sensitivePaths: ['secrets.*'],
});

describe('checkPlanSecrets', () => {
  it('GIVEN a create reading an unset variable WHEN checked THEN a missing-secret warning names it', () => {
    const d = checkPlanSecrets([change('create', 'WEB_API_KEY')], {});
    expect(d.map((x) => [x.severity, x.code])).toEqual([['warning', 'plan/missing-secret']]);
    expect(d[0]?.detail).toContain('WEB_API_KEY');
  });

  it('GIVEN the variable set but empty WHEN checked THEN an empty-secret warning', () => {
    const d = checkPlanSecrets([change('update', 'WEB_API_KEY')], { WEB_API_KEY: '' });
    expect(d.map((x) => x.code)).toEqual(['plan/empty-secret']);
  });

  it('GIVEN a value, or a change that sends no manifest WHEN checked THEN nothing, and no value in any text', () => {
    expect(checkPlanSecrets([change('create', 'K')], { K: 's3cret' })).toEqual([]);
    expect(checkPlanSecrets([change('no-op', 'K'), change('delete', 'K')], {})).toEqual([]);
  });
});
