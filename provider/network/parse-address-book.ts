import { isRecord } from '../../common/index.js';
import { LeaseholdError } from '../../cli/diag/index.js';
import { BOOK_CONTRACTS } from '../../wire/address-book.js';
import type { AddressBook } from '../../wire/address-book.js';
import { parseBlockTime } from '../../common/units/index.js';
import { CANONICAL_MULTICALL3 } from './network-profiles.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
type Rec = Record<string, unknown>;

/** A custom network's address book, and the block time it declares. */
export interface ParsedAddressBook {
  readonly book: AddressBook;
  /** `blockTime` (`"2s"`, `"250ms"` or a number of seconds) in milliseconds, when given. */
  readonly blockTime?: number | undefined;
}

/**
 * Reads a custom network's address book (the devnet's `AddressBook` JSON shape, plus an optional
 * `blockTime`). Multicall3 may be omitted: the canonical deployment is assumed. Throws
 * `network/address-book-invalid` listing every problem, or `network/chain-id-mismatch` when the
 * book is for another chain.
 */
export function parseAddressBook(
  text: string,
  ctx: { readonly file: string; readonly chainId: number },
): ParsedAddressBook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid(ctx.file, ['it is not JSON']);
  }
  if (!isRecord(raw)) throw invalid(ctx.file, ['it is not a JSON object']);
  const problems: string[] = [];
  const contracts = isRecord(raw['contracts']) ? raw['contracts'] : {};
  const filled: Rec = { Multicall3: CANONICAL_MULTICALL3, ...contracts };
  for (const name of BOOK_CONTRACTS) {
    const a = filled[name];
    if (typeof a !== 'string' || !ADDRESS.test(a))
      problems.push(`contracts.${name} is not an address`);
  }
  const tokens = Array.isArray(raw['tokens']) ? raw['tokens'] : [];
  if (tokens.length === 0) problems.push('tokens lists no token');
  tokens.forEach((t, i) => {
    const ok =
      isRecord(t) &&
      typeof t['symbol'] === 'string' &&
      typeof t['address'] === 'string' &&
      ADDRESS.test(t['address']) &&
      Number.isInteger(t['decimals']);
    if (!ok) problems.push(`tokens[${i}] needs symbol, address and integer decimals`);
  });
  if (typeof raw['chainId'] !== 'number') problems.push('chainId is not a number');
  const blockTime = readBlockTime(raw['blockTime'], problems);
  if (problems.length > 0) throw invalid(ctx.file, problems);
  if (raw['chainId'] !== ctx.chainId) {
    throw new LeaseholdError({
      code: 'network/chain-id-mismatch',
      summary: 'Address book is for another chain',
      detail: `${ctx.file} is for chain ${String(raw['chainId'])}, but the network declares chainId ${ctx.chainId}.`,
      hint: 'Point `network.addressBook` at the book of the same chain, or fix `network.chainId`.',
    });
  }
  const book: AddressBook = {
    chainId: ctx.chainId,
    contracts: filled as unknown as AddressBook['contracts'],
    tokens: tokens as AddressBook['tokens'],
    matcher:
      typeof raw['matcher'] === 'string'
        ? raw['matcher']
        : '0x0000000000000000000000000000000000000000',
    deployBlock: typeof raw['deployBlock'] === 'number' ? raw['deployBlock'] : 0,
  };
  return blockTime === undefined ? { book } : { book, blockTime };
}

function readBlockTime(value: unknown, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  const r =
    typeof value === 'string' || typeof value === 'number'
      ? parseBlockTime(value)
      : { ok: false as const, problem: 'expected a duration such as 2s' };
  if (r.ok) return r.value;
  problems.push(`blockTime ${JSON.stringify(value)}: ${r.problem}`);
  return undefined;
}

function invalid(file: string, problems: readonly string[]): LeaseholdError {
  return new LeaseholdError({
    code: 'network/address-book-invalid',
    summary: 'Address book is malformed',
    detail: `${file}: ${problems.join('; ')}.`,
    hint: 'Write the book as {chainId, contracts: {OrderRequest, Bid, …}, tokens: [{symbol, address, decimals}], blockTime?}.',
  });
}
