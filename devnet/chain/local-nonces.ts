/**
 * A devnet account that sends its transactions without waiting for one another: gas is estimated
 * first (a revert — a bid on an order just matched — costs no nonce), then the nonce is taken from
 * a local counter and the transaction sent. A provider bidding on a burst of 100 orders, or the
 * matcher matching them, thus puts all its transactions into the next block instead of one round
 * trip after another. (ethers' NonceManager takes the nonce BEFORE estimating, so one revert
 * leaves a gap that holds every later transaction back.) A send that fails after taking its nonce
 * gives the last nonce back, or makes the counter start again from the node's pending count.
 */
import { AbstractSigner } from 'ethers';
import type {
  JsonRpcProvider,
  Provider,
  TransactionRequest,
  TransactionResponse,
  TypedDataDomain,
  TypedDataField,
  Wallet,
} from 'ethers';

/** A Wallet whose sends take locally counted nonces (see the file header). */
export class LocalNonceSigner extends AbstractSigner<JsonRpcProvider> {
  #next: number | null = null;
  #syncing: Promise<number> | null = null;

  constructor(
    readonly wallet: Wallet,
    rpc: JsonRpcProvider,
  ) {
    super(rpc);
  }

  override getAddress(): Promise<string> {
    return Promise.resolve(this.wallet.address);
  }

  override connect(_provider: Provider | null): LocalNonceSigner {
    throw new Error('LocalNonceSigner is bound to its provider');
  }

  override signTransaction(tx: TransactionRequest): Promise<string> {
    return this.wallet.signTransaction(tx);
  }

  override signMessage(message: string | Uint8Array): Promise<string> {
    return this.wallet.signMessage(message);
  }

  override signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string> {
    return this.wallet.signTypedData(domain, types, value);
  }

  override async sendTransaction(tx: TransactionRequest): Promise<TransactionResponse> {
    const rpc = this.provider as JsonRpcProvider;
    const gasLimit =
      tx.gasLimit ?? withHeadroom(await rpc.estimateGas({ ...tx, from: this.wallet.address }));
    const nonce = await this.#take();
    try {
      return await this.wallet.connect(rpc).sendTransaction({ ...tx, gasLimit, nonce });
    } catch (err) {
      this.#next = this.#next === nonce + 1 ? nonce : null;
      throw err;
    }
  }

  async #take(): Promise<number> {
    while (this.#next === null) {
      this.#syncing ??= (this.provider as JsonRpcProvider).getTransactionCount(
        this.wallet.address,
        'pending',
      );
      const count = await this.#syncing;
      this.#syncing = null;
      this.#next ??= count;
    }
    return this.#next++;
  }
}

/**
 * Gas is estimated against the state before the burst, but each transaction of a burst runs after
 * the others in its block (cold slots made warm, arrays grown): its own estimate can fall short and
 * revert out of gas. Half again plus 50k covers that; unused gas is not paid.
 */
export function withHeadroom(estimate: bigint): bigint {
  return (estimate * 3n) / 2n + 50_000n;
}
