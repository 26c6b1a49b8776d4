/**
 * Reads the latest block headers of a chain over JSON-RPC (HTTP), for measuring its block time:
 * one request for the latest header, then one batch for the `count` before it. Plain fetch, not
 * the marketplace client: the block time must be known before that client is built (it polls at
 * half a block). Error messages never contain the URL, which may carry an API key.
 */
import type { BlockStamp } from './decide-block-time.js';

/** Inputs of {@link readRecentBlocks}. */
export interface ReadRecentBlocksInput {
  /** http(s) JSON-RPC endpoint. */
  readonly rpcUrl: string;
  /** Blocks to read before the latest one (fewer on a younger chain). */
  readonly count: number;
  /** Per request. @default 15000 */
  readonly timeoutMs?: number | undefined;
}

interface RpcAnswer {
  readonly id?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code?: unknown; readonly message?: unknown } | undefined;
}

/** The latest block and up to `count` before it, oldest first; throws Error on any failure. */
export async function readRecentBlocks(input: ReadRecentBlocksInput): Promise<BlockStamp[]> {
  const [head] = await rpcBatch(input, ['latest']);
  if (head === undefined) throw new Error('the RPC returned no latest block');
  const first = Math.max(0, head.number - input.count);
  const tags: string[] = [];
  for (let n = first; n < head.number; n++) tags.push(`0x${n.toString(16)}`);
  const before = tags.length === 0 ? [] : await rpcBatch(input, tags);
  return [...before, head];
}

async function rpcBatch(
  input: ReadRecentBlocksInput,
  tags: readonly string[],
): Promise<BlockStamp[]> {
  const body = tags.map((tag, id) => ({
    jsonrpc: '2.0',
    id,
    method: 'eth_getBlockByNumber',
    params: [tag, false],
  }));
  let res: Response;
  try {
    const { url, headers } = splitCredentials(input.rpcUrl);
    res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(input.timeoutMs ?? 15_000),
    });
  } catch (e) {
    throw new Error(`the RPC cannot be reached (${fetchProblem(e)})`);
  }
  if (!res.ok) throw new Error(`the RPC answered HTTP ${res.status}`);
  let answers: unknown;
  try {
    answers = await res.json();
  } catch {
    throw new Error('the RPC answer is not JSON');
  }
  const list: readonly RpcAnswer[] = Array.isArray(answers) ? answers : [answers as RpcAnswer];
  return tags.map((_, id) => toStamp(list.find((a) => a.id === id)));
}

function toStamp(answer: RpcAnswer | undefined): BlockStamp {
  if (answer?.error !== undefined) {
    const msg = typeof answer.error.message === 'string' ? answer.error.message : 'no message';
    throw new Error(`the RPC refused eth_getBlockByNumber (${msg.slice(0, 200)})`);
  }
  const block = answer?.result as { number?: unknown; timestamp?: unknown } | null | undefined;
  if (typeof block?.number !== 'string' || typeof block.timestamp !== 'string')
    throw new Error('the RPC returned a block without number or timestamp');
  return { number: Number(BigInt(block.number)), timestamp: Number(BigInt(block.timestamp)) };
}

/** fetch refuses URLs with `user:pass@`; send them as Basic auth, as ethers does. */
function splitCredentials(rpcUrl: string): { url: string; headers: Record<string, string> } {
  const u = new URL(rpcUrl);
  if (u.username === '' && u.password === '') return { url: rpcUrl, headers: {} };
  const auth = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  u.username = '';
  u.password = '';
  return {
    url: u.toString(),
    headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` },
  };
}

/** The kind of failure, never its message (undici's may quote the host). */
function fetchProblem(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return 'no answer in time';
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'the connection failed';
}
