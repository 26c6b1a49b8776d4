import { describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import { limitsInForce, UNLIMITED } from '../../../../provider/network/network-limits.js';
import { resolveNetwork } from '../../../../provider/network/resolve-network.js';

const declared = { rpcRequestsPerSecond: 10, manifestsPerProvider: 16 };

describe('limitsInForce', () => {
  it("GIVEN a built-in public network WHEN resolved THEN its profile declares the public RPC's rate", () => {
    const choice = resolveNetwork({ flag: 'spheron-mainnet', env: {} });
    expect(choice.kind === 'ready' ? choice.network.limits : null).toEqual(declared);
  });

  it('GIVEN nothing declared WHEN in force THEN no rate limit', () => {
    expect(limitsInForce(undefined, {})).toEqual(UNLIMITED);
  });

  it("GIVEN LEASEHOLD_RPC_URL WHEN in force THEN the public endpoint's rate no longer applies", () => {
    expect(limitsInForce(declared, { LEASEHOLD_RPC_URL: 'https://x' }).rpcRequestsPerSecond).toBe(
      null,
    );
  });

  it('GIVEN LEASEHOLD_RPC_RATE_LIMIT WHEN in force THEN it wins (a number, or none)', () => {
    const env = { LEASEHOLD_RPC_URL: 'https://x', LEASEHOLD_RPC_RATE_LIMIT: '25' };
    expect(limitsInForce(declared, env).rpcRequestsPerSecond).toBe(25);
    expect(limitsInForce(declared, { LEASEHOLD_RPC_RATE_LIMIT: 'none' }).rpcRequestsPerSecond).toBe(
      null,
    );
  });

  it('GIVEN a LEASEHOLD_RPC_RATE_LIMIT that is no rate WHEN in force THEN network/rate-limit-invalid', () => {
    let err: unknown;
    try {
      limitsInForce(declared, { LEASEHOLD_RPC_RATE_LIMIT: 'fast' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeaseholdError);
    expect((err as LeaseholdError).code).toBe('network/rate-limit-invalid');
  });
});
