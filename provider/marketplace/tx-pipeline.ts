/**
 * One wallet's transactions, pipelined: gas is estimated first (a revert costs no nonce), then the
 * nonce is taken locally and in order, the transaction signed, its hash and nonce handed to the
 * journal, and it is broadcast — without waiting for any earlier transaction's receipt. Every
 * transaction in flight waits on one shared tick, so their receipt checks go out together as one
 * JSON-RPC batch. A transaction the node dropped, or that sits underpriced, is sent again with the
 * same nonce and a bumped fee (decide-tx-step.ts), so it can never become a second order.
 */
import { keccak256 } from 'ethers';
import type { JsonRpcProvider, Signer, TransactionReceipt, TransactionRequest } from 'ethers';
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import { bumpFees, classifyBroadcastError, decideTxStep } from './decide-tx-step.js';
import type { Fees } from './decide-tx-step.js';
import { MarketplaceError } from './marketplace-error.js';
import { NonceBook } from './nonce-book.js';

/** Options of {@link TxPipeline}. */
export interface TxPipelineOptions {
  readonly provider: JsonRpcProvider;
  /** The wallet, connected to `provider`. */
  readonly wallet: Signer;
  /** How often transactions in flight are checked. */
  readonly pollMs: number;
  /** A transaction pending this long is taken to be underpriced and re-sent with a bumped fee. */
  readonly stuckAfterMs: number;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}

/** Called with each version's hash and nonce before it is broadcast (journal them). */
export type OnSigned = (txHash: string, nonce: number) => void | Promise<void>;

/** Re-sends of one transaction before it is given up as not mineable. */
const MAX_RESENDS = 8;
/** A nonce found taken at broadcast is re-taken this many times before giving up. */
const MAX_RETAKES = 3;

/** One version of a transaction, as sent. */
interface Version {
  readonly hash: string;
  readonly fees: Fees;
  readonly sentAt: number;
}

/** A wallet's pipelined sender (see the file header). */
export class TxPipeline {
  readonly #o: TxPipelineOptions;
  readonly #clock: Clock;
  readonly #book = new NonceBook();
  #syncing: Promise<void> | null = null;
  #tick: Promise<number> | null = null;
  #from: string | null = null;

  constructor(opts: TxPipelineOptions) {
    this.#o = opts;
    this.#clock = opts.clock ?? systemClock;
  }

  /** Sends `request` and resolves with its receipt (a revert rejects, as ethers' `wait` does). */
  async send(request: TransactionRequest, onSigned?: OnSigned): Promise<TransactionReceipt> {
    const { provider } = this.#o;
    const from = await this.#address();
    const gasLimit =
      request.gasLimit ?? withHeadroom(await provider.estimateGas({ ...request, from }));
    let fees = await this.#suggestedFees();
    for (let retake = 0; ; retake++) {
      await this.#sync();
      const nonce = this.#book.take();
      let hash: string;
      try {
        hash = await this.#signAndSend({ ...request, from, gasLimit }, nonce, fees, onSigned);
      } catch (err) {
        const kind = refusal(err);
        // Taken by a transaction that is not ours (another process on this wallet): start again
        // from the node's count with a new nonce. The refused version was never in any pool.
        if ((kind === 'nonce-used' || kind === 'underpriced') && retake < MAX_RETAKES) {
          this.#book.reset();
          fees = await this.#suggestedFees();
          continue;
        }
        if (kind !== 'broadcast-unknown') this.#book.release(nonce);
        throw err;
      }
      return this.#await(
        { ...request, from, gasLimit },
        nonce,
        {
          hash,
          fees,
          sentAt: this.#clock.now(),
        },
        onSigned,
      );
    }
  }

  /** Forgets the local nonce count: the next send asks the node again. */
  reset(): void {
    this.#book.reset();
  }

  async #address(): Promise<string> {
    this.#from ??= await this.#o.wallet.getAddress();
    return this.#from;
  }

  /** One read of the node's pending count for every send that starts before it is known. */
  async #sync(): Promise<void> {
    if (this.#book.started) return;
    this.#syncing ??= (async () => {
      try {
        const from = await this.#address();
        this.#book.sync(await this.#o.provider.getTransactionCount(from, 'pending'));
      } finally {
        this.#syncing = null;
      }
    })();
    await this.#syncing;
  }

  async #suggestedFees(): Promise<Fees> {
    const d = await this.#o.provider.getFeeData();
    const tip = d.maxPriorityFeePerGas ?? 0n;
    const fee = d.maxFeePerGas ?? d.gasPrice ?? tip;
    return { maxFeePerGas: fee > tip ? fee : tip, maxPriorityFeePerGas: tip };
  }

  /** Signs one version, journals it, broadcasts it; returns its hash. */
  async #signAndSend(
    request: TransactionRequest,
    nonce: number,
    fees: Fees,
    onSigned: OnSigned | undefined,
  ): Promise<string> {
    const { wallet, provider } = this.#o;
    const populated = await wallet.populateTransaction({ ...request, nonce, type: 2, ...fees });
    const signed = await wallet.signTransaction(populated);
    const hash = keccak256(signed);
    // Journalled before the node sees it: a crash at any later instant leaves a hash and a nonce
    // to ask the node about.
    await onSigned?.(hash, nonce);
    try {
      await provider.send('eth_sendRawTransaction', [signed]);
    } catch (err) {
      const e = err as {
        code?: string;
        shortMessage?: string;
        message?: string;
        error?: { message?: string };
      };
      const message = `${e.shortMessage ?? ''} ${e.message ?? ''} ${e.error?.message ?? ''}`;
      const kind = classifyBroadcastError(e.code, message);
      if (kind === 'known') return hash;
      // A timeout may have reached the node: keep the nonce, the journal has the hash.
      throw tagged(err, kind === 'fatal' && isTimeout(err) ? 'broadcast-unknown' : kind);
    }
    return hash;
  }

  /** The shared tick: every transaction in flight wakes together, and reads one mined count. */
  #nextTick(): Promise<number> {
    this.#tick ??= this.#clock.sleep(this.#o.pollMs).then(async () => {
      this.#tick = null;
      return this.#o.provider.getTransactionCount(await this.#address(), 'latest');
    });
    return this.#tick;
  }

  async #await(
    request: TransactionRequest,
    nonce: number,
    first: Version,
    onSigned: OnSigned | undefined,
  ): Promise<TransactionReceipt> {
    const { provider } = this.#o;
    const versions: Version[] = [first];
    // Two checks in a row: behind a load balancer the count may come from a node ahead of the one
    // that answers for receipts, and a false "replaced" would fail a slot whose order was mined.
    let replacedChecks = 0;
    for (;;) {
      const minedCount = await this.#nextTick();
      const receipts = (await Promise.all(
        versions.map((v) => provider.send('eth_getTransactionReceipt', [v.hash])),
      )) as unknown[];
      const minedAt = receipts.findIndex((r) => r !== null && r !== undefined);
      const latest = versions[versions.length - 1] as Version;
      const known =
        minedAt >= 0 ||
        ((await provider.send('eth_getTransactionByHash', [latest.hash])) as unknown) !== null;
      const step = decideTxStep({
        nonce,
        minedCount,
        mined: minedAt >= 0,
        known,
        sinceSentMs: this.#clock.now() - latest.sentAt,
        stuckAfterMs: this.#o.stuckAfterMs,
      });
      if (step === 'mined')
        return receiptOf(provider, versions[minedAt]?.hash ?? latest.hash, request);
      replacedChecks = step === 'replaced' ? replacedChecks + 1 : 0;
      if (replacedChecks >= 2) throw replacedError(nonce, versions);
      if (step === 'wait' || step === 'replaced') continue;
      if (versions.length > MAX_RESENDS) throw notMinedError(nonce, versions);
      const fees = bumpFees(latest.fees, await this.#suggestedFees().catch(() => null));
      try {
        const hash = await this.#signAndSend(request, nonce, fees, onSigned);
        versions.push({ hash, fees, sentAt: this.#clock.now() });
      } catch (err) {
        const kind = refusal(err);
        // Underpriced: bump again next time. Nonce used: a version was mined, the next tick sees it.
        if (kind === 'underpriced' || kind === 'nonce-used' || kind === 'broadcast-unknown')
          versions.push({ hash: latest.hash, fees, sentAt: this.#clock.now() });
        else throw err;
      }
    }
  }
}

type Refusal = 'known' | 'underpriced' | 'nonce-used' | 'fatal' | 'broadcast-unknown';

function tagged(err: unknown, kind: Refusal): unknown {
  if (typeof err === 'object' && err !== null)
    Object.defineProperty(err, 'leaseholdRefusal', { value: kind, enumerable: false });
  return err;
}

function refusal(err: unknown): Refusal | null {
  if (typeof err !== 'object' || err === null) return null;
  return (err as { leaseholdRefusal?: Refusal }).leaseholdRefusal ?? null;
}

function isTimeout(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'TIMEOUT';
}

async function receiptOf(
  provider: JsonRpcProvider,
  hash: string,
  request: TransactionRequest,
): Promise<TransactionReceipt> {
  const receipt = await provider.getTransactionReceipt(hash);
  if (receipt === null) throw new Error(`receipt of ${hash} vanished`);
  if (receipt.status === 0) {
    // A receipt carries no revert data. The estimate passed, so the state changed between it and
    // the block (e.g. a provider closed the lease first): replay the call on the block's state to
    // name the error, so callers can tell "already terminated" from a real failure.
    const data = await revertDataAt(provider, request, receipt.blockNumber);
    // The shape ethers' own `wait` rejects with, so error normalisation reads it the same way.
    throw Object.assign(new Error('transaction execution reverted'), {
      code: 'CALL_EXCEPTION',
      shortMessage: 'transaction execution reverted',
      receipt,
      ...(data === null ? {} : { data }),
    });
  }
  return receipt;
}

async function revertDataAt(
  provider: JsonRpcProvider,
  request: TransactionRequest,
  blockTag: number,
): Promise<string | null> {
  try {
    const { to, from, data, value } = request;
    await provider.call({
      blockTag,
      ...(to == null ? {} : { to }),
      ...(from == null ? {} : { from }),
      ...(data == null ? {} : { data }),
      ...(value == null ? {} : { value }),
    });
    return null;
  } catch (err) {
    const e = err as { data?: unknown; info?: { error?: { data?: unknown } } };
    const found = e.data ?? e.info?.error?.data;
    return typeof found === 'string' && found.startsWith('0x') ? found : null;
  }
}

function replacedError(nonce: number, versions: readonly Version[]): MarketplaceError {
  return new MarketplaceError({
    code: 'marketplace/nonce-conflict',
    summary: 'Transaction nonce already used',
    detail: `Nonce ${nonce} was mined by a transaction that is not this one (${versions.map((v) => v.hash).join(', ')}). Another process may be sending from the same wallet; nothing was sent again.`,
    hint: 'Run one Leasehold process per wallet at a time, then run apply again: it resumes from the chain.',
  });
}

function notMinedError(nonce: number, versions: readonly Version[]): MarketplaceError {
  return new MarketplaceError({
    code: 'marketplace/tx-not-mined',
    summary: 'Transaction was not mined',
    detail: `Nonce ${nonce} was sent ${versions.length} times with rising fees (${versions.map((v) => v.hash).join(', ')}) and none was mined.`,
    hint: 'Check the network RPC and the chain, then run apply again: it resumes from the journal.',
  });
}

/**
 * A burst's transactions are estimated against the state before any of them, but each runs after
 * the others in its block (warm and cold storage, grown arrays): a bare estimate can fall short
 * and revert out of gas. A quarter more plus 20k covers it; gas not used is not paid.
 */
export function withHeadroom(estimate: bigint): bigint {
  return (estimate * 5n) / 4n + 20_000n;
}
