import { describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import { DEVNET_FAULT_KINDS, parseFault } from '../../../../devnet/supervisor/parse-fault.js';

const providers = ['atlantic-1', 'atlantic-2', 'pacific-1'];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LeaseholdError) return err.code;
    throw err;
  }
  throw new Error('expected a LeaseholdError');
}

describe('parseFault', () => {
  it('GIVEN provider-N WHEN parsing THEN it resolves to the Nth provider (1-based)', () => {
    expect(parseFault({ target: 'provider-2', kind: 'offline', providers })).toEqual({
      kind: 'offline',
      provider: 'atlantic-2',
    });
  });

  it('GIVEN a provider name WHEN parsing THEN it resolves to that provider', () => {
    expect(parseFault({ target: 'pacific-1', kind: 'clear', providers })).toEqual({
      kind: 'clear',
      provider: 'pacific-1',
    });
  });

  it('GIVEN lease:<id> WHEN parsing THEN the lease id is a bigint', () => {
    expect(parseFault({ target: 'lease:42', kind: 'unhealthy', providers })).toEqual({
      kind: 'unhealthy',
      leaseId: 42n,
    });
  });

  it.each(['provider-0', 'provider-4', 'lease:0', 'lease:x', 'nobody', ''])(
    'GIVEN the target %p WHEN parsing THEN it is devnet/unknown-target',
    (target) => {
      expect(codeOf(() => parseFault({ target, kind: 'crash', providers }))).toBe(
        'devnet/unknown-target',
      );
    },
  );

  it('GIVEN an unknown kind WHEN parsing THEN it is devnet/unknown-fault naming the kinds', () => {
    try {
      parseFault({ target: 'provider-1', kind: 'explode', providers });
      throw new Error('expected a throw');
    } catch (err) {
      expect(err).toBeInstanceOf(LeaseholdError);
      const e = err as LeaseholdError;
      expect(e.code).toBe('devnet/unknown-fault');
      expect(e.detail).toContain('"explode"');
      for (const k of DEVNET_FAULT_KINDS) expect(e.detail).toContain(k);
    }
  });
});
