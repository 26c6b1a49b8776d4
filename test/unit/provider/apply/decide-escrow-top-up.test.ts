import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideEscrowTopUp } from '../../../../provider/apply/decide-escrow-top-up.js';
import type { DecideEscrowTopUpInput } from '../../../../provider/apply/decide-escrow-top-up.js';

const base: DecideEscrowTopUpInput = {
  lockNew: 0n,
  lockUpdate: 0n,
  unlocked: 0n,
  locked: 0n,
  wallet: 1_000n,
  topUp: null,
  maxDeposit: null,
};

describe('decideEscrowTopUp', () => {
  it('GIVEN unlocked escrow covering the plan WHEN decided THEN enough', () => {
    expect(decideEscrowTopUp({ ...base, lockNew: 10n, unlocked: 10n })).toEqual({ kind: 'enough' });
  });

  it('GIVEN a shortfall and no top-up WHEN decided THEN short by the exact amount', () => {
    expect(decideEscrowTopUp({ ...base, lockNew: 25n, unlocked: 10n })).toEqual({
      kind: 'short',
      shortfall: 15n,
      why: 'no-top-up',
    });
  });

  it('GIVEN a shortfall and a top-up step WHEN decided THEN whole steps are deposited', () => {
    expect(decideEscrowTopUp({ ...base, lockNew: 25n, unlocked: 10n, topUp: 10n })).toEqual({
      kind: 'deposit',
      amount: 20n,
    });
  });

  it('GIVEN a ceiling below what the plan needs WHEN decided THEN short because of the ceiling', () => {
    const d = decideEscrowTopUp({
      ...base,
      lockNew: 25n,
      unlocked: 10n,
      locked: 5n,
      topUp: 10n,
      maxDeposit: 20n,
    });
    expect(d).toEqual({ kind: 'short', shortfall: 15n, why: 'ceiling' });
  });

  it('GIVEN a last step crossing the ceiling WHEN decided THEN the deposit stops at the ceiling', () => {
    const d = decideEscrowTopUp({
      ...base,
      lockNew: 25n,
      unlocked: 10n,
      topUp: 10n,
      maxDeposit: 28n,
    });
    expect(d).toEqual({ kind: 'deposit', amount: 18n });
  });

  it('GIVEN a wallet short of the shortfall WHEN decided THEN short because of the wallet', () => {
    const d = decideEscrowTopUp({ ...base, lockNew: 25n, unlocked: 10n, topUp: 10n, wallet: 12n });
    expect(d).toEqual({ kind: 'short', shortfall: 15n, why: 'wallet' });
  });

  it('GIVEN an update WHEN decided THEN the locked balance it releases counts', () => {
    expect(decideEscrowTopUp({ ...base, lockUpdate: 30n, unlocked: 5n, locked: 25n })).toEqual({
      kind: 'enough',
    });
    expect(
      decideEscrowTopUp({ ...base, lockNew: 5n, lockUpdate: 30n, unlocked: 5n, locked: 25n }),
    ).toEqual({
      kind: 'short',
      shortfall: 5n,
      why: 'no-top-up',
    });
  });

  it('GIVEN any inputs WHEN a deposit is decided THEN it covers the shortfall, respects the ceiling and the wallet', () => {
    const amt = fc.bigInt({ min: 0n, max: 10_000n });
    fc.assert(
      fc.property(
        amt,
        amt,
        amt,
        amt,
        fc.bigInt({ min: 1n, max: 500n }),
        amt,
        (lockNew, unlocked, locked, wallet, topUp, ceil) => {
          const input = { ...base, lockNew, unlocked, locked, wallet, topUp, maxDeposit: ceil };
          const d = decideEscrowTopUp(input);
          if (d.kind !== 'deposit') return;
          expect(unlocked + d.amount).toBeGreaterThanOrEqual(lockNew);
          expect(locked + unlocked + d.amount).toBeLessThanOrEqual(ceil);
          expect(d.amount).toBeLessThanOrEqual(wallet);
        },
      ),
    );
  });
});
