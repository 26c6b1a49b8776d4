/**
 * The one edge where ethers errors become MarketplaceErrors (STYLE §15): custom-error reverts are
 * decoded by name and arguments, RPC failures and gas shortfalls get their own codes. Context (the
 * action, order id, tx hash) goes into the detail; keys and tokens never do, and the RPC URL is
 * redacted in case it carries credentials.
 */
import { redact } from '../../cli/diag/index.js';
import { marketplaceInterfaces } from '../../wire/contract-interfaces.js';
import { MarketplaceError } from './marketplace-error.js';
import { revertMeaning } from './revert-catalogue.js';

/** Node's codes for a connection that broke or timed out: the same request may succeed again. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/**
 * True for an RPC failure worth retrying unchanged a moment later: ethers' TIMEOUT, an HTTP 429 or
 * 5xx answer, or a broken connection. Read from the error's structured fields (ethers' code, the
 * HTTP status, Node's errno code) — never from its message text, where any number may appear.
 */
export function isTransientRpcError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    code?: unknown;
    response?: { statusCode?: unknown } | undefined;
    cause?: unknown;
    error?: unknown;
  };
  if (e.code === 'TIMEOUT') return true;
  if (e.code === 'SERVER_ERROR' && typeof e.response?.statusCode === 'number') {
    const status = e.response.statusCode;
    if (status === 429 || status >= 500) return true;
  }
  if (typeof e.code === 'string' && TRANSIENT_NETWORK_CODES.has(e.code)) return true;
  // ethers wraps the failure it saw in `error` (SERVER_ERROR) or `cause`.
  for (const inner of [e.error, e.cause])
    if (inner !== undefined && inner !== err && isTransientRpcError(inner)) return true;
  return false;
}

/** Where the error happened, for the detail. */
export interface ErrorContext {
  /** `createOrder`, `deposit`, `read leases` … */
  readonly action: string;
  readonly orderId?: bigint | undefined;
  readonly txHash?: string | undefined;
  /** Formats token base units for InsufficientBalance, when the token is known. */
  readonly formatAmount?: ((base: bigint) => string) | undefined;
}

/** A decoded custom error. */
export interface DecodedRevert {
  readonly name: string;
  /** Canonical signature, `InsufficientBalance()`: tells overloads of one name apart. */
  readonly signature: string;
  readonly args: readonly unknown[];
}

interface EthersLike {
  readonly code?: unknown;
  readonly data?: unknown;
  readonly shortMessage?: unknown;
  readonly message?: unknown;
  readonly info?: { readonly error?: { readonly data?: unknown } } | undefined;
  readonly error?: { readonly data?: unknown } | undefined;
  readonly cause?: unknown;
}

/** Finds revert data in an ethers error (its nesting varies by path) and decodes it. */
export function decodeRevert(err: unknown): DecodedRevert | null {
  const e = (typeof err === 'object' && err !== null ? err : {}) as EthersLike;
  const candidates = [e.data, e.info?.error?.data, e.error?.data];
  for (const data of candidates) {
    if (typeof data !== 'string' || !/^0x[0-9a-fA-F]{8}/.test(data)) continue;
    const parsed = marketplaceInterfaces().errors.parseError(data);
    if (parsed !== null)
      return { name: parsed.name, signature: parsed.signature, args: [...parsed.args] };
  }
  return e.cause !== undefined && e.cause !== err ? decodeRevert(e.cause) : null;
}

/** Turns anything thrown by ethers into a MarketplaceError (returns MarketplaceErrors unchanged). */
export function normalizeError(err: unknown, ctx: ErrorContext): MarketplaceError {
  if (err instanceof MarketplaceError) return err;
  const where = contextLine(ctx);
  const revert = decodeRevert(err);
  if (revert !== null) return revertError(revert, ctx, where, err);
  const e = (typeof err === 'object' && err !== null ? err : {}) as EthersLike;
  const message = redact(String(e.shortMessage ?? e.message ?? err));
  if (e.code === 'INSUFFICIENT_FUNDS') {
    return new MarketplaceError({
      code: 'marketplace/insufficient-gas',
      summary: 'Wallet cannot pay for gas',
      detail: `${where}: the wallet has too little native currency for the transaction fee.`,
      hint: 'Send ETH for gas to the wallet (`leasehold devnet fund ADDRESS` on the devnet).',
      cause: err,
    });
  }
  if (e.code === 'NONCE_EXPIRED' || e.code === 'REPLACEMENT_UNDERPRICED') {
    return new MarketplaceError({
      code: 'marketplace/nonce-conflict',
      summary: 'Transaction nonce already used',
      detail: `${where}: ${message}. Another process may be sending from the same wallet.`,
      hint: 'Run one Leasehold process per wallet at a time, then retry.',
      cause: err,
    });
  }
  if (e.code === 'CALL_EXCEPTION') {
    return new MarketplaceError({
      code: 'marketplace/reverted',
      summary: 'Contract call reverted',
      detail: `${where}: the contract reverted without a known error (${message}).`,
      hint: 'Check the arguments against the contract rules, or report it with LEASEHOLD_DEBUG=1.',
      cause: err,
    });
  }
  return new MarketplaceError({
    code: 'marketplace/rpc-failed',
    summary: 'Chain RPC request failed',
    detail: `${where}: ${message}.`,
    hint: 'Check that the network RPC is reachable (LEASEHOLD_RPC_URL, --network) and retry.',
    cause: err,
  });
}

/**
 * A decoded revert as a MarketplaceError: the code, summary and hint of its name
 * (revert-catalogue.ts), the name and arguments in the detail. InsufficientBalance with amounts
 * (EscrowUser, the devnet) shows them in token units; mainnet's OrderRequest reverts it without any.
 */
function revertError(
  r: DecodedRevert,
  ctx: ErrorContext,
  where: string,
  cause: unknown,
): MarketplaceError {
  const meaning = revertMeaning(r.name) ?? {
    code: 'marketplace/contract-error',
    summary: 'Contract rejected the call',
    hint: 'Check the call against the contract rules in the error name; report it with LEASEHOLD_DEBUG=1.',
  };
  const { code, summary, hint } = meaning;
  if (r.name === 'InsufficientBalance' && r.args.length === 2) {
    const fmt = ctx.formatAmount ?? ((b: bigint) => `${b} base units`);
    const [available, required] = r.args.map((a) => BigInt(a as bigint));
    return new MarketplaceError({
      code,
      summary,
      detail: `${where}: the contract reverted InsufficientBalance — available ${fmt(available ?? 0n)}, required ${fmt(required ?? 0n)}.`,
      hint,
      cause,
    });
  }
  if (r.name === 'InsufficientBalance') {
    return new MarketplaceError({
      code,
      summary,
      detail: `${where}: the contract reverted InsufficientBalance() — the escrow's unlocked balance does not cover the order's price for its duration.`,
      hint,
      cause,
    });
  }
  const args = r.args.map(formatArg).join(', ');
  return new MarketplaceError({
    code,
    summary,
    detail: `${where}: the contract reverted ${r.name}(${args}).`,
    hint,
    cause,
  });
}

/** An argument as the detail shows it: integers in decimal, bytes and addresses as hex. */
function formatArg(a: unknown): string {
  return typeof a === 'bigint' ? a.toString() : String(a);
}

function contextLine(ctx: ErrorContext): string {
  const parts = [ctx.action];
  if (ctx.orderId !== undefined) parts.push(`order ${ctx.orderId}`);
  if (ctx.txHash !== undefined) parts.push(`tx ${ctx.txHash}`);
  return parts.join(', ');
}
