import { describe, expect, it } from '@jest/globals';
import { lazyMessageSigner } from '../../../../provider/session/lazy-message-signer.js';

describe('lazyMessageSigner', () => {
  it('GIVEN a lazy signer WHEN nothing is signed THEN the wallet is never loaded; WHEN twice THEN loaded once', async () => {
    let loads = 0;
    const s = lazyMessageSigner(async () => {
      loads += 1;
      return { signMessage: async (m: string) => `sig:${m}` };
    });
    expect(loads).toBe(0);
    expect(await s.signMessage('a')).toBe('sig:a');
    expect(await s.signMessage('b')).toBe('sig:b');
    expect(loads).toBe(1);
  });
});
