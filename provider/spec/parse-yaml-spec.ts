import { isRecord } from '../../common/index.js';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { Composer, LineCounter, YAMLParseError, visit } from 'yaml';
import type { Alias, CST, Document } from 'yaml';
import { errorDiag, redact } from '../../cli/diag/index.js';
import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import { findTooDeepData } from './find-too-deep-data.js';
import { createYamlLocator } from './locate-yaml.js';
import { parseCstWithin } from './parse-cst-within.js';
import type { Locator, ParsedSource } from './parsed-source.js';
import { DEFAULT_SPEC_LIMITS, nestingTooDeepDiag, tooManyAliasesDiag } from './spec-limits.js';
import type { SpecLimits } from './spec-limits.js';
import { rangeAt, yamlErrorToDiagnostic } from './yaml-error-to-diagnostic.js';
import type { YamlErrorContext } from './yaml-error-to-diagnostic.js';

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true } as const;

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
 * js-yaml rejects (syntax, duplicate keys, tags, nesting past `limits.maxDepth`) is re-read by
 * `yaml`, which reports it precisely.
 */
export function parseYamlSpec(
  text: string,
  file: string,
  baseDir: string,
  limits: SpecLimits = DEFAULT_SPEC_LIMITS,
): ParsedSource {
  const fast = ANCHOR.test(text) ? undefined : loadFast(text);
  if (isRecord(fast) && findTooDeepData(fast, limits.maxDepth) === undefined) {
    return {
      file,
      baseDir,
      data: fast,
      locate: lazyLocator(text, file, limits.maxDepth),
      diagnostics: [],
    };
  }
  return parseWithLocations(text, file, baseDir, limits);
}

function loadFast(text: string): unknown {
  try {
    return load(text, { schema: FAST_SCHEMA });
  } catch {
    // Syntax errors and stack overflows alike: the located path reports them properly.
    return undefined;
  }
}

function lazyLocator(text: string, file: string, maxDepth: number): Locator {
  let locate: Locator | undefined;
  return (path) => {
    if (locate === undefined) {
      const lineCounter = new LineCounter();
      const cst = parseCstWithin(text, maxDepth, lineCounter.addNewLine);
      locate = cst.ok
        ? createYamlLocator(composeDocument(cst.tokens, text.length), lineCounter, file)
        : () => undefined;
    }
    return locate(path);
  };
}

/** What `parseDocument` does, from tokens already parsed (and measured): one document, at most. */
function composeDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, length)) {
    if (doc === undefined) doc = next;
    else {
      const range: [number, number] = [next.range[0], next.range[1]];
      doc.errors.push(
        new YAMLParseError(range, 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, even for empty text.
  return doc as Document.Parsed;
}

/**
 * The `yaml` CST path: slower, but every problem gets its line and column. Nesting is measured
 * before each stage that recurses past it (while the CST is parsed, so that neither the parser
 * nor the composer goes deep; then on the data, which aliases can deepen, before validation), so
 * no input overflows the stack.
 */
export function parseWithLocations(
  text: string,
  file: string,
  baseDir: string,
  limits: SpecLimits = DEFAULT_SPEC_LIMITS,
): ParsedSource {
  const fail = (diagnostics: Diagnostic[], locate: Locator = () => undefined): ParsedSource => ({
    file,
    baseDir,
    data: null,
    locate,
    diagnostics,
  });
  const lineCounter = new LineCounter();
  const cst = parseCstWithin(text, limits.maxDepth, lineCounter.addNewLine);
  if (!cst.ok) return fail([nestingTooDeepDiag(pointAt(text, file, cst.tooDeepAt), limits)]);
  const { tokens } = cst;
  const ctx: YamlErrorContext = { text, file, lineCounter, tokens };

  const doc = composeDocument(tokens, text.length);
  const locate = createYamlLocator(doc, lineCounter, file);
  const diagnostics = [...doc.errors, ...doc.warnings].map((e) => yamlErrorToDiagnostic(e, ctx));
  if (doc.errors.length > 0) return fail(diagnostics, locate);
  const dangling = danglingAliases(doc, ctx);
  if (dangling.length > 0) return fail([...diagnostics, ...dangling], locate);
  const at = (): SourceRange => locate([]) ?? rangeAt(ctx, 0, 0);
  const { data, diag } = toData(doc, ctx, limits);
  if (diag !== undefined) return fail([...diagnostics, diag], locate);
  const tooDeep = findTooDeepData(data, limits.maxDepth);
  if (tooDeep !== undefined)
    return fail([...diagnostics, nestingTooDeepDiag(locate(tooDeep), limits)], locate);
  if (!isRecord(data)) return fail([...diagnostics, notAMapping(data, at())], locate);
  return { file, baseDir, data, locate, diagnostics };
}

/** A one-character range at `offset`, counted from the text (before any line counter exists). */
function pointAt(text: string, file: string, offset: number): SourceRange {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

function aliasesOf(doc: Document): Alias[] {
  const out: Alias[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      out.push(node);
    },
  });
  return out;
}

/** `*name` with no `&name` before it: located here, where `toJS` would only throw. */
function danglingAliases(doc: Document, ctx: YamlErrorContext): Diagnostic[] {
  return aliasesOf(doc)
    .filter((a) => a.resolve(doc) === undefined)
    .map((a) =>
      errorDiag({
        code: 'spec/yaml-syntax',
        summary: 'Invalid YAML',
        detail: `The alias \`*${redact(a.source)}\` names no anchor defined before it.`,
        hint: `Define the anchor (\`&${redact(a.source)}\`) on an earlier value, or write the value out.`,
        source: rangeAt(ctx, a.range?.[0] ?? 0, a.range?.[1] ?? 0),
      }),
    );
}

function toData(
  doc: Document,
  ctx: YamlErrorContext,
  limits: SpecLimits,
): { data: unknown; diag?: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: limits.maxAliases }) as unknown };
  } catch (err) {
    // `yaml` throws a ReferenceError once expanding aliases passes maxAliasCount.
    const first = aliasesOf(doc)[0]?.range;
    const source = first == null ? undefined : rangeAt(ctx, first[0], first[1]);
    if (err instanceof ReferenceError)
      return { data: null, diag: tooManyAliasesDiag(source, limits) };
    const detail = err instanceof Error ? err.message : String(err);
    const diag = errorDiag({
      code: 'spec/yaml-syntax',
      summary: 'Invalid YAML',
      detail: `${redact(detail)}.`.replace(/\.\.$/, '.'),
      hint: 'Fix the YAML near its aliases (`*name`) and anchors (`&name`).',
      ...(source === undefined ? {} : { source }),
    });
    return { data: null, diag };
  }
}
