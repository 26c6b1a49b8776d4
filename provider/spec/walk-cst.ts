import type { CST } from 'yaml';

/** One CST token met by `walkCst`, with its nesting depth (collections around and including it). */
export interface CstVisit {
  readonly token: CST.Token;
  readonly depth: number;
}

type Item = CST.BlockMap['items'][number] | CST.BlockSequence['items'][number];

function childrenOf(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value === undefined ? [] : [token.value];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return (token.items as readonly Item[]).flatMap((it) => {
        const key = 'key' in it ? it.key : undefined;
        return [key, it.value].filter((t): t is CST.Token => t !== undefined && t !== null);
      });
    default:
      return [];
  }
}

const isCollection = (t: CST.Token): boolean =>
  t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';

/**
 * Every node token of a parsed YAML stream (documents, collections, keys, values) in document
 * order, without recursion: `yaml`'s own visitors recurse, and a hostile document is exactly the
 * one that must not overflow the stack while being inspected. The top-level mapping has depth 1.
 */
export function* walkCst(tokens: readonly CST.Token[]): Generator<CstVisit> {
  const stack: CstVisit[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const depth = isCollection(next.token) ? next.depth + 1 : next.depth;
    yield { token: next.token, depth };
    const children = childrenOf(next.token);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ token: children[i] as CST.Token, depth });
  }
}
