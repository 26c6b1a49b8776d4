import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Wallet, encryptKeystoreJsonSync } from 'ethers';
import { forgetKnownSecrets, redact } from '../../../../cli/diag/index.js';
import {
  keystoreAddress,
  openKeystore,
  walletFromKey,
  writeKeystore,
} from '../../../../provider/wallet/keystore.js';

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const dir = mkdtempSync(join(tmpdir(), 'lh-keystore-'));

// ethers' scrypt is pure JavaScript: at the cost writeKeystore uses (N = 2^17) each encryption or
// decryption takes seconds to tens of seconds on a small shared machine. The reading tests use
// keystores written at a low cost; openKeystore reads the cost from the file, as for any keystore.
function cheapKeystore(path: string, wallet: Wallet, password: string): void {
  const json = encryptKeystoreJsonSync(
    { address: wallet.address, privateKey: wallet.privateKey },
    password,
    { scrypt: { N: 1 << 10 } },
  );
  writeFileSync(path, json + '\n', { mode: 0o600 });
}

describe('keystore', () => {
  const path = join(dir, 'w', 'default.json');

  const cheap = join(dir, 'cheap.json');

  it('GIVEN a wallet WHEN written THEN the file is 0600, a version 3 scrypt keystore at full cost, with the address and no key in clear', async () => {
    await writeKeystore(path, new Wallet(KEY), 'pw-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(KEY.slice(2));
    const json = JSON.parse(text) as {
      version: number;
      Crypto: { kdf: string; kdfparams: { n: number } };
    };
    expect(json).toMatchObject({ version: 3, Crypto: { kdf: 'scrypt', kdfparams: { n: 131072 } } });
    expect(keystoreAddress(path)).toBe('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
  });

  it('GIVEN a keystore WHEN opened with the password THEN the same address comes back', async () => {
    cheapKeystore(cheap, new Wallet(KEY), 'pw-1');
    const w = await openKeystore(cheap, { env: { LEASEHOLD_KEYSTORE_PASSWORD: 'pw-1' } });
    expect(w.address.toLowerCase()).toBe('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
  });

  it('GIVEN an existing keystore WHEN written again THEN wallet/keystore-exists and the file is unchanged', async () => {
    const before = readFileSync(path, 'utf8');
    await expect(writeKeystore(path, Wallet.createRandom(), 'x')).rejects.toMatchObject({
      code: 'wallet/keystore-exists',
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('GIVEN a wrong password WHEN opened THEN wallet/wrong-password, without the password in the message', async () => {
    const err = await openKeystore(cheap, {
      env: { LEASEHOLD_KEYSTORE_PASSWORD: 'nope-42' },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'wallet/wrong-password' });
    expect(String((err as Error).message)).not.toContain('nope-42');
  });

  it('GIVEN no password variable and no prompt WHEN opened THEN wallet/password-required; with a prompt THEN it is asked', async () => {
    await expect(openKeystore(cheap, { env: {} })).rejects.toMatchObject({
      code: 'wallet/password-required',
    });
    const asked: string[] = [];
    const w = await openKeystore(cheap, {
      env: {},
      promptPassword: async (q) => {
        asked.push(q);
        return 'pw-1';
      },
    });
    expect(asked).toHaveLength(1);
    expect(w.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });

  it('GIVEN a file that is not a keystore WHEN read THEN wallet/keystore-invalid', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello":1}');
    expect(() => keystoreAddress(bad)).toThrow(
      expect.objectContaining({ code: 'wallet/keystore-invalid' }),
    );
  });

  it('GIVEN a malformed private key WHEN parsed THEN wallet/invalid-private-key never quotes it', () => {
    const secret = 'deadbeef'.repeat(7);
    const err = (() => {
      try {
        walletFromKey(secret, 'LEASEHOLD_PRIVATE_KEY');
      } catch (e) {
        return e as Error & { code: string };
      }
      return null;
    })();
    expect(err?.code).toBe('wallet/invalid-private-key');
    expect(err?.message).not.toContain(secret);
    expect(walletFromKey(KEY.slice(2), 'x').address).toBe(
      '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    );
  });

  it('GIVEN a key parsed and a keystore opened with a typed password WHEN any text is redacted THEN the key in every spelling and the password are masked', async () => {
    forgetKnownSecrets();
    const other = new Wallet(Wallet.createRandom().privateKey);
    walletFromKey(KEY.slice(2).toUpperCase(), 'LEASEHOLD_PRIVATE_KEY');
    const file = join(dir, 'typed.json');
    cheapKeystore(file, other, 'typed-pass');
    forgetKnownSecrets();
    walletFromKey(KEY, 'LEASEHOLD_PRIVATE_KEY');
    await openKeystore(file, { env: {}, promptPassword: async () => 'typed-pass' });
    const tx = `0x${'12'.repeat(32)}`;
    const text = `${KEY} ${KEY.slice(2).toUpperCase()} ${other.privateKey.slice(2)} typed-pass ${tx}`;
    expect(redact(text)).toBe(
      `(sensitive value) (sensitive value) (sensitive value) (sensitive value) ${tx}`,
    );
    forgetKnownSecrets();
  });
});
