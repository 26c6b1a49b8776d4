import { describe, expect, it } from '@jest/globals';
import { resolveBackendConfig } from '../../../../cli/state/backend-config.js';
import { LeaseholdError } from '../../../../cli/diag/index.js';

describe('resolveBackendConfig', () => {
  it('GIVEN no block and no override THEN local (the default)', () => {
    expect(resolveBackendConfig({ env: {} })).toEqual({ type: 'local' });
  });

  it('GIVEN a spec block THEN pg with its schema and keep, defaults filled', () => {
    expect(resolveBackendConfig({ spec: { type: 'pg' }, env: {} })).toEqual({
      type: 'pg',
      schema: 'leasehold',
      keep: 100,
    });
    expect(resolveBackendConfig({ spec: { type: 'pg', schema: 'ops', keep: 5 }, env: {} })).toEqual(
      { type: 'pg', schema: 'ops', keep: 5 },
    );
  });

  it('GIVEN LEASEHOLD_BACKEND and --backend-config THEN the flag wins over the variable, which wins over the spec', () => {
    expect(
      resolveBackendConfig({ spec: { type: 'pg' }, env: { LEASEHOLD_BACKEND: 'local' } }),
    ).toEqual({ type: 'local' });
    expect(resolveBackendConfig({ env: { LEASEHOLD_BACKEND: 'pg' } })).toEqual({
      type: 'pg',
      schema: 'leasehold',
      keep: 100,
    });
    expect(
      resolveBackendConfig({
        spec: { type: 'local' },
        env: { LEASEHOLD_BACKEND: 'local' },
        overrides: ['type=pg', 'schema=team_a', 'keep=7'],
      }),
    ).toEqual({ type: 'pg', schema: 'team_a', keep: 7 });
  });

  it('GIVEN a connection string as a flag, an unknown type or a bad schema THEN state/bad-backend-config', () => {
    for (const input of [
      { env: {}, overrides: ['url=postgres://u:p@h/db'] },
      { env: { LEASEHOLD_BACKEND: 's3' } },
      { env: {}, overrides: ['type=pg', 'schema=Bad-Name'] },
      { env: {}, overrides: ['type=pg', 'keep=0'] },
      { env: {}, overrides: ['nonsense'] },
    ]) {
      let err: unknown;
      try {
        resolveBackendConfig(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LeaseholdError);
      expect((err as LeaseholdError).code).toBe('state/bad-backend-config');
      expect((err as LeaseholdError).message).not.toContain('u:p@');
    }
  });
});
