import { isRecord } from '../../common/index.js';
import { jsonEqual } from '../plan/json-equal.js';
import type { Change } from '../plan/plan-types.js';
import { formatAttributeValue } from './attribute-units.js';
import type { AttributeUnitContext } from './attribute-units.js';
import { dottedPath, isUnderPattern } from './plan-paths.js';
import type { AttrPath } from './plan-paths.js';
import type { Style } from './style.js';

type Sym = '+' | '-' | '~' | ' ';

interface Ctx {
  readonly style: Style;
  readonly sensitive: readonly string[];
  readonly unknown: readonly string[];
  readonly replace: ReadonlySet<string>;
  /** Secret display paths whose value changed: one `(value changed)` line each, at the top level. */
  readonly secretsChanged: readonly string[];
  /** How attributes with a unit are shown (`1 CPU`, `1 GiB`, `24h`, `2 USDT/h`). */
  readonly units: AttributeUnitContext;
}

const ABSENT: unique symbol = Symbol('absent');
type Slot = unknown | typeof ABSENT;

const SENSITIVE = '(sensitive value)';
const UNKNOWN = '(known after apply)';
const VALUE_CHANGED = '(value changed)';

/**
 * The attribute lines of one change in Terraform's layout, starting at column `indent`: every
 * attribute on create and destroy, only what differs on update and replace (the rest counted in
 * a `# (N unchanged attributes hidden)` line). Sensitive paths print `(sensitive value)`; a secret
 * whose value changed prints `~ secrets.NAME = (value changed)` — never the value. Attributes
 * with a unit are shown for people (`cpu = 1 CPU`, `memory = 1 GiB`, `pricing.amount = 2 USDT/h`;
 * `decimals` by token symbol); the JSON plan keeps the model's units.
 */
export function renderPlanAttributes(
  change: Change,
  style: Style,
  indent: number,
  decimals: ReadonlyMap<string, number> = new Map(),
): string[] {
  const ctx: Ctx = {
    style,
    sensitive: change.sensitivePaths,
    unknown: change.afterUnknown,
    replace: new Set(change.replacePaths ?? []),
    secretsChanged: change.secretsChanged ?? [],
    units: { type: change.type, token: pricingToken(change), decimals },
  };
  const before = isRecord(change.before) ? change.before : {};
  const after = isRecord(change.after) ? { ...change.after } : {};
  // Unknown leaves may be missing from `after` altogether; they still get a line.
  if (change.after !== null && change.after !== undefined) {
    for (const p of change.afterUnknown) if (!p.includes('.') && !(p in after)) after[p] = null;
  }
  return renderBody(before, after, [], indent, ctx);
}

function renderBody(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: AttrPath,
  indent: number,
  ctx: Ctx,
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const entry = (key: string, width: number): string[] | null => {
    const b: Slot = key in before ? before[key] : ABSENT;
    const a: Slot = key in after ? after[key] : ABSENT;
    return renderEntry({ key, b, a, path: [...path, key], indent, width }, ctx);
  };
  // Align `=` over the lines shown only, as Terraform does: hidden keys must not widen the column.
  const shown = keys.filter((k) => entry(k, 0) !== null);
  const secrets = path.length === 0 ? ctx.secretsChanged : [];
  const width = Math.max(
    0,
    ...shown.map((k) => formatKey(k).length),
    ...secrets.map((k) => k.length),
  );
  const lines = [...shown, ...secrets]
    .sort()
    .flatMap((k) =>
      secrets.includes(k)
        ? [`${pad(indent)}${symbol('~', ctx.style)} ${k.padEnd(width)} = ${VALUE_CHANGED}`]
        : (entry(k, width) ?? []),
    );
  const hidden = keys.length - shown.length;
  if (hidden > 0) {
    const noun = path.length === 0 ? 'attribute' : 'element';
    lines.push(
      `${pad(indent + 2)}${ctx.style.dim(`# (${hidden} unchanged ${noun}${hidden === 1 ? '' : 's'} hidden)`)}`,
    );
  }
  return lines;
}

interface Entry {
  readonly key: string;
  readonly b: Slot;
  readonly a: Slot;
  readonly path: AttrPath;
  readonly indent: number;
  readonly width: number;
}

function renderEntry(e: Entry, ctx: Ctx): string[] | null {
  const head = (sym: Sym): string =>
    `${pad(e.indent)}${symbol(sym, ctx.style)} ${formatKey(e.key).padEnd(e.width)} = `;
  const forces = ctx.replace.has(dottedPath(e.path))
    ? ` ${ctx.style.red('# forces replacement')}`
    : '';
  const sensitive = isUnderPattern(e.path, ctx.sensitive);
  if (isUnderPattern(e.path, ctx.unknown) && e.a !== ABSENT) {
    if (e.b === ABSENT || e.b === null) return [`${head('+')}${UNKNOWN}`];
    return [`${head('~')}${show(e.b, e.path, ctx, sensitive)} -> ${UNKNOWN}${forces}`];
  }
  if (e.b === ABSENT && e.a === ABSENT) return null;
  if (e.b === ABSENT)
    return attach(head('+'), renderValue(e.a, '+', e.indent, e.path, ctx), forces);
  if (e.a === ABSENT)
    return attach(head('-'), renderValue(e.b, '-', e.indent, e.path, ctx), forces, ' -> null');
  if (jsonEqual(e.b, e.a)) return null;
  if (!sensitive && isRecord(e.b) && isRecord(e.a)) {
    const body = renderBody(e.b, e.a, e.path, e.indent + 4, ctx);
    return [`${head('~')}{${forces}`, ...body, `${pad(e.indent + 2)}}`];
  }
  if (!sensitive && Array.isArray(e.b) && Array.isArray(e.a)) {
    return [
      `${head('~')}[${forces}`,
      ...renderArrayDiff(e.b, e.a, e, ctx),
      `${pad(e.indent + 2)}]`,
    ];
  }
  const text = sensitive
    ? `${SENSITIVE} -> ${SENSITIVE}`
    : `${show(e.b, e.path, ctx, false)} -> ${show(e.a, e.path, ctx, false)}`;
  return [`${head('~')}${text}${forces}`];
}

function renderArrayDiff(before: unknown[], after: unknown[], e: Entry, ctx: Ctx): string[] {
  const lines: string[] = [];
  const inner = e.indent + 4;
  before.forEach((v, i) => {
    if (!after.some((w) => jsonEqual(v, w)))
      lines.push(...element(v, '-', inner, [...e.path, i], ctx));
  });
  after.forEach((v, i) => {
    if (!before.some((w) => jsonEqual(v, w)))
      lines.push(...element(v, '+', inner, [...e.path, i], ctx));
  });
  const kept = after.filter((v) => before.some((w) => jsonEqual(v, w))).length;
  if (kept > 0)
    lines.push(
      `${pad(inner + 2)}${ctx.style.dim(`# (${kept} unchanged element${kept === 1 ? '' : 's'} hidden)`)}`,
    );
  return lines;
}

function element(v: unknown, sym: Sym, indent: number, path: AttrPath, ctx: Ctx): string[] {
  const value = renderValue(v, sym, indent, path, ctx);
  const last = value.length - 1;
  return value.map(
    (l, i) =>
      (i === 0 ? `${pad(indent)}${symbol(sym, ctx.style)} ${l}` : l) + (i === last ? ',' : ''),
  );
}

/** A value's lines: the first continues after `key = `, the rest are indented under it. */
function renderValue(v: unknown, sym: Sym, indent: number, path: AttrPath, ctx: Ctx): string[] {
  if (isUnderPattern(path, ctx.sensitive)) return [SENSITIVE];
  if (isRecord(v)) {
    if (Object.keys(v).length === 0) return ['{}'];
    const empty: Record<string, unknown> = {};
    const body =
      sym === '-'
        ? renderBody(v, empty, path, indent + 4, ctx)
        : renderBody(empty, v, path, indent + 4, ctx);
    return ['{', ...body, `${pad(indent + 2)}}`];
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return ['[]'];
    return [
      '[',
      ...v.flatMap((x, i) => element(x, sym, indent + 4, [...path, i], ctx)),
      `${pad(indent + 2)}]`,
    ];
  }
  return [show(v, path, ctx, false)];
}

function attach(head: string, value: string[], forces: string, scalarSuffix = ''): string[] {
  const [first = '', ...rest] = value;
  const suffix = rest.length === 0 ? scalarSuffix : '';
  return [`${head}${first}${suffix}${forces}`, ...rest];
}

function show(v: unknown, path: AttrPath, ctx: Ctx, sensitive: boolean): string {
  if (sensitive) return SENSITIVE;
  const human = formatAttributeValue(v, path, ctx.units);
  if (human !== null) return human;
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** The token a change's `pricing.amount` is in (after's, else before's). */
function pricingToken(change: Change): string | null {
  for (const v of [change.after, change.before]) {
    const pricing = isRecord(v) ? v['pricing'] : undefined;
    if (isRecord(pricing) && typeof pricing['token'] === 'string') return pricing['token'];
  }
  return null;
}

function formatKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

function symbol(sym: Sym, style: Style): string {
  if (sym === '+') return style.green('+');
  if (sym === '-') return style.red('-');
  if (sym === '~') return style.yellow('~');
  return ' ';
}

function pad(n: number): string {
  return ' '.repeat(n);
}
