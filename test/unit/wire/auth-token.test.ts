import { describe, expect, it } from '@jest/globals';
import { Wallet } from 'ethers';
import { authMessage, createAuthToken, verifyAuthToken } from '../../../wire/index.js';

// Anvil's first default account: a public test key.
const wallet = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const NOW = 1_795_642_893;

const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>;
const encode = (body: unknown): string => Buffer.from(JSON.stringify(body)).toString('base64');

describe('createAuthToken', () => {
  it('GIVEN a wallet WHEN a token is minted THEN it carries the uncompressed key, the time and a v of 0 or 1', async () => {
    const body = decode(await createAuthToken(wallet, NOW));
    expect(body['pub_key']).toBe(wallet.signingKey.publicKey.slice(2));
    expect(body['timestamp']).toBe(NOW);
    const sig = String(body['signed_timestamp']);
    expect(sig).toMatch(/^0x[0-9a-f]{130}$/);
    expect(['00', '01']).toContain(sig.slice(-2));
  });

  it('GIVEN the same wallet and time THEN the signed message is the reference text', () => {
    expect(authMessage(NOW)).toBe(`Sending Request to Provider at: ${NOW}`);
  });
});

describe('verifyAuthToken', () => {
  it('GIVEN a fresh token WHEN verified THEN it names the signer address', async () => {
    const result = verifyAuthToken(await createAuthToken(wallet, NOW), NOW + 5, 30);
    expect(result).toEqual({ ok: true, address: wallet.address, timestamp: NOW });
  });

  it('GIVEN no header WHEN verified THEN 401', () => {
    expect(verifyAuthToken(undefined, NOW, 30)).toMatchObject({ ok: false, status: 401 });
    expect(verifyAuthToken('  ', NOW, 30)).toMatchObject({ ok: false, status: 401 });
  });

  it.each([
    ['not base64', '%%%'],
    ['not JSON', Buffer.from('hello').toString('base64')],
    ['missing fields', encode({ pub_key: 'x' })],
    [
      'timestamp as string',
      encode({
        pub_key: `04${'a'.repeat(128)}`,
        timestamp: '1',
        signed_timestamp: `0x${'0'.repeat(130)}`,
      }),
    ],
  ])('GIVEN a malformed token (%s) WHEN verified THEN 400', (_why, header) => {
    expect(verifyAuthToken(header, NOW, 30)).toMatchObject({ ok: false, status: 400 });
  });

  it('GIVEN a signature with v = 27/28 (not adjusted) WHEN verified THEN 400', async () => {
    const body = decode(await createAuthToken(wallet, NOW));
    const sig = String(body['signed_timestamp']);
    const v = Number.parseInt(sig.slice(-2), 16) + 27;
    const header = encode({ ...body, signed_timestamp: sig.slice(0, -2) + v.toString(16) });
    expect(verifyAuthToken(header, NOW, 30)).toMatchObject({ ok: false, status: 400 });
  });

  it('GIVEN a token older than the max age WHEN verified THEN 403', async () => {
    const token = await createAuthToken(wallet, NOW);
    expect(verifyAuthToken(token, NOW + 30, 30)).toMatchObject({ ok: true });
    expect(verifyAuthToken(token, NOW + 31, 30)).toMatchObject({ ok: false, status: 403 });
  });

  it('GIVEN a token from the future beyond the max age WHEN verified THEN 403', async () => {
    const token = await createAuthToken(wallet, NOW + 31);
    expect(verifyAuthToken(token, NOW, 30)).toMatchObject({ ok: false, status: 403 });
  });

  it('GIVEN a pub_key that did not sign the timestamp WHEN verified THEN 403', async () => {
    const other = Wallet.createRandom();
    const body = decode(await createAuthToken(wallet, NOW));
    const header = encode({ ...body, pub_key: other.signingKey.publicKey.slice(2) });
    expect(verifyAuthToken(header, NOW, 30)).toMatchObject({ ok: false, status: 403 });
  });

  it('GIVEN a signature over another timestamp WHEN verified THEN 403', async () => {
    const body = decode(await createAuthToken(wallet, NOW));
    expect(verifyAuthToken(encode({ ...body, timestamp: NOW + 1 }), NOW, 30)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
