import { describe, expect, it } from '@jest/globals';
import { normalizeBooleanFlags, stateFlags } from '../../../cli/flags.js';

describe('normalizeBooleanFlags', () => {
  const flags = { ...stateFlags, verbose: { type: 'boolean' } };

  it('GIVEN --lock=false and --lock=true WHEN normalised THEN they become --no-lock and --lock', () => {
    expect(normalizeBooleanFlags(['rm', '--lock=false', 'instance.web'], flags)).toEqual([
      'rm',
      '--no-lock',
      'instance.web',
    ]);
    expect(normalizeBooleanFlags(['--lock=true'], flags)).toEqual(['--lock']);
  });

  it('GIVEN option flags, non-negatable booleans and positional text WHEN normalised THEN they are untouched', () => {
    const argv = ['--state=false', '--verbose=false', 'x=false', '--lock-timeout=30s', '--lock'];
    expect(normalizeBooleanFlags(argv, flags)).toEqual(argv);
  });
});

describe('normalizeBooleanFlags with --refresh (true, false or chain)', () => {
  const flags = { refresh: { type: 'option', options: ['true', 'false', 'chain'] } };

  it('GIVEN the boolean spellings WHEN normalised THEN they become the option values', () => {
    expect(normalizeBooleanFlags(['--refresh', '--no-refresh'], flags)).toEqual([
      '--refresh=true',
      '--refresh=false',
    ]);
  });

  it('GIVEN --refresh=chain and --refresh=false WHEN normalised THEN they are untouched', () => {
    expect(normalizeBooleanFlags(['--refresh=chain', '--refresh=false'], flags)).toEqual([
      '--refresh=chain',
      '--refresh=false',
    ]);
  });
});

describe('stateFlags', () => {
  it('GIVEN --lock-timeout WHEN parsed by the flag THEN it yields ms, default 0', async () => {
    const flag = stateFlags['lock-timeout'];
    expect(flag.default).toBe(0);
    const parse = flag.parse as (input: string, ctx: unknown, opts: unknown) => Promise<number>;
    expect(await parse('2s', {}, flag)).toBe(2000);
    await expect(parse('2 seconds', {}, flag)).rejects.toThrow(/ms\|s\|m/);
  });
});
