import { describe, expect, it } from '@jest/globals';
import {
  bumpFees,
  classifyBroadcastError,
  decideTxStep,
} from '../../../../provider/marketplace/decide-tx-step.js';
import type { TxCheck } from '../../../../provider/marketplace/decide-tx-step.js';
import { withHeadroom } from '../../../../provider/marketplace/tx-pipeline.js';

const check = (over: Partial<TxCheck>): TxCheck => ({
  nonce: 7,
  minedCount: 7,
  mined: false,
  known: true,
  sinceSentMs: 1_000,
  stuckAfterMs: 20_000,
  ...over,
});

describe('decideTxStep', () => {
  it('GIVEN a receipt for any version WHEN checked THEN mined', () => {
    expect(decideTxStep(check({ mined: true, minedCount: 8 }))).toBe('mined');
  });

  it('GIVEN a pending transaction the node holds WHEN checked early THEN wait', () => {
    expect(decideTxStep(check({}))).toBe('wait');
  });

  it('GIVEN a transaction the node dropped (nonce gap: not known, nonce unused) WHEN checked THEN re-send', () => {
    expect(decideTxStep(check({ known: false }))).toBe('resend');
  });

  it('GIVEN a transaction pending past the stuck limit (underpriced) WHEN checked THEN re-send with a bumped fee', () => {
    expect(decideTxStep(check({ sinceSentMs: 20_000 }))).toBe('resend');
  });

  it('GIVEN the nonce used and no version of ours mined WHEN checked THEN replaced: never sent again as a new one', () => {
    expect(decideTxStep(check({ minedCount: 8, known: false }))).toBe('replaced');
    expect(decideTxStep(check({ minedCount: 8, known: true }))).toBe('replaced');
  });
});

describe('bumpFees', () => {
  it('GIVEN fees WHEN bumped THEN both rise at least 12.5% (nodes require 10%)', () => {
    const b = bumpFees({ maxFeePerGas: 1000n, maxPriorityFeePerGas: 100n }, null);
    expect(b).toEqual({ maxFeePerGas: 1125n, maxPriorityFeePerGas: 113n });
  });

  it('GIVEN a zero tip (a devnet) WHEN bumped THEN the tip still rises', () => {
    const b = bumpFees({ maxFeePerGas: 0n, maxPriorityFeePerGas: 0n }, null);
    expect(b.maxPriorityFeePerGas).toBe(1n);
    expect(b.maxFeePerGas).toBeGreaterThanOrEqual(1n);
  });

  it('GIVEN the node now suggests more WHEN bumped THEN the suggestion wins', () => {
    const b = bumpFees(
      { maxFeePerGas: 1000n, maxPriorityFeePerGas: 100n },
      { maxFeePerGas: 5000n, maxPriorityFeePerGas: 300n },
    );
    expect(b).toEqual({ maxFeePerGas: 5000n, maxPriorityFeePerGas: 300n });
  });

  it('GIVEN a suggested tip above the bumped max fee WHEN bumped THEN the max fee is never below the tip', () => {
    const b = bumpFees(
      { maxFeePerGas: 10n, maxPriorityFeePerGas: 1n },
      { maxFeePerGas: 0n, maxPriorityFeePerGas: 50n },
    );
    expect(b.maxFeePerGas).toBe(50n);
  });
});

describe('classifyBroadcastError', () => {
  it.each([
    [undefined, 'already known', 'known'],
    ['REPLACEMENT_UNDERPRICED', 'replacement fee too low', 'underpriced'],
    [undefined, 'replacement transaction underpriced', 'underpriced'],
    ['NONCE_EXPIRED', 'nonce has already been used', 'nonce-used'],
    [undefined, 'nonce too low', 'nonce-used'],
    ['INSUFFICIENT_FUNDS', 'insufficient funds for gas', 'fatal'],
  ] as const)('GIVEN code %s and "%s" WHEN classified THEN %s', (code, message, kind) => {
    expect(classifyBroadcastError(code, message)).toBe(kind);
  });
});

describe('withHeadroom', () => {
  it('GIVEN a burst estimate WHEN a gas limit is set THEN it leaves room for running after the others in the block', () => {
    expect(withHeadroom(400_000n)).toBe(520_000n);
  });
});
