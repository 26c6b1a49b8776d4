import type { CST, LineCounter, YAMLError, YAMLWarning } from 'yaml';
import { errorDiag, redact, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import { walkCst } from './walk-cst.js';

/** What turning a `yaml` error into a diagnostic needs: the text, where it came from, its CST. */
export interface YamlErrorContext {
  readonly text: string;
  readonly file: string;
  readonly lineCounter: LineCounter;
  readonly tokens: readonly CST.Token[];
}

const GENERIC_HINT =
  'Fix the YAML at this position; quote strings that contain `:`, `#`, `{` or `[`.';

// One fix per `yaml` error code where the generic hint would not say what to do.
const HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BAD_INDENT:
    'Indent with spaces and start the keys of one mapping in the same column; close every `[` and `{`.',
  MULTIPLE_DOCS: 'Keep one document per file: remove the second `---` and what follows it.',
  BLOCK_AS_IMPLICIT_KEY:
    'Put each `key: value` on its own line, or quote a value that contains `: `.',
  MULTILINE_IMPLICIT_KEY:
    'Put each `key: value` on its own line, or quote a value that contains `: `.',
  BAD_DQ_ESCAPE: 'Inside double quotes write a backslash as `\\\\`, or use single quotes.',
  BAD_SCALAR_START: 'Quote a value that starts with `@` or a backtick.',
  KEY_OVER_1024_CHARS: 'Shorten the key, or move the text into a value.',
};

export function rangeAt(ctx: YamlErrorContext, start: number, end: number): SourceRange {
  const a = ctx.lineCounter.linePos(start);
  const b = ctx.lineCounter.linePos(Math.max(end, start));
  return { file: ctx.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * A `yaml` parse error or warning as a located diagnostic: duplicate keys get their own code, an
 * unterminated string is reported at its opening quote (not at the end of the file, where the
 * parser noticed it), and common mistakes get a hint that says what to do.
 */
export function yamlErrorToDiagnostic(
  e: YAMLError | YAMLWarning,
  ctx: YamlErrorContext,
): Diagnostic {
  const build = e.name === 'YAMLWarning' ? warningDiag : errorDiag;
  if (e.code === 'DUPLICATE_KEY') return duplicateKey(e, ctx);
  if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) {
    const open = unterminatedQuoteAt(ctx.tokens, e.pos[0]);
    if (open !== undefined) return unterminatedString(ctx, open);
  }
  const message = redact(e.message.split('\n')[0] ?? e.message).replace(/\.?$/, '.');
  return build({
    code: e.name === 'YAMLWarning' ? 'spec/yaml-warning' : 'spec/yaml-syntax',
    summary: e.name === 'YAMLWarning' ? 'Questionable YAML' : 'Invalid YAML',
    detail: message,
    hint: HINTS[e.code] ?? GENERIC_HINT,
    source: rangeAt(ctx, e.pos[0], e.pos[1]),
  });
}

function duplicateKey(e: YAMLError | YAMLWarning, ctx: YamlErrorContext): Diagnostic {
  // The error marks only the key's first character; the key runs to its `:`.
  const rest = ctx.text.slice(e.pos[0], e.pos[0] + 200);
  const key = redact((/^("[^"]*"|'[^']*'|[^:\n]*)/.exec(rest)?.[1] ?? rest).trim());
  return (e.name === 'YAMLWarning' ? warningDiag : errorDiag)({
    code: 'spec/duplicate-key',
    summary: 'Duplicate key',
    detail: `The key \`${key}\` appears more than once in the same mapping; YAML keeps only one of them.`,
    hint: 'Remove or rename one of the duplicates.',
    source: rangeAt(ctx, e.pos[0], e.pos[1]),
  });
}

interface OpenQuote {
  readonly offset: number;
  readonly quote: '"' | "'";
}

/** The quoted scalar that runs, unclosed, up to `end` (where the parser reports it missing). */
function unterminatedQuoteAt(tokens: readonly CST.Token[], end: number): OpenQuote | undefined {
  for (const { token } of walkCst(tokens)) {
    const quoted = token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar';
    if (quoted && token.offset + token.source.length === end)
      return { offset: token.offset, quote: token.type === 'double-quoted-scalar' ? '"' : "'" };
  }
  return undefined;
}

function unterminatedString(ctx: YamlErrorContext, open: OpenQuote): Diagnostic {
  const eol = ctx.text.indexOf('\n', open.offset);
  const escape = open.quote === '"' ? '`\\"`' : "`''`";
  return errorDiag({
    code: 'spec/yaml-syntax',
    summary: 'Unterminated string',
    detail: `The string opened here with \`${open.quote}\` is never closed, so YAML reads the rest of the file into it.`,
    hint: `Close the string with a matching \`${open.quote}\`; write a quote inside it as ${escape}.`,
    source: rangeAt(ctx, open.offset, eol === -1 ? ctx.text.length : eol),
  });
}
