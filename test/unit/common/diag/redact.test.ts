import { afterEach, describe, expect, it } from '@jest/globals';
import {
  forgetKnownSecrets,
  knownSecrets,
  redact,
  redactDiagnostic,
  redactWith,
  registerEnvSecrets,
  registerSecret,
  SENSITIVE_MASK,
} from '../../../../common/diag/index.js';

const KEY_HEX = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const TX_HASH = '0x' + '9f'.repeat(32);
const M = SENSITIVE_MASK;

describe('redactWith (pure)', () => {
  it('GIVEN a known secret value WHEN redacted THEN every occurrence is masked', () => {
    expect(redactWith('pw=hunter2 and again hunter2', ['hunter2'])).toBe(`pw=${M} and again ${M}`);
  });

  it('GIVEN overlapping secrets THEN the longer one is masked whole', () => {
    expect(redactWith('abcd1234 and abcd', ['abcd', 'abcd1234'])).toBe(`${M} and ${M}`);
  });

  it('GIVEN a transaction hash and a lease id with no known secret WHEN redacted THEN both stay visible', () => {
    const text = `tx ${TX_HASH} reverted for lease 18446744073709551615, order ${'0x' + 'ab'.repeat(32)}`;
    expect(redactWith(text, [])).toBe(text);
  });

  it('GIVEN the known private key WHEN it appears without 0x, with 0x, in upper or mixed case THEN every spelling is masked, a tx hash is not', () => {
    const spellings = [
      KEY_HEX,
      `0x${KEY_HEX}`,
      `0X${KEY_HEX.toUpperCase()}`,
      KEY_HEX.slice(0, 32).toUpperCase() + KEY_HEX.slice(32),
    ];
    for (const known of [KEY_HEX, `0x${KEY_HEX}`, KEY_HEX.toUpperCase()]) {
      const out = redactWith(`${spellings.join(' | ')} | ${TX_HASH}`, [known]);
      expect(out).toBe(`${[M, M, M, M].join(' | ')} | ${TX_HASH}`);
    }
  });

  it('GIVEN secret values of 1 to 3 characters WHEN redacted THEN nothing is masked; from 4 characters on they are', () => {
    const text = 'a lease on a provider: 42 replicas, code abcd';
    expect(redactWith(text, ['a', '42', 'abc'])).toBe(text);
    expect(redactWith(text, ['abcd'])).toBe(`a lease on a provider: 42 replicas, code ${M}`);
  });

  it('GIVEN a secret with quotes WHEN it appears JSON-escaped or URL-encoded THEN those spellings are masked too', () => {
    const secret = 'p"a ss/w0rd';
    const json = JSON.stringify({ error: `bad ${secret}` });
    expect(redactWith(json, [secret])).toBe(JSON.stringify({ error: `bad ${M}` }));
    expect(redactWith(`?pw=${encodeURIComponent(secret)}`, [secret])).toBe(`?pw=${M}`);
  });

  it.each([
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', `Authorization: Basic ${M}`],
    ['authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', `authorization: Bearer ${M}`],
    [
      'Authorization: Digest username="bob", response="6629fae49393a053"',
      `Authorization: Digest ${M}`,
    ],
    ['Authorization: ghp_abc', `Authorization: ${M}`],
    ['Authorization: x', `Authorization: ${M}`],
    ['Proxy-Authorization: Basic Zm9vOmJhcg==', `Proxy-Authorization: Basic ${M}`],
    ['HTTP_AUTHORIZATION=Token abc123', `HTTP_AUTHORIZATION=Token ${M}`],
    ['Auth-Spheron: eyJwdWJfa2V5IjoiMDQ', `Auth-Spheron: ${M}`],
    [
      '{"authorization":"Basic Zm9v","auth-spheron":"eyJwdWI","x":1}',
      `{"authorization":"Basic ${M}","auth-spheron":"${M}","x":1}`,
    ],
    [
      "headers: { authorization: 'Custom a b c', accept: 'json' }",
      `headers: { authorization: 'Custom ${M}', accept: 'json' }`,
    ],
    ['Authorization: Basic abc\nnext line stays', `Authorization: Basic ${M}\nnext line stays`],
  ])('GIVEN %j WHEN redacted THEN the credentials of any scheme are masked', (text, want) => {
    expect(redactWith(text, [])).toBe(want);
    // Idempotent: redacting again changes nothing.
    expect(redactWith(want, [])).toBe(want);
  });

  it('GIVEN text that merely mentions authorization WHEN redacted THEN it is unchanged', () => {
    const text = 'the provider refused authorization for lease 7; set the Authorization header';
    expect(redactWith(text, [])).toBe(text);
  });

  it.each([
    ['https://bob:s3cret@rpc.example/x', `https://${M}@rpc.example/x`],
    ['postgres://u:p@ss@db:5432/leasehold', `postgres://${M}@db:5432/leasehold`],
    ['https://ghp_token123@github.com/o/r', `https://${M}@github.com/o/r`],
    ['https://rpc.example/x?mail=a@b.c', 'https://rpc.example/x?mail=a@b.c'],
  ])('GIVEN URL %s WHEN redacted THEN its credentials are masked', (text, want) => {
    expect(redactWith(text, [])).toBe(want);
  });
});

describe('redact with the registry of known secrets', () => {
  afterEach(() => forgetKnownSecrets());

  it('GIVEN the key and password registered from the environment WHEN redact runs THEN both are masked, short values are not kept', () => {
    registerEnvSecrets({
      LEASEHOLD_PRIVATE_KEY: ` ${KEY_HEX}\n`,
      LEASEHOLD_KEYSTORE_PASSWORD: 'correct horse',
      OTHER: 'not a wallet secret',
    });
    registerSecret('xyz');
    registerSecret(undefined);
    expect(knownSecrets()).not.toContain('xyz');
    expect(knownSecrets()).not.toContain('not a wallet secret');
    const out = redact(`0x${KEY_HEX} / correct horse / xyz / ${TX_HASH}`);
    expect(out).toBe(`${M} / ${M} / xyz / ${TX_HASH}`);
  });

  it('GIVEN a registered secret (an RPC URL from the environment) THEN every later redact masks it', () => {
    const url = 'https://base.example/v2/registered-key-5e1f';
    expect(redact(`request to ${url} failed`)).toContain(url);
    registerSecret(url);
    expect(redact(`request to ${url} failed`)).toBe(`request to ${M} failed`);
  });

  it('GIVEN a registered secret and an extra one WHEN a diagnostic is redacted THEN summary, detail and hint are masked', () => {
    registerSecret('s3cret-value');
    const d = redactDiagnostic(
      {
        severity: 'error',
        code: 'x/y',
        summary: 'Failed s3cret-value',
        detail: `tx ${TX_HASH}: other-secret`,
        hint: 'Rotate s3cret-value.',
      },
      ['other-secret'],
    );
    expect(d).toEqual({
      severity: 'error',
      code: 'x/y',
      summary: `Failed ${M}`,
      detail: `tx ${TX_HASH}: ${M}`,
      hint: `Rotate ${M}.`,
    });
  });
});
