import { describe, expect, it } from '@jest/globals';
import { Wallet } from 'ethers';
import { createAuthToken, verifyAuthToken } from '../../../../wire/auth-token.js';
import {
  createAuthTokenCache,
  isTokenReusable,
  READ_TOKEN_REUSE_MS,
} from '../../../../provider/marketplace/auth-token-cache.js';

/** A cache over a counting mint and a clock the test moves. */
function setup(maxAgeMs?: number) {
  let nowMs = 1_700_000_000_000;
  const minted: number[] = [];
  const cache = createAuthTokenCache({
    mint: (seconds) => {
      minted.push(seconds);
      return Promise.resolve(`token-${minted.length}@${seconds}`);
    },
    now: () => new Date(nowMs),
    maxAgeMs,
  });
  return { cache, minted, advance: (ms: number) => (nowMs += ms) };
}

describe('isTokenReusable', () => {
  it('GIVEN a token age WHEN checked THEN only ages in [0, max) are reusable', () => {
    expect(isTokenReusable(1000, 1000, 10_000)).toBe(true);
    expect(isTokenReusable(1000, 10_999, 10_000)).toBe(true);
    expect(isTokenReusable(1000, 11_000, 10_000)).toBe(false);
    // The clock went backwards: the token's age is unknown, so it is not reused.
    expect(isTokenReusable(1000, 999, 10_000)).toBe(false);
  });

  it('GIVEN the default window THEN it stays well inside the providers 30 s freshness check', () => {
    expect(READ_TOKEN_REUSE_MS).toBeLessThanOrEqual(15_000);
  });
});

describe('createAuthTokenCache', () => {
  it('GIVEN many concurrent reads of one provider WHEN asked THEN one token is minted and shared', async () => {
    const { cache, minted } = setup();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => cache.forRead('0xAA')));
    expect(minted).toHaveLength(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1@1700000000']));
  });

  it('GIVEN two providers WHEN read THEN each gets its own token (address case ignored)', async () => {
    const { cache, minted } = setup();
    const a = await cache.forRead('0xaa');
    const a2 = await cache.forRead('0xAA');
    const b = await cache.forRead('0xbb');
    expect(a).toBe(a2);
    expect(b).not.toBe(a);
    expect(minted).toHaveLength(2);
  });

  it('GIVEN a token older than the window WHEN read again THEN a new one is minted at the new time', async () => {
    const { cache, minted, advance } = setup(10_000);
    const first = await cache.forRead('0xaa');
    advance(9_999);
    expect(await cache.forRead('0xaa')).toBe(first);
    advance(1);
    expect(await cache.forRead('0xaa')).not.toBe(first);
    expect(minted).toEqual([1_700_000_000, 1_700_000_010]);
  });

  it('GIVEN fresh() WHEN called repeatedly THEN every call mints (manifests and logs never reuse)', async () => {
    const { cache, minted } = setup();
    await cache.forRead('0xaa');
    await cache.fresh();
    await cache.fresh();
    expect(minted).toHaveLength(3);
  });

  it('GIVEN a failed mint WHEN read again THEN the failure is not cached', async () => {
    let calls = 0;
    const cache = createAuthTokenCache({
      mint: () => (++calls === 1 ? Promise.reject(new Error('locked')) : Promise.resolve('ok')),
      now: () => new Date(0),
    });
    await expect(cache.forRead('0xaa')).rejects.toThrow('locked');
    await expect(cache.forRead('0xaa')).resolves.toBe('ok');
  });

  it('GIVEN a real wallet WHEN a reused token reaches a provider within the window THEN the provider accepts it', async () => {
    const wallet = Wallet.createRandom();
    let nowMs = 1_700_000_000_000;
    const cache = createAuthTokenCache({
      mint: (s) => createAuthToken(wallet, s),
      now: () => new Date(nowMs),
    });
    const token = await cache.forRead('0xaa');
    nowMs += READ_TOKEN_REUSE_MS - 1;
    expect(await cache.forRead('0xaa')).toBe(token);
    const verdict = verifyAuthToken(token, Math.floor(nowMs / 1000), 30);
    expect(verdict).toMatchObject({ ok: true, address: wallet.address });
  });
});
