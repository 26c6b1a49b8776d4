/**
 * Encrypted JSON keystores (ethers: scrypt + aes-128-ctr, version 3), written 0600 and never
 * overwritten, and read back with a password from the environment or a prompt.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
  fsyncSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { Wallet } from 'ethers';
import { registerSecret } from '../../cli/diag/index.js';
import type { HDNodeWallet } from 'ethers';
import {
  invalidPrivateKey,
  keystoreExists,
  keystoreInvalid,
  passwordRequired,
  wrongPassword,
} from './wallet-errors.js';

/** How to get a password: env first, then a prompt on a terminal. */
export interface PasswordSource {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

/**
 * The keystore password; throws `wallet/password-required` when there is no way to get one.
 * The password is registered as a known secret, so redact() masks it in any text.
 */
export async function keystorePassword(
  src: PasswordSource,
  keystore: string,
  question: string,
): Promise<string> {
  const fromEnv = src.env['LEASEHOLD_KEYSTORE_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') {
    registerSecret(fromEnv);
    return fromEnv;
  }
  if (src.promptPassword === undefined) throw passwordRequired(keystore);
  const typed = await src.promptPassword(question);
  registerSecret(typed);
  return typed;
}

/** The address a keystore holds, read without the password (v3 keystores store it in clear). */
export function keystoreAddress(path: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw keystoreInvalid(path);
  }
  const address = (parsed as { address?: unknown } | null)?.address;
  if (typeof address !== 'string' || !/^(0x)?[0-9a-fA-F]{40}$/.test(address))
    throw keystoreInvalid(path);
  return `0x${address.replace(/^0x/, '')}`.toLowerCase();
}

/** Decrypts a keystore; throws `wallet/wrong-password` or `wallet/keystore-invalid`. */
export async function openKeystore(
  path: string,
  src: PasswordSource,
): Promise<Wallet | HDNodeWallet> {
  keystoreAddress(path);
  const json = readFileSync(path, 'utf8');
  const password = await keystorePassword(src, path, `Password for ${path}: `);
  let wallet: Wallet | HDNodeWallet;
  try {
    wallet = await Wallet.fromEncryptedJson(json, password);
  } catch (err) {
    throw wrongPassword(path, err);
  }
  registerSecret(wallet.privateKey);
  return wallet;
}

/**
 * Parses a private key; throws `wallet/invalid-private-key` without quoting it. The key (even an
 * invalid one) is registered as a known secret first, so redact() masks it in any spelling.
 */
export function walletFromKey(key: string, source: string): Wallet {
  registerSecret(key);
  const hex = key.trim();
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(hex)) throw invalidPrivateKey(source);
  try {
    return new Wallet(hex.startsWith('0x') ? hex : `0x${hex}`);
  } catch {
    throw invalidPrivateKey(source);
  }
}

/** Encrypts `wallet` into a new file at `path` (0600, `wx`: an existing file is never replaced). */
export async function writeKeystore(
  path: string,
  wallet: Wallet | HDNodeWallet,
  password: string,
): Promise<void> {
  registerSecret(wallet.privateKey);
  registerSecret(password);
  if (existsSync(path)) throw keystoreExists(path);
  const json = await wallet.encrypt(password);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw keystoreExists(path);
    throw err;
  }
  try {
    writeSync(fd, json + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
