import { isRecord } from '../../common/index.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { TokenInfo } from './known-tokens.js';

/** What the loader takes from a custom network's address book, or the problem reading it. */
export interface ReadAddressBookResult {
  readonly tokens: readonly TokenInfo[];
  /**
   * `sha256:<hex>` of the book's JSON with sorted keys: its content, whatever its path or layout,
   * so that the stack hash follows what the book says (null when it could not be read).
   */
  readonly contentHash: string | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a custom network's JSON address book, resolved against the spec's directory: its tokens
 * (`tokens: [{ symbol, decimals, address }]`, each with a symbol and integer decimals) and the hash
 * of its content. The rest of the book is checked when a command connects (provider/network).
 */
export async function readAddressBook(
  addressBook: string,
  baseDir: string,
): Promise<ReadAddressBookResult> {
  const file = isAbsolute(addressBook) ? addressBook : resolve(baseDir, addressBook);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : (e as Error).message;
    return failed(invalid(addressBook, `it cannot be read as JSON: ${reason}`));
  }
  const list =
    typeof data === 'object' && data !== null ? (data as { tokens?: unknown }).tokens : undefined;
  if (!Array.isArray(list)) return failed(invalid(addressBook, 'it has no `tokens` list'));
  const tokens: TokenInfo[] = [];
  for (const [i, t] of list.entries()) {
    const { symbol, decimals } = (typeof t === 'object' && t !== null ? t : {}) as Record<
      string,
      unknown
    >;
    if (
      typeof symbol !== 'string' ||
      symbol === '' ||
      !Number.isInteger(decimals) ||
      (decimals as number) < 0
    ) {
      return failed(
        invalid(addressBook, `tokens[${i}] needs a \`symbol\` and whole-number \`decimals\``),
      );
    }
    tokens.push({ symbol, decimals: decimals as number });
  }
  return { tokens, contentHash: hashContent(data), diagnostics: [] };
}

function hashContent(data: unknown): string {
  const text = JSON.stringify(data, (_key, value: unknown) =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

function failed(diagnostic: Diagnostic): ReadAddressBookResult {
  return { tokens: [], contentHash: null, diagnostics: [diagnostic] };
}

function invalid(addressBook: string, why: string): Diagnostic {
  return errorDiag({
    code: 'spec/invalid-address-book',
    summary: 'Unreadable network address book',
    detail: `The address book ${JSON.stringify(addressBook)} cannot supply the network's tokens: ${why}.`,
    hint: 'Point `network.addressBook` at a JSON file with `tokens: [{ "symbol", "decimals", "address" }]`.',
    path: 'network.addressBook',
  });
}
