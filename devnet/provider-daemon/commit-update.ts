/**
 * Commits an accepted update on chain (`Bid.updateOrder`) BEFORE its manifest runs: a provider
 * never runs a manifest the chain has not accepted. `updateOrder` settles the old terms, releases
 * this lease's unspent lock and locks the new terms; when the tenant's escrow cannot cover that it
 * reverts, and the manifest PUT is answered with the reason (422) while the lease keeps running
 * the manifest it ran before.
 */
import { formatUnits } from 'ethers';
import { errorDiag } from '../../common/diag/index.js';
import type { Diagnostic } from '../../common/diag/index.js';
import type { AddressBook } from '../../wire/address-book.js';
import { decodeChainRevert, revertName } from './provider-chain.js';
import type { DecodedChainRevert, ProviderChain } from './provider-chain.js';

/** Options of {@link commitUpdate}. */
export interface CommitUpdateInput {
  readonly chain: ProviderChain;
  readonly book: AddressBook;
  readonly leaseId: bigint;
  /** The price per block (1e18-scaled) this provider accepted the update at; undefined if none. */
  readonly price: bigint | undefined;
  readonly log: (line: string) => void;
}

/** Sends `updateOrder` and waits for its receipt; null once committed, else why it was not. */
export async function commitUpdate(input: CommitUpdateInput): Promise<Diagnostic | null> {
  const { chain, leaseId: id, price } = input;
  if (price === undefined)
    return notCommitted(id, 'this provider holds no accepted update for it', false);
  try {
    await chain.send('updateOrder', (c) => c.Bid.getFunction('updateOrder')(id, price));
    input.log(`lease ${id}: update committed at ${price}, starting the new manifest`);
    return null;
  } catch (err) {
    const revert = decodeChainRevert(chain.c, err);
    input.log(`lease ${id}: updateOrder reverted (${revert?.name ?? revertName(err)})`);
    if (revert?.name !== 'InsufficientBalance')
      return notCommitted(
        id,
        `Bid.updateOrder reverted (${revert?.name ?? revertName(err)})`,
        false,
      );
    const amounts = await describeShortfall(input, revert).catch(() => null);
    return notCommitted(
      id,
      'Bid.updateOrder reverted with InsufficientBalance: the tenant escrow cannot lock the new ' +
        `terms once this lease's unspent lock is released${amounts === null ? '' : ` (${amounts})`}`,
      true,
    );
  }
}

/** `available X USDT, required Y USDT` from the revert, in the lease's token. */
async function describeShortfall(
  input: CommitUpdateInput,
  revert: DecodedChainRevert,
): Promise<string> {
  const order = await input.chain.order(input.leaseId);
  const token = input.book.tokens.find(
    (t) => t.address.toLowerCase() === order.token.toLowerCase(),
  );
  const amount = (v: unknown): string =>
    token === undefined
      ? `${String(v)} base units`
      : `${formatUnits(BigInt(v as bigint), token.decimals)} ${token.symbol}`;
  return `available ${amount(revert.args[0])}, required ${amount(revert.args[1])}`;
}

function notCommitted(leaseId: bigint, why: string, escrow: boolean): Diagnostic {
  return errorDiag({
    code: 'devnet-provider/update-not-committed',
    summary: 'Update not committed on chain',
    detail:
      `The update of lease ${leaseId} was not committed: ${why}. ` +
      'The lease keeps running its current manifest; the new one was not started.',
    hint: escrow
      ? 'Deposit into escrow what the new terms lock (`leasehold escrow deposit`), then apply again.'
      : 'Apply again; if it keeps failing, replace the slot.',
  });
}
