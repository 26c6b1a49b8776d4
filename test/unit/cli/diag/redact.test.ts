import { describe, expect, it } from '@jest/globals';
import { redact, registerSecret, SENSITIVE_MASK } from '../../../../cli/diag/index.js';

describe('redact', () => {
  it('GIVEN a known secret value WHEN redacted THEN every occurrence is masked', () => {
    expect(redact('pw=hunter2 and again hunter2', ['hunter2'])).toBe(
      `pw=${SENSITIVE_MASK} and again ${SENSITIVE_MASK}`,
    );
  });

  it('GIVEN a private key, URL credentials and an auth header THEN all are masked', () => {
    const key = `0x${'ab'.repeat(32)}`;
    const out = redact(
      `key ${key} url https://bob:s3cret@rpc.example/x Auth-Spheron: eyJwdWJfa2V5IjoiMDQ`,
    );
    expect(out).not.toContain(key);
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('eyJwdWJfa2V5IjoiMDQ');
    expect(out).toContain('https://');
  });

  it('GIVEN a registered secret (an RPC URL from the environment) THEN every later redact masks it', () => {
    const url = 'https://base.example/v2/registered-key-5e1f';
    expect(redact(`request to ${url} failed`)).toContain(url);
    registerSecret(url);
    expect(redact(`request to ${url} failed`)).toBe(`request to ${SENSITIVE_MASK} failed`);
  });

  it('GIVEN overlapping secrets THEN the longer one is masked whole', () => {
    expect(redact('abc123', ['abc', 'abc123'])).toBe(SENSITIVE_MASK);
  });
});
