import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { TokenInfo } from './known-tokens.js';

/** The tokens a custom network's address book lists, or the problem reading them. */
export interface AddressBookTokens {
  readonly tokens: readonly TokenInfo[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads `tokens: [{ symbol, decimals, address }]` from a custom network's JSON address book,
 * resolved against the spec's directory. Every entry must have a symbol and integer decimals.
 */
export async function readAddressBookTokens(
  addressBook: string,
  baseDir: string,
): Promise<AddressBookTokens> {
  const file = isAbsolute(addressBook) ? addressBook : resolve(baseDir, addressBook);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : (e as Error).message;
    return {
      tokens: [],
      diagnostics: [invalid(addressBook, `it cannot be read as JSON: ${reason}`)],
    };
  }
  const list =
    typeof data === 'object' && data !== null ? (data as { tokens?: unknown }).tokens : undefined;
  if (!Array.isArray(list)) {
    return { tokens: [], diagnostics: [invalid(addressBook, 'it has no `tokens` list')] };
  }
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
      return {
        tokens: [],
        diagnostics: [
          invalid(addressBook, `tokens[${i}] needs a \`symbol\` and whole-number \`decimals\``),
        ],
      };
    }
    tokens.push({ symbol, decimals: decimals as number });
  }
  return { tokens, diagnostics: [] };
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
