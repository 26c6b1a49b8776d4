import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { anvilArgs, anvilBinary } from '../../../../devnet/chain/start-anvil.js';

describe('anvilArgs', () => {
  it('GIVEN no options WHEN args are built THEN anvil automines on a free loopback port with chain 31337', () => {
    expect(anvilArgs({})).toEqual([
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--chain-id',
      '31337',
      '--gas-limit',
      '150000000',
    ]);
  });

  it('GIVEN a burst of 100 orders of ~400k gas WHEN the block gas limit is set THEN they fit one block', () => {
    const args = anvilArgs({ gasLimit: undefined });
    expect(Number(args[args.indexOf('--gas-limit') + 1])).toBeGreaterThanOrEqual(100 * 400_000);
  });

  it('GIVEN a block time and a state file WHEN args are built THEN interval mining and persistence are on', () => {
    expect(
      anvilArgs({
        host: '127.0.0.2',
        port: 8545,
        blockTime: 1,
        statePath: '/s/state.json',
        stateInterval: 5,
        chainId: 7,
      }),
    ).toEqual([
      '--host',
      '127.0.0.2',
      '--port',
      '8545',
      '--chain-id',
      '7',
      '--gas-limit',
      '150000000',
      '--block-time',
      '1',
      '--state',
      '/s/state.json',
      '--state-interval',
      '5',
    ]);
  });

  it('GIVEN blockTime null and a state interval without a file WHEN args are built THEN neither is passed', () => {
    expect(anvilArgs({ blockTime: null, stateInterval: 5 })).not.toContain('--state-interval');
    expect(anvilArgs({ blockTime: null })).not.toContain('--block-time');
  });
});

describe('anvilBinary', () => {
  it('GIVEN the installed @foundry-rs/anvil WHEN resolved THEN the file exists', () => {
    expect(existsSync(anvilBinary())).toBe(true);
  });
});
