import { describe, expect, it } from '@jest/globals';
import {
  checkInstanceCount,
  DEFAULT_SPEC_LIMITS,
  fileTooLargeDiag,
  specLimitsFromEnv,
} from '../../../../provider/spec/spec-limits.js';

describe('specLimitsFromEnv', () => {
  it('GIVEN no variables WHEN read THEN the defaults, well above the 500-instance bench spec', () => {
    expect(specLimitsFromEnv({})).toEqual({ ok: true, limits: DEFAULT_SPEC_LIMITS });
    expect(DEFAULT_SPEC_LIMITS).toEqual({
      maxBytes: 4 * 1024 * 1024,
      maxInstances: 5000,
      maxDepth: 64,
      maxAliases: 100,
    });
  });

  it('GIVEN each variable WHEN read THEN it raises its limit; bytes also take a size', () => {
    const r = specLimitsFromEnv({
      LEASEHOLD_MAX_SPEC_BYTES: '16Mi',
      LEASEHOLD_MAX_INSTANCES: '20000',
      LEASEHOLD_MAX_SPEC_DEPTH: '128',
      LEASEHOLD_MAX_YAML_ALIASES: ' 1000 ',
    });
    expect(r).toEqual({
      ok: true,
      limits: { maxBytes: 16 * 1024 * 1024, maxInstances: 20000, maxDepth: 128, maxAliases: 1000 },
    });
    expect(
      specLimitsFromEnv({ LEASEHOLD_MAX_SPEC_BYTES: '1048576', LEASEHOLD_MAX_INSTANCES: '' }),
    ).toMatchObject({ ok: true, limits: { maxBytes: 1048576, maxInstances: 5000 } });
  });

  it.each([
    ['LEASEHOLD_MAX_INSTANCES', 'lots', 'a whole number above 0'],
    ['LEASEHOLD_MAX_INSTANCES', '0', 'a whole number above 0'],
    ['LEASEHOLD_MAX_INSTANCES', '-5', 'a whole number above 0'],
    ['LEASEHOLD_MAX_INSTANCES', '1.5', 'a whole number above 0'],
    ['LEASEHOLD_MAX_SPEC_BYTES', '16MB', 'a size such as 16Mi or 16777216'],
    ['LEASEHOLD_MAX_SPEC_DEPTH', '100000', 'a whole number from 1 to 256'],
    ['LEASEHOLD_MAX_YAML_ALIASES', 'none', 'a whole number above 0'],
  ])(
    'GIVEN %s=%s WHEN read THEN spec/invalid-limit names the variable and the form',
    (name, value, form) => {
      const r = specLimitsFromEnv({ [name]: value });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.diagnostics).toEqual([
        expect.objectContaining({
          code: 'spec/invalid-limit',
          detail: `${name}="${value}": expected ${form}.`,
          hint: `Set ${name} to ${form}, or unset it for the default.`,
        }),
      ]);
    },
  );
});

describe('limit diagnostics', () => {
  it('GIVEN a 10 MB file WHEN refused THEN the size, the limit and a variable setting that fits are named', () => {
    const d = fileTooLargeDiag('big.yaml', 10_288_912, DEFAULT_SPEC_LIMITS);
    expect(d).toMatchObject({
      severity: 'error',
      code: 'spec/file-too-large',
      detail:
        '`big.yaml` is 10,288,912 bytes; Leasehold reads spec files up to 4,194,304 bytes (4Mi). Nothing of it was parsed.',
      hint: 'Split the stack into smaller ones, or raise the limit: LEASEHOLD_MAX_SPEC_BYTES=16Mi.',
    });
  });

  it('GIVEN instances as a mapping or a list WHEN counted THEN only more than the limit is refused', () => {
    const limits = { ...DEFAULT_SPEC_LIMITS, maxInstances: 2 };
    expect(checkInstanceCount({ instances: { a: {}, b: {} } }, 'f', limits)).toBeUndefined();
    expect(checkInstanceCount({ instances: [1, 2, 3] }, 'f', limits)?.code).toBe(
      'spec/too-many-instances',
    );
    expect(checkInstanceCount({ instances: { a: {}, b: {}, c: {} } }, 'f', limits)?.hint).toBe(
      'Split the stack into smaller ones, or raise the limit: LEASEHOLD_MAX_INSTANCES=3.',
    );
    expect(checkInstanceCount({ instances: 'web' }, 'f', limits)).toBeUndefined();
    expect(checkInstanceCount(null, 'f', limits)).toBeUndefined();
  });
});
