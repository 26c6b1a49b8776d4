import { describe, expect, it } from '@jest/globals';
import {
  parseSupervisorArgs,
  toSupervisorArgv,
} from '../../../../devnet/supervisor/supervisor-args.js';

describe('supervisor args', () => {
  it('GIVEN full args WHEN rendered and parsed back THEN they round-trip', () => {
    const args = {
      home: '/tmp/h',
      blockTime: 0.25,
      port: 0,
      manifestTimeoutMs: 3000,
      startDelayMs: 50,
    };
    expect(parseSupervisorArgs(toSupervisorArgv(args))).toEqual(args);
  });

  it('GIVEN automine WHEN rendered and parsed back THEN block time is null', () => {
    const args = { home: '/h', blockTime: null, port: 8545 };
    expect(toSupervisorArgv(args)).toContain('auto');
    expect(parseSupervisorArgs(toSupervisorArgv(args))).toEqual(args);
  });

  it('GIVEN only --home WHEN parsing THEN the defaults are 1 s blocks on port 8545', () => {
    expect(parseSupervisorArgs(['--home', '/h'])).toEqual({ home: '/h', blockTime: 1, port: 8545 });
  });

  it.each([
    [[]],
    [['--home']],
    [['--home', '/h', '--block-time', '0']],
    [['--home', '/h', '--port', '70000']],
    [['home', '/h']],
  ])('GIVEN malformed argv %p WHEN parsing THEN it throws', (argv) => {
    expect(() => parseSupervisorArgs(argv)).toThrow(/supervisor:/);
  });
});
