import { describe, expect, it } from '@jest/globals';
import { LeaseholdProvider } from '../../../../provider/constructs/leasehold-provider.js';
import { newStack, synthJson } from './synth-stack.js';

describe('LeaseholdProvider', () => {
  it('GIVEN stack, network, budget and defaults WHEN synthesized THEN the provider block keeps camelCase keys', () => {
    const stack = newStack();
    new LeaseholdProvider(stack, 'leasehold', {
      stack: 'web',
      network: {
        name: 'staging',
        rpcUrl: 'http://127.0.0.1:8545',
        chainId: 31337,
        addressBook: 'a.json',
      },
      budget: { maxPerHour: '15', token: 'USDT', escrow: { runway: '24h', topUp: '50' } },
      defaults: { pricing: { maxPerHour: '1', token: 'USDT' } },
    });
    expect(synthJson(stack)['provider']).toEqual({
      leasehold: [
        {
          stack: 'web',
          network: {
            name: 'staging',
            rpcUrl: 'http://127.0.0.1:8545',
            chainId: 31337,
            addressBook: 'a.json',
          },
          budget: { maxPerHour: '15', token: 'USDT', escrow: { runway: '24h', topUp: '50' } },
          defaults: { pricing: { maxPerHour: '1', token: 'USDT' } },
        },
      ],
    });
  });

  it('GIVEN a custom network with rpcUrl fromEnv and a block time WHEN synthesized THEN both are kept as written', () => {
    const stack = newStack();
    const network = {
      name: 'base-fork',
      rpcUrl: { fromEnv: 'BASE_FORK_RPC_URL' },
      chainId: 8453,
      addressBook: 'a.json',
      blockTime: '2s',
    };
    new LeaseholdProvider(stack, 'leasehold', { stack: 'web', network });
    expect(synthJson(stack)['provider']).toEqual({ leasehold: [{ stack: 'web', network }] });
  });

  it('GIVEN only a stack name WHEN synthesized THEN unset props are absent', () => {
    const stack = newStack();
    new LeaseholdProvider(stack, 'leasehold', { stack: 'web', budget: undefined });
    expect(synthJson(stack)['provider']).toEqual({ leasehold: [{ stack: 'web' }] });
  });
});
