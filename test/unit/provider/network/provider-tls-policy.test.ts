import { describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import { NETWORK_PROFILES } from '../../../../provider/network/network-profiles.js';
import { tlsPolicyInForce } from '../../../../provider/network/provider-tls-policy.js';
import { resolveNetwork } from '../../../../provider/network/resolve-network.js';

describe('provider TLS policy of a network', () => {
  it.each(['spheron-mainnet', 'spheron-testnet'])(
    'GIVEN the built-in %s WHEN resolved THEN its profile pins the registered certificates',
    (name) => {
      expect(NETWORK_PROFILES.get(name)?.providerTls).toBe('pin');
      const choice = resolveNetwork({ flag: name, env: {} });
      expect(choice.kind === 'ready' ? choice.network.providerTls : null).toBe('pin');
    },
  );

  it('GIVEN nothing declared and no override WHEN in force THEN pin', () => {
    expect(tlsPolicyInForce(undefined, {})).toBe('pin');
    expect(tlsPolicyInForce(undefined, { LEASEHOLD_PROVIDER_TLS: '  ' })).toBe('pin');
  });

  it.each([
    ['pin', 'tofu', 'tofu'],
    ['pin', 'insecure', 'insecure'],
    ['tofu', 'pin', 'pin'],
    ['insecure', undefined, 'insecure'],
  ] as const)(
    'GIVEN the profile says %s and LEASEHOLD_PROVIDER_TLS=%s WHEN in force THEN %s',
    (declared, env, want) => {
      expect(tlsPolicyInForce(declared, { LEASEHOLD_PROVIDER_TLS: env })).toBe(want);
    },
  );

  it('GIVEN LEASEHOLD_PROVIDER_TLS names no policy WHEN in force THEN network/provider-tls-invalid lists the policies', () => {
    let err: unknown;
    try {
      tlsPolicyInForce('pin', { LEASEHOLD_PROVIDER_TLS: 'off' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeaseholdError);
    expect(err).toMatchObject({ code: 'network/provider-tls-invalid' });
    expect((err as LeaseholdError).detail).toContain('"off"');
    expect((err as LeaseholdError).detail).toContain('pin, tofu, insecure');
  });
});
