/**
 * Pure decisions of the transaction pipeline: what to do with a sent transaction that has no
 * receipt yet, and the fees of its re-send. A transaction is only ever re-sent with the SAME nonce
 * (so at most one of its versions can be mined): a dropped order comes back as the same order,
 * never as a second one.
 */

/** What the node said about a sent transaction on one check. */
export interface TxCheck {
  /** The transaction's nonce. */
  readonly nonce: number;
  /** The wallet's mined transaction count (`latest`). */
  readonly minedCount: number;
  /** Whether any version of it (every hash sent for this nonce) has a receipt. */
  readonly mined: boolean;
  /** Whether the node still holds its latest version (in the mempool or mined). */
  readonly known: boolean;
  /** Milliseconds since its latest version was broadcast. */
  readonly sinceSentMs: number;
  /** After this long pending, its fee is taken to be too low for the chain and bumped. */
  readonly stuckAfterMs: number;
}

/**
 * `mined`: read the receipt. `replaced`: the nonce was used by a transaction that is none of ours
 * (another process on the wallet) — never re-send it as a new one. `resend`: the node dropped it,
 * or it is stuck underpriced: send it again, same nonce, bumped fee. `wait`: ask again later.
 */
export type TxStep = 'mined' | 'replaced' | 'resend' | 'wait';

/** The next step for a sent transaction (see {@link TxStep}). */
export function decideTxStep(c: TxCheck): TxStep {
  if (c.mined) return 'mined';
  // The nonce is used and no version of ours has a receipt. The receipts are read AFTER the count,
  // so a version of ours mined in between would have shown up as mined.
  if (c.minedCount > c.nonce) return 'replaced';
  if (!c.known) return 'resend';
  return c.sinceSentMs >= c.stuckAfterMs ? 'resend' : 'wait';
}

/** EIP-1559 fees of one transaction version (wei). */
export interface Fees {
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
}

/**
 * Nodes accept a replacement of a pending transaction only with both fees at least 10% higher
 * (geth's default price bump; anvil's too): 12.5% leaves room for rounding.
 */
const BUMP_NUM = 9n;
const BUMP_DEN = 8n;

/**
 * The fees of a re-send: each at least 12.5% (rounded up) above the version it replaces, and never
 * below what the node suggests now; the max fee never below the tip.
 */
export function bumpFees(previous: Fees, suggested: Fees | null): Fees {
  const up = (v: bigint): bigint => (v * BUMP_NUM + BUMP_DEN - 1n) / BUMP_DEN;
  const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
  // A zero tip (a devnet) must still rise, or the replacement is refused as underpriced.
  const tip = max(
    max(up(previous.maxPriorityFeePerGas), previous.maxPriorityFeePerGas + 1n),
    suggested?.maxPriorityFeePerGas ?? 0n,
  );
  const fee = max(
    max(up(previous.maxFeePerGas), previous.maxFeePerGas + 1n),
    suggested?.maxFeePerGas ?? 0n,
  );
  return { maxFeePerGas: max(fee, tip), maxPriorityFeePerGas: tip };
}

/** How a broadcast the node refused is handled. */
export type BroadcastRefusal = 'known' | 'underpriced' | 'nonce-used' | 'fatal';

/**
 * Classifies a refused broadcast by the ethers error code and the node's message: `known` (the
 * node has this exact transaction: it was sent), `underpriced` (another version of this nonce is
 * pending: bump and send again), `nonce-used` (the nonce is mined already), anything else `fatal`.
 */
export function classifyBroadcastError(
  code: string | undefined,
  message: string,
): BroadcastRefusal {
  const m = message.toLowerCase();
  if (m.includes('already known') || m.includes('already imported')) return 'known';
  if (code === 'REPLACEMENT_UNDERPRICED' || m.includes('underpriced')) return 'underpriced';
  if (code === 'NONCE_EXPIRED' || m.includes('nonce too low')) return 'nonce-used';
  return 'fatal';
}
