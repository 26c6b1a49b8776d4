import { LeaseholdError } from '../../cli/diag/index.js';

/** `wallet/password-required`: a keystore, no password variable and no terminal to ask on. */
export function passwordRequired(keystore: string): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/password-required',
    summary: 'Keystore password needed',
    detail: `The keystore ${keystore} is encrypted; LEASEHOLD_KEYSTORE_PASSWORD is not set and there is no terminal to ask on.`,
    hint: 'Set LEASEHOLD_KEYSTORE_PASSWORD (for CI, from a secret store), or run the command in a terminal.',
  });
}

/** `wallet/wrong-password`: the keystore did not decrypt. */
export function wrongPassword(keystore: string, cause: unknown): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/wrong-password',
    summary: 'Keystore password is wrong',
    detail: `The keystore ${keystore} does not decrypt with the password given.`,
    hint: 'Check LEASEHOLD_KEYSTORE_PASSWORD (or the password typed) for this keystore.',
    cause,
  });
}

/** `wallet/no-wallet`: a command must sign and there is nothing to sign with. */
export function noWallet(keystore: string, network: string): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/no-wallet',
    summary: 'No wallet to sign with',
    detail: `Network "${network}" needs a wallet: LEASEHOLD_PRIVATE_KEY is not set and there is no keystore at ${keystore}.`,
    hint: 'Run `leasehold wallet create` (or `wallet import`), or set LEASEHOLD_PRIVATE_KEY.',
  });
}

/** `wallet/invalid-private-key`: the key text is not a 32-byte hex key (the value is never quoted). */
export function invalidPrivateKey(source: string): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/invalid-private-key',
    summary: 'Private key is malformed',
    detail: `The private key from ${source} is not 32 bytes of hex (64 hex digits, 0x optional); its value is not shown.`,
    hint: `Check the value of ${source}.`,
  });
}

/** `wallet/keystore-exists`: create/import never overwrite a key. */
export function keystoreExists(keystore: string): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/keystore-exists',
    summary: 'Keystore already exists',
    detail: `${keystore} already holds a wallet; Leasehold never overwrites a key.`,
    hint: 'Choose another path with --keystore, or move the old keystore away first.',
  });
}

/** `wallet/keystore-invalid`: the file is not an encrypted JSON keystore. */
export function keystoreInvalid(keystore: string): LeaseholdError {
  return new LeaseholdError({
    code: 'wallet/keystore-invalid',
    summary: 'Keystore file is malformed',
    detail: `${keystore} is not an encrypted JSON keystore (version 3 with an address).`,
    hint: 'Point --keystore or LEASEHOLD_KEYSTORE at a keystore written by `leasehold wallet create`.',
  });
}
