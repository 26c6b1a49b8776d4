import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressBook } from '../../wire/address-book.js';

/** A provider daemon as `devnet.json` and `devnet status` list it. */
export interface DevnetProviderInfo {
  readonly name: string;
  readonly address: string;
  readonly hostUri: string;
  readonly region: string;
  readonly tier: number;
}

/**
 * The contents of `devnet.json`: what clients need to reach a running devnet. Written last at
 * start-up (so its presence means ready) with mode 0600, since it holds the control token.
 */
export interface DevnetInfo {
  readonly formatVersion: 1;
  /** The supervisor's process id. */
  readonly pid: number;
  readonly rpcUrl: string;
  readonly chainId: number;
  /** Seconds per block; null = automine. */
  readonly blockTime: number | null;
  readonly addressBook: AddressBook;
  readonly providers: readonly DevnetProviderInfo[];
  /** Loopback control API; every request carries `Authorization: Bearer <token>`. */
  readonly control: { readonly url: string; readonly token: string };
  /** The funded development wallet: anvil's account 0, a PUBLIC test key, never a real secret. */
  readonly devWallet: {
    readonly address: string;
    readonly privateKey: string;
    readonly note: string;
  };
  /** ISO 8601. */
  readonly startedAt: string;
}

/** The label stored beside the dev wallet's key, so nobody mistakes it for a secret. */
export const DEV_WALLET_NOTE =
  'anvil default mnemonic account 0: a public test key, known to everyone; never use it on a real network';

/** Reads `devnet.json`; null when it is missing or unreadable (a devnet that is not running). */
export function readDevnetInfo(file: string): DevnetInfo | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return isDevnetInfo(parsed) ? parsed : null;
  } catch {
    // A half-written or foreign file is treated as "no devnet"; the writer replaces it atomically.
    return null;
  }
}

/** Writes `devnet.json` atomically (temp file + rename) and readable by the owner only. */
export function writeDevnetInfo(file: string, info: DevnetInfo): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** True when a process with this id exists (signal 0 probes without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isDevnetInfo(v: unknown): v is DevnetInfo {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const control = o['control'] as Record<string, unknown> | undefined;
  return (
    o['formatVersion'] === 1 &&
    typeof o['pid'] === 'number' &&
    typeof o['rpcUrl'] === 'string' &&
    typeof o['chainId'] === 'number' &&
    typeof control === 'object' &&
    control !== null &&
    typeof control['url'] === 'string' &&
    typeof control['token'] === 'string' &&
    Array.isArray(o['providers'])
  );
}
