import { describe, expect, it } from '@jest/globals';
import { marketplaceInterfaces } from '../../../../provider/marketplace/contract-interfaces.js';
import { decodeRevert, normalizeError } from '../../../../provider/marketplace/normalize-error.js';
import { isTransientRpcError } from '../../../../provider/marketplace/counting-provider.js';

const revert = (name: string, args: unknown[] = []) => ({
  code: 'CALL_EXCEPTION',
  shortMessage: 'execution reverted (unknown custom error)',
  data: marketplaceInterfaces().errors.encodeErrorResult(name, args),
});

describe('normalizeError', () => {
  it('GIVEN an InsufficientBalance revert WHEN normalised with a formatter THEN both amounts are in token units', () => {
    const e = normalizeError(revert('InsufficientBalance', [10_000_000n, 50_000_000n]), {
      action: 'withdraw',
      formatAmount: (b) => `${Number(b) / 1e6} USDT`,
    });
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
      args: [],
    });
  });

  it('GIVEN another custom error WHEN normalised THEN marketplace/contract-error names it with the order id', () => {
    const e = normalizeError(revert('LeaseAlreadyTerminated'), {
      action: 'closeLease',
      orderId: 7n,
    });
    expect(e.code).toBe('marketplace/contract-error');
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
    [{ code: 'SERVER_ERROR', shortMessage: 'server response 503 Service Unavailable' }, true],
    [{ code: 'SERVER_ERROR', shortMessage: 'server response 429 Too Many Requests' }, true],
    [{ message: 'read ECONNRESET' }, true],
    [{ code: 'CALL_EXCEPTION', shortMessage: 'execution reverted' }, false],
    [{ code: 'SERVER_ERROR', shortMessage: 'server response 400 Bad Request' }, false],
  ])('GIVEN %j WHEN classified THEN transient is %s', (err, want) => {
    expect(isTransientRpcError(err)).toBe(want);
  });
});
