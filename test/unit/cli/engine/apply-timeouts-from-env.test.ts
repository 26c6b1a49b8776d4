import { describe, expect, it } from '@jest/globals';
import { DiagnosticsError } from '../../../../cli/diag/index.js';
import { applyTimeoutsFromEnv } from '../../../../cli/engine/apply-timeouts-from-env.js';

describe('applyTimeoutsFromEnv', () => {
  it('GIVEN no variables WHEN read THEN nothing is overridden', () => {
    expect(applyTimeoutsFromEnv({})).toEqual({});
  });

  it('GIVEN all four variables WHEN read THEN each becomes its timeout in ms', () => {
    expect(
      applyTimeoutsFromEnv({
        LEASEHOLD_APPLY_MATCH_TIMEOUT: '5s',
        LEASEHOLD_APPLY_MANIFEST_TIMEOUT: '1500ms',
        LEASEHOLD_APPLY_READY_TIMEOUT: '2m',
        LEASEHOLD_APPLY_PENDING_TIMEOUT: '90s',
      }),
    ).toEqual({ matchMs: 5000, manifestMs: 1500, readyMs: 120_000, pendingMs: 90_000 });
  });

  it('GIVEN an empty variable WHEN read THEN it counts as unset', () => {
    expect(applyTimeoutsFromEnv({ LEASEHOLD_APPLY_READY_TIMEOUT: '' })).toEqual({});
  });

  it.each(['0', '10', 'soon', '-5s'])(
    'GIVEN LEASEHOLD_APPLY_MATCH_TIMEOUT=%j WHEN read THEN apply/invalid-timeout names the variable and value',
    (text) => {
      let caught: unknown = null;
      try {
        applyTimeoutsFromEnv({ LEASEHOLD_APPLY_MATCH_TIMEOUT: text });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DiagnosticsError);
      const [d] = (caught as DiagnosticsError).diagnostics;
      expect(d?.code).toBe('apply/invalid-timeout');
      expect(d?.detail).toContain(`LEASEHOLD_APPLY_MATCH_TIMEOUT="${text}"`);
    },
  );
});
