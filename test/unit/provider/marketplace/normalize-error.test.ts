import { describe, expect, it } from '@jest/globals';
import { marketplaceInterfaces } from '../../../../wire/contract-interfaces.js';
import {
  decodeRevert,
  isTransientRpcError,
  normalizeError,
} from '../../../../provider/marketplace/normalize-error.js';

const revert = (name: string, args: unknown[] = []) => ({
  code: 'CALL_EXCEPTION',
  shortMessage: 'execution reverted (unknown custom error)',
  data: marketplaceInterfaces().errors.encodeErrorResult(name, args),
});

describe('normalizeError', () => {
  it('GIVEN an InsufficientBalance revert WHEN normalised with a formatter THEN both amounts are in token units', () => {
    const e = normalizeError(
      revert('InsufficientBalance(uint256,uint256)', [10_000_000n, 50_000_000n]),
      {
        action: 'withdraw',
        formatAmount: (b) => `${Number(b) / 1e6} USDT`,
      },
    );
    expect(e).toMatchObject({
      code: 'marketplace/insufficient-balance',
      detail:
        'withdraw: the contract reverted InsufficientBalance — available 10 USDT, required 50 USDT.',
    });
  });

  it('GIVEN a revert nested in info.error.data WHEN decoded THEN its name is found', () => {
    const data = marketplaceInterfaces().errors.encodeErrorResult('OrderNotFound', []);
    expect(decodeRevert({ code: 'CALL_EXCEPTION', info: { error: { data } } })).toEqual({
      name: 'OrderNotFound',
      signature: 'OrderNotFound()',
      args: [],
    });
  });

  it('GIVEN another custom error WHEN normalised THEN its own code names it with the order id', () => {
    const e = normalizeError(revert('LeaseAlreadyTerminated'), {
      action: 'closeLease',
      orderId: 7n,
    });
    expect(e.code).toBe('marketplace/lease-already-terminated');
    expect(e.detail).toBe('closeLease, order 7: the contract reverted LeaseAlreadyTerminated().');
  });

  it('GIVEN an RPC URL with credentials in the message WHEN normalised THEN they are redacted', () => {
    const e = normalizeError(
      {
        code: 'NETWORK_ERROR',
        message: 'request to https://user:hunter2@rpc.example.com/v2/abc failed',
      },
      { action: 'read leases' },
    );
    expect(e.code).toBe('marketplace/rpc-failed');
    expect(e.detail).not.toContain('hunter2');
  });

  it('GIVEN insufficient gas WHEN normalised THEN marketplace/insufficient-gas', () => {
    expect(normalizeError({ code: 'INSUFFICIENT_FUNDS' }, { action: 'createOrder' }).code).toBe(
      'marketplace/insufficient-gas',
    );
  });
});

describe('isTransientRpcError', () => {
  it.each([
    [{ code: 'TIMEOUT' }, true],
    [
      { code: 'SERVER_ERROR', shortMessage: 'server response 503', response: { statusCode: 503 } },
      true,
    ],
    [
      { code: 'SERVER_ERROR', shortMessage: 'server response 429', response: { statusCode: 429 } },
      true,
    ],
    [
      { code: 'SERVER_ERROR', shortMessage: 'server response 400', response: { statusCode: 400 } },
      false,
    ],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    [{ code: 'UNKNOWN_ERROR', error: { code: 'ETIMEDOUT' } }, true],
    [{ code: 'CALL_EXCEPTION', shortMessage: 'execution reverted' }, false],
    // Numbers and words in a message are not a classification: no status, no code, no retry.
    [{ code: 'UNKNOWN_ERROR', message: 'insufficient funds: have 5000 want 5009' }, false],
    [{ code: 'BAD_DATA', message: 'could not decode result: timeout field 503' }, false],
  ])('GIVEN %j WHEN classified THEN transient is %s', (err, want) => {
    expect(isTransientRpcError(err)).toBe(want);
  });
});
