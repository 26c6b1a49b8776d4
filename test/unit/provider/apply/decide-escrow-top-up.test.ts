import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideEscrowTopUp } from '../../../../provider/apply/decide-escrow-top-up.js';
import type { DecideEscrowTopUpInput } from '../../../../provider/apply/decide-escrow-top-up.js';

const base: DecideEscrowTopUpInput = {
  lockNew: 0n,
  updates: [],
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

  it('GIVEN the issue repro (2 s blocks, 8 USDC/h, 24 h lease locking 192, 100 unlocked) WHEN the image changes after 20 h THEN short by 60: only the 32 this lease has not spent is released', () => {
    const usdc = (n: bigint): bigint => n * 1_000_000n;
    const d = decideEscrowTopUp({
      ...base,
      updates: [{ lock: usdc(192n), credit: usdc(32n) }],
      unlocked: usdc(100n),
      locked: usdc(192n),
    });
    expect(d).toEqual({ kind: 'short', shortfall: usdc(60n), why: 'no-top-up' });
  });

  it('GIVEN other leases locked WHEN an update is decided THEN their locks are not credited', () => {
    const d = decideEscrowTopUp({
      ...base,
      updates: [{ lock: 30n, credit: 5n }],
      unlocked: 5n,
      locked: 1_000n,
    });
    expect(d).toEqual({ kind: 'short', shortfall: 20n, why: 'no-top-up' });
    expect(
      decideEscrowTopUp({ ...base, updates: [{ lock: 30n, credit: 25n }], unlocked: 5n }),
    ).toEqual({ kind: 'enough' });
  });

  it('GIVEN an update that frees more than it locks WHEN decided with creates THEN the surplus is not counted for them', () => {
    const d = decideEscrowTopUp({
      ...base,
      lockNew: 10n,
      updates: [{ lock: 5n, credit: 50n }],
      unlocked: 4n,
    });
    expect(d).toEqual({ kind: 'short', shortfall: 6n, why: 'no-top-up' });
  });

  it('GIVEN an update short of escrow and a top-up within the budget WHEN decided THEN the deposit covers what its lease does not free', () => {
    const d = decideEscrowTopUp({
      ...base,
      updates: [{ lock: 192n, credit: 32n }],
      unlocked: 100n,
      locked: 192n,
      topUp: 25n,
    });
    expect(d).toEqual({ kind: 'deposit', amount: 75n });
  });

  it('GIVEN any inputs WHEN a deposit is decided THEN it covers the shortfall, respects the ceiling and the wallet', () => {
    const amt = fc.bigInt({ min: 0n, max: 10_000n });
    const update = fc.record({ lock: amt, credit: amt });
    fc.assert(
      fc.property(
        amt,
        fc.array(update, { maxLength: 4 }),
        amt,
        amt,
        amt,
        fc.bigInt({ min: 1n, max: 500n }),
        amt,
        (lockNew, updates, unlocked, locked, wallet, topUp, ceil) => {
          const input = {
            ...base,
            lockNew,
            updates,
            unlocked,
            locked,
            wallet,
            topUp,
            maxDeposit: ceil,
          };
          const d = decideEscrowTopUp(input);
          const need =
            lockNew +
            updates.reduce((s, u) => s + (u.lock > u.credit ? u.lock - u.credit : 0n), 0n);
          if (d.kind === 'enough') expect(unlocked).toBeGreaterThanOrEqual(need);
          if (d.kind === 'short') expect(d.shortfall).toBe(need - unlocked);
          if (d.kind !== 'deposit') return;
          expect(unlocked + d.amount).toBeGreaterThanOrEqual(need);
          expect(locked + unlocked + d.amount).toBeLessThanOrEqual(ceil);
          expect(d.amount).toBeLessThanOrEqual(wallet);
        },
      ),
    );
  });
});
