import { Lexer, Parser } from 'yaml';
import type { CST } from 'yaml';

/** The CST of a YAML stream, or where its nesting first went past the limit. */
export type ParseCstResult =
  | { readonly ok: true; readonly tokens: CST.Token[] }
  | { readonly ok: false; readonly tooDeepAt: number };

const isCollection = (t: CST.Token): boolean =>
  t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';

/**
 * Parses YAML into CST tokens, as `new Parser().parse(text)` does, but stops at the first mapping
 * or list nested more than `maxDepth` deep (the top-level mapping is 1) and returns its offset.
 *
 * The check runs after every lexeme, on the parser's own stack of open nodes, so the parser never
 * holds more than a few levels past the limit: `yaml`'s parser recurses once per open level when it
 * closes them (3,000 nested `- ` overflow the stack) and slows to a crawl on deep flow nesting
 * (160,000 brackets take it seconds), and the composer that follows recurses per level too.
 */
export function parseCstWithin(
  text: string,
  maxDepth: number,
  onNewLine?: (offset: number) => void,
): ParseCstResult {
  const parser = new Parser(onNewLine);
  const tokens: CST.Token[] = [];
  // Parser.parse() reports the start of input as a line start; driving it by hand, so do we.
  onNewLine?.(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document, the open collections and at most a node being built on top.
    if (parser.stack.length > maxDepth) {
      const open = parser.stack.filter(isCollection);
      if (open.length > maxDepth)
        return { ok: false, tooDeepAt: (open[maxDepth] as CST.Token).offset };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens };
}
