import { levenshtein } from '../spec/did-you-mean.js';
import { knownTokens } from '../spec/known-tokens.js';
import type { SpecPath } from '../spec/spec-path.js';
import type { ConvertNote } from './convert-context.js';

/** The network a converted spec targets: it names none, so the default one. */
export const CONVERT_TARGET_NETWORK = 'local';

/**
 * The accepted tokens closest to `symbol` by edit distance (ties alphabetical), at most `n`:
 * `CST` on the devnet → `USDT`, `USDC`.
 */
export function closestTokens(symbol: string, accepted: readonly string[], n = 2): string[] {
  const s = symbol.toLowerCase();
  return [...accepted]
    .map((t) => ({ t, d: levenshtein(s, t.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.t.localeCompare(b.t))
    .slice(0, n)
    .map((x) => x.t);
}

/**
 * A warning when the source pays in a token that the target network does not list (pure): the
 * converted spec would fail validation with `spec/unknown-token`, so convert says it first and
 * names the closest tokens the network accepts. Null when the network lists it.
 */
export function checkTargetToken(
  symbol: string,
  at: SpecPath,
  network = CONVERT_TARGET_NETWORK,
): ConvertNote | null {
  const accepted = (knownTokens(network) ?? []).map((t) => t.symbol);
  if (accepted.length === 0 || accepted.includes(symbol)) return null;
  const closest = closestTokens(symbol, accepted);
  return {
    code: 'convert/token-not-on-network',
    summary: 'Payment token not accepted on the target network',
    detail: `The source pays in ${symbol}, which the network \`${network}\` does not list (it accepts ${accepted.join(', ')}); the converted spec keeps ${symbol} and will not validate there. Closest accepted: ${closest.join(', ')}.`,
    hint: `Change \`token\` to ${closest.map((t) => `\`${t}\``).join(' or ')}, or set \`network\` to one that lists ${symbol}.`,
    at,
  };
}
