import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { durationFlag, normalizeBooleanFlags, stateFlags } from '../../../cli/flags.js';

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

describe('duration flags (issue 11 item 4)', () => {
  it('GIVEN durationFlag WHEN its help default is asked THEN it reads as a duration, the value stays ms', async () => {
    const flag = durationFlag({ summary: 'Time between cycles.', default: 15_000 });
    expect(flag.default).toBe(15_000);
    const help = flag.defaultHelp as (ctx: unknown) => Promise<string>;
    expect(await help({})).toBe('15s');
  });

  it('GIVEN every command in the manifest WHEN a DURATION flag has a default THEN help shows it as 15s, not 15000', () => {
    const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
    const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
      commands: Record<
        string,
        { flags: Record<string, { helpValue?: string; default?: unknown }> }
      >;
    };
    const bare = Object.entries(manifest.commands).flatMap(([id, c]) =>
      Object.entries(c.flags)
        .filter(([, f]) => f.helpValue === 'DURATION' && typeof f.default === 'number')
        .map(([name, f]) => `${id} --${name} ${String(f.default)}`),
    );
    expect(bare).toEqual([]);
    expect(manifest.commands['autoscale']?.flags['interval']?.default).toBe('15s');
  });
});
