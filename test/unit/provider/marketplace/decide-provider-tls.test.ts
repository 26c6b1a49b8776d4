import { describe, expect, it } from '@jest/globals';
import { decideProviderTls } from '../../../../provider/marketplace/decide-provider-tls.js';
import type { DecideProviderTlsInput } from '../../../../provider/marketplace/decide-provider-tls.js';

const A = 'AA:AA';
const B = 'BB:BB';

describe('decideProviderTls', () => {
  it.each<[string, DecideProviderTlsInput, ReturnType<typeof decideProviderTls>]>([
    // pin: the certificate registered on chain, nothing remembered.
    [
      'pin, registered presented',
      { policy: 'pin', registered: A, known: null, presented: A },
      { kind: 'accept' },
    ],
    [
      'pin, another presented',
      { policy: 'pin', registered: A, known: null, presented: B },
      { kind: 'refuse', reason: 'not-registered', expected: A, presented: B },
    ],
    // Nothing registered: the handshake already verified it against the system CAs.
    [
      'pin, none registered',
      { policy: 'pin', registered: null, known: null, presented: B },
      { kind: 'accept' },
    ],
    // A tofu entry plays no part under pin.
    [
      'pin ignores a tofu entry',
      { policy: 'pin', registered: A, known: B, presented: B },
      { kind: 'refuse', reason: 'not-registered', expected: A, presented: B },
    ],
    // tofu: first contact records, later contacts compare with the record.
    [
      'tofu, first contact',
      { policy: 'tofu', registered: A, known: null, presented: B },
      { kind: 'record', fingerprint: B },
    ],
    [
      'tofu, same again',
      { policy: 'tofu', registered: null, known: B, presented: B },
      { kind: 'accept' },
    ],
    [
      'tofu, changed',
      { policy: 'tofu', registered: null, known: A, presented: B },
      { kind: 'refuse', reason: 'changed', expected: A, presented: B },
    ],
    // The registered certificate does not rescue a changed one under tofu.
    [
      'tofu, changed to the registered one',
      { policy: 'tofu', registered: B, known: A, presented: B },
      { kind: 'refuse', reason: 'changed', expected: A, presented: B },
    ],
    // insecure: anything.
    [
      'insecure, mismatched',
      { policy: 'insecure', registered: A, known: A, presented: B },
      { kind: 'accept' },
    ],
    [
      'insecure, nothing known',
      { policy: 'insecure', registered: null, known: null, presented: B },
      { kind: 'accept' },
    ],
  ])('GIVEN %s WHEN decided THEN %j', (_name, input, want) => {
    expect(decideProviderTls(input)).toEqual(want);
  });
});
