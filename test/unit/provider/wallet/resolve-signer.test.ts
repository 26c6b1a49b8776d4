import { describe, expect, it } from '@jest/globals';
import { keystorePath, resolveSigner } from '../../../../provider/wallet/resolve-signer.js';

const none = (): boolean => false;
const all = (): boolean => true;

describe('resolveSigner', () => {
  it('GIVEN LEASEHOLD_PRIVATE_KEY and a keystore WHEN resolved THEN the env key wins', () => {
    expect(
      resolveSigner({ env: { LEASEHOLD_PRIVATE_KEY: '0xabc' }, exists: all, devWallet: true }),
    ).toEqual({
      kind: 'private-key',
      from: 'LEASEHOLD_PRIVATE_KEY',
    });
  });

  it('GIVEN a keystore under LEASEHOLD_HOME WHEN resolved THEN it is used before the dev wallet', () => {
    expect(resolveSigner({ env: { LEASEHOLD_HOME: '/h' }, exists: all, devWallet: true })).toEqual({
      kind: 'keystore',
      path: '/h/wallets/default.json',
    });
  });

  it('GIVEN no key and no keystore WHEN on a network with a dev wallet THEN the dev wallet; elsewhere none', () => {
    expect(resolveSigner({ env: { LEASEHOLD_HOME: '/h' }, exists: none, devWallet: true })).toEqual(
      { kind: 'dev-wallet' },
    );
    expect(
      resolveSigner({ env: { LEASEHOLD_HOME: '/h' }, exists: none, devWallet: false }),
    ).toEqual({
      kind: 'none',
      keystore: '/h/wallets/default.json',
    });
  });

  it('GIVEN LEASEHOLD_KEYSTORE naming a missing file WHEN resolved THEN that keystore is chosen (so its absence is reported)', () => {
    expect(
      resolveSigner({ env: { LEASEHOLD_KEYSTORE: '/k.json' }, exists: none, devWallet: true }),
    ).toEqual({
      kind: 'keystore',
      path: '/k.json',
    });
  });

  it('GIVEN an empty LEASEHOLD_PRIVATE_KEY WHEN resolved THEN it is ignored', () => {
    expect(
      resolveSigner({
        env: { LEASEHOLD_PRIVATE_KEY: ' ', LEASEHOLD_HOME: '/h' },
        exists: none,
        devWallet: true,
      }).kind,
    ).toBe('dev-wallet');
    expect(keystorePath({ LEASEHOLD_HOME: '' })).toMatch(/\.leasehold\/wallets\/default\.json$/);
  });
});
