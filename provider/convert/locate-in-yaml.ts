import { isNode } from 'yaml';
import type { Document, LineCounter } from 'yaml';

import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import { parsePath } from '../spec/spec-path.js';

/**
 * Adds `source` to diagnostics whose `path` points into the parsed document, using the nearest
 * node that exists (a dropped key's parent when the key itself is gone). STYLE §14: converters
 * report paths, this step finds lines. `skipCodes` stay unlocated: renderers quote the source
 * line, and for those codes that line holds a secret.
 */
export function locateInYaml(
  diags: readonly Diagnostic[],
  doc: Document,
  lines: LineCounter,
  file: string,
  skipCodes: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  return diags.map((d) => {
    if (d.path === undefined || d.source !== undefined || skipCodes.has(d.code)) return d;
    const source = rangeOf(doc, lines, file, parsePath(d.path));
    return source === undefined ? d : { ...d, source };
  });
}

function rangeOf(
  doc: Document,
  lines: LineCounter,
  file: string,
  path: readonly (string | number)[],
): SourceRange | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!isNode(node) || node.range === undefined || node.range === null) continue;
    const start = lines.linePos(node.range[0]);
    const end = lines.linePos(node.range[1]);
    return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }
  return undefined;
}
