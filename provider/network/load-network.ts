/**
 * The I/O edge of network resolution: `local` asks the devnet (starting it when needed) for its RPC,
 * address book and block time; a custom network reads its address-book file.
 */
import { readFile } from 'node:fs/promises';
import { LeaseholdError } from '../../cli/diag/index.js';
import { ensureDevnet } from '../../devnet/ensure-devnet.js';
import type { ResolvedNetwork } from './network-types.js';
import { parseAddressBook } from './parse-address-book.js';
import { fromBook, resolveNetwork } from './resolve-network.js';
import type { ResolveNetworkInput } from './resolve-network.js';

/** Inputs of {@link loadNetwork}. */
export interface LoadNetworkInput extends ResolveNetworkInput {
  /** Progress lines ("Starting the local devnet…"). */
  readonly log: (line: string) => void;
}

/** Resolves and completes the network; throws LeaseholdError (`network/*`) on failure. */
export async function loadNetwork(input: LoadNetworkInput): Promise<ResolvedNetwork> {
  const choice = resolveNetwork(input);
  if (choice.kind === 'ready') return choice.network;
  if (choice.kind === 'local') {
    const home = input.env['LEASEHOLD_HOME'];
    const info = await ensureDevnet({
      ...(home === undefined || home === '' ? {} : { home }),
      log: input.log,
    });
    return fromBook({
      name: 'local',
      rpcUrl: choice.rpcOverride ?? info.rpcUrl,
      secondsPerBlock: info.blockTime ?? 1,
      book: info.addressBook,
      devWallet: true,
    });
  }
  let text: string;
  try {
    text = await readFile(choice.addressBook, 'utf8');
  } catch (cause) {
    throw new LeaseholdError({
      code: 'network/address-book-unreadable',
      summary: 'Address book cannot be read',
      detail: `The address book of network "${choice.name}" at ${choice.addressBook} cannot be read.`,
      hint: 'Check the `network.addressBook` path in the spec.',
      cause,
    });
  }
  const book = parseAddressBook(text, { file: choice.addressBook, chainId: choice.chainId });
  return fromBook({ name: choice.name, rpcUrl: choice.rpcUrl, secondsPerBlock: 2, book });
}
