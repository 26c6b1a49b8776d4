import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { TokenAmount } from './model-types.js';
import { findToken } from './known-tokens.js';
import type { TokenInfo } from './known-tokens.js';
import { formatPath } from './spec-path.js';
import type { SpecPath } from './spec-path.js';
import {
  parseBlockTime,
  parseByteSize,
  parseCpu,
  parseDuration,
  parseTokenAmount,
} from '../../common/units/index.js';
import type { UnitResult } from '../../common/units/index.js';

/** What the normalizer's helpers share: the network's tokens and the diagnostics collected so far. */
export interface NormalizeContext {
  readonly tokens: readonly TokenInfo[];
  readonly baseDir: string;
  readonly diagnostics: Diagnostic[];
}

/** Options of one unit read: what the value is called in messages, and where it sits. */
export interface ReadUnitOptions<T> {
  readonly parse: (v: string | number) => UnitResult<T>;
  readonly what: string;
  readonly path: SpecPath;
  /** Stands in when parsing fails; the model is discarded anyway once there is an error. */
  readonly fallback: T;
  readonly address?: string | undefined;
  /** Valid forms the hint shows (`512Mi, 1Gi, 1G`); defaults to the parser's own. */
  readonly forms?: string | undefined;
}

/** Valid forms of each unit parser, for the hint: it must show the forms it tells you to use. */
const FORMS = new Map<unknown, string>([
  [parseDuration, '500ms, 30s, 5m, 1.5h, 7d (m is minutes)'],
  [parseByteSize, '512Mi, 1Gi, 1.5Gi, 1G or a number of bytes'],
  [parseCpu, '0.5, 2 or 500m'],
  [parseBlockTime, '2s, 12s or 250ms'],
]);

/** Parses one unit value; a failure becomes `spec/invalid-unit` with the path, never a guess. */
export function readUnit<T>(
  ctx: NormalizeContext,
  value: string | number,
  opts: ReadUnitOptions<T>,
): T {
  const r = opts.parse(value);
  if (r.ok) return r.value;
  ctx.diagnostics.push(
    errorDiag({
      code: 'spec/invalid-unit',
      summary: 'Invalid unit value',
      detail: `The ${opts.what} ${JSON.stringify(value)} cannot be read exactly: ${r.problem}.`,
      hint: hintFor(opts),
      path: formatPath(opts.path),
      ...(opts.address === undefined ? {} : { address: opts.address }),
    }),
  );
  return opts.fallback;
}

function hintFor<T>(opts: ReadUnitOptions<T>): string {
  const forms = opts.forms ?? FORMS.get(opts.parse);
  return forms === undefined
    ? `Rewrite the ${opts.what} as the detail describes.`
    : `Rewrite the ${opts.what} in one of these forms: ${forms}.`;
}

/** Where one amount of money sits in the spec, for messages. */
export interface ReadAmountOptions {
  readonly amount: string | number;
  readonly token: string;
  readonly what: string;
  readonly path: SpecPath;
  readonly tokenPath: SpecPath;
  readonly address?: string | undefined;
}

/**
 * Converts whole tokens to base units with the token's decimals. An unknown token is
 * `spec/unknown-token` listing the network's tokens: never a silent default token.
 */
export function readAmount(ctx: NormalizeContext, opts: ReadAmountOptions): TokenAmount | null {
  const token = findToken(ctx.tokens, opts.token);
  const address = opts.address === undefined ? {} : { address: opts.address };
  if (token === undefined) {
    ctx.diagnostics.push(
      unknownTokenDiag(ctx.tokens, opts.token, formatPath(opts.tokenPath), address),
    );
    return null;
  }
  const amount = readUnit(ctx, opts.amount, {
    parse: (v) => parseTokenAmount(v, token.decimals),
    what: `${opts.what} in ${token.symbol}`,
    path: opts.path,
    fallback: null,
    forms: `whole ${token.symbol} as a decimal string with at most ${token.decimals} decimals, such as '0.75' or '2'`,
    ...address,
  });
  return amount === null ? null : { token: token.symbol, amount: amount.toString() };
}

function unknownTokenDiag(
  tokens: readonly TokenInfo[],
  symbol: string,
  path: string,
  address: { address?: string },
): Diagnostic {
  const list = tokens.map((t) => t.symbol).join(', ');
  const near = tokens.find((t) => t.symbol.toLowerCase() === symbol.toLowerCase());
  return errorDiag({
    code: 'spec/unknown-token',
    summary: 'Unknown payment token',
    detail:
      tokens.length === 0
        ? `The token ${JSON.stringify(symbol)} cannot be used: the network lists no tokens.`
        : `The token ${JSON.stringify(symbol)} is not accepted on this network, which accepts ${list}.`,
    hint:
      near !== undefined
        ? `Write it as \`${near.symbol}\`.`
        : tokens.length === 0
          ? 'Add the token to the network address book under `tokens`.'
          : `Use one of ${list}.`,
    path,
    ...address,
  });
}
