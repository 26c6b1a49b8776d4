import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { SourceRange } from '../../cli/diag/index.js';
import type { Locator } from './parsed-source.js';
import type { SpecPath } from './spec-path.js';

type Offsets = readonly [start: number, end: number];

/** What a path segment found: the entry's key (for mapping entries) and its value. */
interface Found {
  readonly key: Node | undefined;
  readonly value: Node | undefined;
}

function keyMatches(pair: Pair<unknown, unknown>, seg: string | number): boolean {
  const k = pair.key;
  const raw: unknown = isScalar(k) ? k.value : k;
  return raw !== null && raw !== undefined && String(raw) === String(seg);
}

function resolve(node: unknown, doc: Document): unknown {
  // Aliases are followed once; a cycle cannot occur because anchors precede their aliases.
  return isAlias(node) ? node.resolve(doc) : node;
}

function step(node: unknown, seg: string | number, doc: Document): Found | undefined {
  const target = resolve(node, doc);
  if (isMap(target)) {
    // The last matching entry wins, as in the parsed data.
    const pair = target.items.findLast((p) => keyMatches(p, seg));
    if (pair === undefined) return undefined;
    const key = isPair(pair) && isScalar(pair.key) ? pair.key : undefined;
    const value = (pair.value ?? undefined) as Node | undefined;
    return { key, value };
  }
  if (isSeq(target) && typeof seg === 'number') {
    const item = target.items[seg] as Node | undefined;
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function offsetsOf(found: Found): Offsets | undefined {
  const { key, value } = found;
  const valueRange = value?.range;
  const keyRange = key?.range;
  if (!keyRange) return valueRange ? [valueRange[0], valueRange[1]] : undefined;
  // A mapping entry is reported at its key; the range covers a scalar value too, but stops at the
  // key when the value is a block collection, so an editor does not underline a whole section.
  const collection = isMap(value) || isSeq(value);
  const end = !collection && valueRange ? valueRange[1] : keyRange[1];
  return [keyRange[0], Math.max(end, keyRange[1])];
}

/**
 * Builds the locator for one YAML document: the range of the node at a spec path (a mapping entry's
 * key, an item of a list). A path that does not exist (a missing required field) is reported at
 * the deepest entry that does exist, usually the parent mapping's key.
 */
export function createYamlLocator(doc: Document, lineCounter: LineCounter, file: string): Locator {
  const toRange = ([start, end]: Offsets): SourceRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const root = doc.contents;
  const rootOffsets: Offsets = root?.range ? [root.range[0], root.range[0]] : [0, 0];
  return (path: SpecPath) => {
    let node: unknown = root;
    let best: Offsets = rootOffsets;
    for (const seg of path) {
      const found = step(node, seg, doc);
      if (found === undefined) break;
      best = offsetsOf(found) ?? best;
      node = found.value;
    }
    return toRange(best);
  };
}
