import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError, YAMLWarning } from 'yaml';
import { errorDiag, redact, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import { createYamlLocator } from './locate-yaml.js';
import type { ParsedSource } from './parsed-source.js';

// Anchors and aliases are allowed, but a "billion laughs" document must not expand without bound.
const MAX_ALIAS_COUNT = 100;

function rangeOf(file: string, lc: LineCounter, pos: readonly [number, number]): SourceRange {
  const a = lc.linePos(pos[0]);
  const b = lc.linePos(Math.max(pos[1], pos[0]));
  return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

function toDiagnostic(e: YAMLError | YAMLWarning, text: string, source: SourceRange): Diagnostic {
  const build = e.name === 'YAMLWarning' ? warningDiag : errorDiag;
  if (e.code === 'DUPLICATE_KEY') {
    // The error marks only the key's first character; the key runs to its `:`.
    const rest = text.slice(e.pos[0], e.pos[0] + 200);
    const key = redact((/^("[^"]*"|'[^']*'|[^:\n]*)/.exec(rest)?.[1] ?? rest).trim());
    return build({
      code: 'spec/duplicate-key',
      summary: 'Duplicate key',
      detail: `The key \`${key}\` appears more than once in the same mapping; YAML keeps only one of them.`,
      hint: 'Remove or rename one of the duplicates.',
      source,
    });
  }
  const message = redact(e.message.split('\n')[0] ?? e.message).replace(/\.?$/, '.');
  return build({
    code: e.name === 'YAMLWarning' ? 'spec/yaml-warning' : 'spec/yaml-syntax',
    summary: e.name === 'YAMLWarning' ? 'Questionable YAML' : 'Invalid YAML',
    detail: message,
    hint: 'Fix the YAML at this position; quote strings that contain `:`, `#`, `{` or `[`.',
    source,
  });
}

function notAMapping(data: unknown, source: SourceRange): Diagnostic {
  const found =
    data === null || data === undefined
      ? 'The file is empty'
      : `The document is ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}`;
  return errorDiag({
    code: 'spec/not-a-mapping',
    summary: 'Spec is not a mapping',
    detail: `${found}; a spec is a mapping with at least \`stack\` and \`instances\`.`,
    hint: 'Start the file with `stack: <name>` and an `instances:` mapping.',
    source,
  });
}

function toData(doc: Document, source: SourceRange): { data: unknown; diag?: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const diag = errorDiag({
      code: 'spec/yaml-syntax',
      summary: 'Invalid YAML',
      detail: `${redact(detail)}.`.replace(/\.\.$/, '.'),
      hint: 'Use fewer aliases, or write the repeated values out.',
      source,
    });
    return { data: null, diag };
  }
}

const FAST_SCHEMA = CORE_SCHEMA.withTags(mergeTag);
// An anchor is the only way to build aliases; documents with anchors take the located path, whose
// alias limit stops "billion laughs" expansion.
const ANCHOR = /(^|[\s[{,:-])&[^\s,\]}]/m;

/**
 * Reads a YAML spec into plain data plus a locator. YAML syntax errors and duplicate keys become
 * diagnostics with line and column; a document that is not a mapping is an error, and any error
 * leaves `data` null so validation does not pile guesses on top of a broken file.
 *
 * Two parsers, one result: js-yaml (about 5× faster) reads well-formed anchor-free documents, and
 * the `yaml` CST that locates problems is built only when something asks for a location. Anything
 * js-yaml rejects (syntax, duplicate keys, tags) is re-read by `yaml`, which reports it precisely.
 */
export function parseYamlSpec(text: string, file: string, baseDir: string): ParsedSource {
  const fast = ANCHOR.test(text) ? undefined : loadFast(text);
  if (fast !== undefined && typeof fast === 'object' && fast !== null && !Array.isArray(fast)) {
    return { file, baseDir, data: fast, locate: lazyLocator(text, file), diagnostics: [] };
  }
  return parseWithLocations(text, file, baseDir);
}

function loadFast(text: string): unknown {
  try {
    return load(text, { schema: FAST_SCHEMA });
  } catch {
    return undefined;
  }
}

function lazyLocator(text: string, file: string): ParsedSource['locate'] {
  let locate: ParsedSource['locate'] | undefined;
  return (path) => {
    if (locate === undefined) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        merge: true,
      });
      locate = createYamlLocator(doc, lineCounter, file);
    }
    return locate(path);
  };
}

/** The `yaml` CST path: slower, but every problem gets its line and column. */
export function parseWithLocations(text: string, file: string, baseDir: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
  });
  const locate = createYamlLocator(doc, lineCounter, file);
  const diagnostics = [...doc.errors, ...doc.warnings].map((e) =>
    toDiagnostic(e, text, rangeOf(file, lineCounter, e.pos)),
  );
  const at = (): SourceRange => locate([]) ?? rangeOf(file, lineCounter, [0, 0]);
  if (doc.errors.length > 0) return { file, baseDir, data: null, locate, diagnostics };
  const { data, diag } = toData(doc, at());
  if (diag !== undefined)
    return { file, baseDir, data: null, locate, diagnostics: [...diagnostics, diag] };
  const isMapping = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (!isMapping) {
    return {
      file,
      baseDir,
      data: null,
      locate,
      diagnostics: [...diagnostics, notAMapping(data, at())],
    };
  }
  return { file, baseDir, data, locate, diagnostics };
}
