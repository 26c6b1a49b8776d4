import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { marketplaceInterfaces } from '../../../../wire/contract-interfaces.js';
import { encodeCall } from '../../../../provider/marketplace/encode-call.js';

const i = marketplaceInterfaces();

describe('encodeCall', () => {
  it('GIVEN uint256 ids and addresses WHEN encoded leanly THEN the calldata equals ethers encodeFunctionData', () => {
    const leases = i.ComputeLease.getFunction('leases');
    const byAddress = i.ProviderRegistry.getFunction('getProviderByAddress');
    if (leases === null || byAddress === null) throw new Error('ABI changed');
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        (id, bytes) => {
          const address = `0x${Buffer.from(bytes).toString('hex')}`;
          expect(encodeCall(i.ComputeLease, leases, [id])).toBe(
            i.ComputeLease.encodeFunctionData(leases, [id]),
          );
          expect(encodeCall(i.ProviderRegistry, byAddress, [address])).toBe(
            i.ProviderRegistry.encodeFunctionData(byAddress, [address]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('GIVEN a value out of range or a function with other inputs WHEN encoded THEN ethers decides (and reports the error)', () => {
    const leases = i.ComputeLease.getFunction('leases');
    const userData = i.EscrowUser.getFunction('getUserData');
    if (leases === null || userData === null) throw new Error('ABI changed');
    expect(() => encodeCall(i.ComputeLease, leases, [-1n])).toThrow();
    const a = `0x${'11'.repeat(20)}`;
    expect(encodeCall(i.EscrowUser, userData, [a, a, false])).toBe(
      i.EscrowUser.encodeFunctionData(userData, [a, a, false]),
    );
  });
});
