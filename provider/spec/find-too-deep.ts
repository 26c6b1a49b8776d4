import { Lexer, Parser } from 'yaml';
import type { CST } from 'yaml';
import type { SpecPath } from './spec-path.js';
import { walkCst } from './walk-cst.js';

/**
 * Finders for the nesting-depth limit, one per stage of reading YAML, each iterative so that a
 * pathological document cannot overflow the stack while being measured. Depth counts mappings
 * and lists: the top-level mapping is 1, `instances.web.ports[0]` sits at 5. Each finder returns
 * where the first collection deeper than `maxDepth` starts.
 */

// Tokens the lexer emits that are not part of the source (yaml's CST.DOCUMENT, FLOW_END, SCALAR).
const DOC_MODE = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

/**
 * Where deep flow nesting (`[[[[…`) first passes `maxDepth`, or undefined when flow nesting alone
 * stays within it. It runs before the CST parser, which slows to a crawl on deep flow nesting
 * (160,000 brackets take it seconds): the lexer finds the first bracket past the limit in linear
 * time, then the CST of the text up to that bracket alone gives the exact spot, block levels
 * included.
 */
export function findTooDeepFlow(text: string, maxDepth: number): number | undefined {
  const bracket = flowTooDeepAt(text, maxDepth);
  if (bracket === undefined) return undefined;
  const head = [...new Parser().parse(text.slice(0, bracket + 1))];
  return findTooDeepCst(head, maxDepth) ?? bracket;
}

/** The offset of the first `[` or `{` more than `maxDepth` flow collections deep, by lexing. */
function flowTooDeepAt(text: string, maxDepth: number): number | undefined {
  let offset = 0;
  let level = 0;
  let atScalar = false;
  for (const token of new Lexer().lex(text)) {
    if (atScalar) {
      // The token after a SCALAR marker is the scalar's text, whatever characters it holds.
      atScalar = false;
      offset += token.length;
      continue;
    }
    if (token === DOC_MODE) continue;
    if (token === SCALAR) {
      atScalar = true;
      continue;
    }
    if (token === FLOW_END) {
      level = 0;
      continue;
    }
    if (token === '[' || token === '{') {
      level += 1;
      if (level > maxDepth) return offset;
    } else if ((token === ']' || token === '}') && level > 0) level -= 1;
    offset += token.length;
  }
  return undefined;
}

/** The offset of the first collection nested more than `maxDepth` deep in parsed CST tokens. */
export function findTooDeepCst(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  for (const { token, depth } of walkCst(tokens)) if (depth > maxDepth) return token.offset;
  return undefined;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

function pathOf(frame: Frame): SpecPath {
  const out: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) out.push(f.key);
  return out.reverse();
}

/**
 * The spec path of the first mapping or list nested more than `maxDepth` deep in plain data, in
 * document order. Data read through aliases may be shared or even cyclic; the walk stops at
 * `maxDepth`, so a cycle is reported as too deep instead of looping.
 */
export function findTooDeepData(data: unknown, maxDepth: number): SpecPath | undefined {
  const stack: Frame[] = [{ value: data, depth: 0, key: undefined, parent: undefined }];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    const { value } = f;
    if (typeof value !== 'object' || value === null) continue;
    const depth = f.depth + 1;
    if (depth > maxDepth) return pathOf(f);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, depth, key, parent: f });
    }
  }
  return undefined;
}
