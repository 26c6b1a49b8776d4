import { describe, expect, it } from '@jest/globals';
import { HDNodeWallet, Mnemonic } from 'ethers';
import {
  DEPLOYER,
  DEV_ACCOUNTS,
  DEV_MNEMONIC,
  DEV_WALLET,
  MATCHER,
  PROVIDER_ACCOUNTS,
  providerAccount,
} from '../../../wire/dev-accounts.js';

describe('dev accounts', () => {
  it('GIVEN the anvil mnemonic WHEN accounts 0–9 are derived THEN each listed key and address matches', () => {
    const m = Mnemonic.fromPhrase(DEV_MNEMONIC);
    for (const a of DEV_ACCOUNTS) {
      const w = HDNodeWallet.fromMnemonic(m, `m/44'/60'/0'/0/${a.index}`);
      expect([a.address, a.privateKey]).toEqual([w.address, w.privateKey]);
    }
    expect(DEV_ACCOUNTS).toHaveLength(10);
  });

  it('GIVEN the roles WHEN read THEN 0 is the wallet, 1 the deployer, 2 the matcher, 3–7 providers 1–5', () => {
    expect([DEV_WALLET.index, DEPLOYER.index, MATCHER.index]).toEqual([0, 1, 2]);
    expect(PROVIDER_ACCOUNTS.map((a) => a.index)).toEqual([3, 4, 5, 6, 7]);
    expect(providerAccount(1).index).toBe(3);
    expect(providerAccount(5).index).toBe(7);
  });

  it('GIVEN a provider number outside 1–5 WHEN looked up THEN it throws', () => {
    expect(() => providerAccount(0)).toThrow(RangeError);
    expect(() => providerAccount(6)).toThrow(RangeError);
  });
});
