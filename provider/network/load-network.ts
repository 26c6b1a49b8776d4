/**
 * The I/O edge of network resolution: `local` asks the devnet (starting it when needed) for its RPC,
 * address book and block time; a custom network reads its address-book file and, when neither the
 * spec nor the book declares the block time, measures it from recent blocks.
 */
import { readFile } from 'node:fs/promises';
import { LeaseholdError, redact, registerSecret } from '../../cli/diag/index.js';
import { BLOCK_TIME_SAMPLES, decideBlockTime } from './decide-block-time.js';
import type { DecideBlockTimeResult } from './decide-block-time.js';
import type { LocalDevnet, ResolvedNetwork } from './network-types.js';
import { parseAddressBook } from './parse-address-book.js';
import { readRecentBlocks } from './read-recent-blocks.js';
import { fromBook, resolveNetwork } from './resolve-network.js';
import type { NetworkChoice, ResolveNetworkInput } from './resolve-network.js';

/** Inputs of {@link loadNetwork}. */
export interface LoadNetworkInput extends ResolveNetworkInput {
  /** Progress lines ("Starting the local devnet…"). */
  readonly log: (line: string) => void;
  /** Finds or starts the devnet for the `local` network; without it, `local` cannot be used. */
  readonly localDevnet?: LocalDevnet | undefined;
}

type CustomChoice = Extract<NetworkChoice, { kind: 'custom' }>;

/** Resolves and completes the network; throws LeaseholdError (`network/*`) on failure. */
export async function loadNetwork(input: LoadNetworkInput): Promise<ResolvedNetwork> {
  const override = input.env['LEASEHOLD_RPC_URL']?.trim();
  if (override !== undefined) registerSecret(override);
  const choice = resolveNetwork(input);
  if (choice.kind === 'ready') return choice.network;
  if (choice.kind === 'local') {
    const home = input.env['LEASEHOLD_HOME'];
    if (input.localDevnet === undefined) throw noLocalDevnet();
    const info = await input.localDevnet({
      ...(home === undefined || home === '' ? {} : { home }),
      log: input.log,
    });
    return fromBook({
      name: 'local',
      rpcUrl: choice.rpcOverride ?? info.rpcUrl,
      secondsPerBlock: info.blockTime ?? 1,
      blockTimeSource: 'devnet',
      book: info.addressBook,
      devWallet: true,
    });
  }
  // From here on, no message of this process may show a URL read from the environment.
  if (choice.rpcUrlVariable !== null) registerSecret(choice.rpcUrl);
  const parsed = parseAddressBook(await readBook(choice), {
    file: choice.addressBook,
    chainId: choice.chainId,
  });
  const blockTime = await customBlockTime(choice, parsed.blockTime);
  return fromBook({
    name: choice.name,
    rpcUrl: choice.rpcUrl,
    secondsPerBlock: blockTime.ms / 1000,
    blockTimeSource: blockTime.source,
    book: parsed.book,
  });
}

function noLocalDevnet(): LeaseholdError {
  return new LeaseholdError({
    code: 'network/local-unavailable',
    summary: 'The local devnet is not available here',
    detail:
      'The `local` network needs the embedded devnet, and this caller of the provider did not supply it.',
    hint: 'Run through the `leasehold` CLI or library (they supply it), or pass `localDevnet` to createProvider().',
  });
}

async function readBook(choice: CustomChoice): Promise<string> {
  try {
    return await readFile(choice.addressBook, 'utf8');
  } catch (cause) {
    throw new LeaseholdError({
      code: 'network/address-book-unreadable',
      summary: 'Address book cannot be read',
      detail: `The address book of network "${choice.name}" at ${choice.addressBook} cannot be read.`,
      hint: 'Check the `network.addressBook` path in the spec.',
      cause,
    });
  }
}

/** Spec > address book > measured (decide-block-time.ts); the RPC is read only when needed. */
async function customBlockTime(
  choice: CustomChoice,
  addressBook: number | undefined,
): Promise<Extract<DecideBlockTimeResult, { kind: 'decided' }>> {
  const declared = { spec: choice.blockTime, addressBook };
  let decision = decideBlockTime(declared);
  if (decision.kind === 'measure') {
    let recentBlocks;
    try {
      recentBlocks = await readRecentBlocks({ rpcUrl: choice.rpcUrl, count: BLOCK_TIME_SAMPLES });
    } catch (e) {
      const why = redact(e instanceof Error ? e.message : String(e), [choice.rpcUrl]);
      const from = choice.rpcUrlVariable === null ? 'the spec' : choice.rpcUrlVariable;
      throw blockTimeUnknown(
        choice,
        `reading recent blocks from its RPC (from ${from}) failed: ${why}`,
      );
    }
    decision = decideBlockTime({ ...declared, recentBlocks });
  }
  if (decision.kind !== 'decided') throw blockTimeUnknown(choice, decision.reasons.join('; '));
  return decision;
}

function blockTimeUnknown(choice: CustomChoice, why: string): LeaseholdError {
  return new LeaseholdError({
    code: 'network/block-time-unknown',
    summary: 'Block time of the network is unknown',
    detail: `Network "${choice.name}" declares no block time (neither \`network.blockTime\` in the spec nor \`blockTime\` in its address book), and measuring it failed: ${why}. Prices per hour and lease durations become blocks with it, so Leasehold does not guess.`,
    hint: 'Declare it under `network:` in the spec, for example `blockTime: 12s`.',
  });
}
