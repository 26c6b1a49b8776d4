import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { ConvertRequest, ConvertResponse } from '../../cli/provider-api.js';
import { errorDiag, LeaseholdError, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { specSchemaRef } from '../spec/leasehold-install.js';
import { detectFormat } from './detect-format.js';
import { emitSpecYaml } from './emit-spec-yaml.js';
import { iclToSpec } from './icl-to-spec.js';
import { icl2ToSpec } from './icl2-to-spec.js';
import { locateInYaml } from './locate-in-yaml.js';
import { sdlToSpec } from './sdl-to-spec.js';
import { stackNameFromFile } from './stack-name.js';

const FORMAT_NAMES = { icl: 'Spheron ICL', icl2: 'Spheron ICL 2.0', sdl: 'Akash SDL' } as const;
const CONVERTERS = { icl: iclToSpec, icl2: icl2ToSpec, sdl: sdlToSpec } as const;
/** Warnings about a secret in the source: a located diagnostic would quote the secret's line. */
const SECRET_LINE_CODES = new Set(['convert/password-not-copied', 'convert/env-looks-secret']);

/**
 * `leasehold convert FILE`: reads an ICL or SDL file and returns the Leasehold spec as YAML, with
 * a warning for everything that could not be carried over. Problems in the file are diagnostics
 * located in it; only an unreadable file (other than a missing one) throws.
 */
export async function convertFile(req: ConvertRequest): Promise<ConvertResponse> {
  if (req.to === 'icl') {
    // Loaded lazily: exporting needs the spec pipeline (ajv), importing does not.
    const { exportIcl } = await import('./export-icl.js');
    return exportIcl(req);
  }
  const file = resolve(req.cwd, req.file);
  const text = await readSource(file, req.file);
  if (typeof text !== 'string') return { yaml: null, sourceFormat: null, diagnostics: [text] };
  const lines = new LineCounter();
  const parsed = parseFirstDocument(text, lines, file);
  if (!('doc' in parsed))
    return { yaml: null, sourceFormat: null, diagnostics: parsed.diagnostics };
  const { doc, extra } = parsed;
  const data: unknown = doc.toJS();
  const detected = detectFormat(data);
  if (detected.format === null) {
    return {
      yaml: null,
      sourceFormat: null,
      diagnostics: locateInYaml([detected.diagnostic], doc, lines, file),
    };
  }
  const stack = req.stack ?? stackNameFromFile(file);
  const result = CONVERTERS[detected.format](data, { stack });
  const diagnostics = [
    ...extra,
    ...locateInYaml(result.diagnostics, doc, lines, file, SECRET_LINE_CODES),
  ];
  const sourceFormat = detected.format === 'sdl' ? 'sdl' : 'icl';
  if (result.spec === null) return { yaml: null, sourceFormat, diagnostics };
  const yaml = emitSpecYaml(result.spec, {
    // Relative to where the spec goes (--out, else the current directory), and a file that exists.
    schema: specSchemaRef(dirname(resolve(req.cwd, req.out ?? 'leasehold.yaml'))),
    source: `${basename(file)} (${FORMAT_NAMES[detected.format]})`,
    warnings: diagnostics,
  });
  return { yaml, sourceFormat, diagnostics };
}

type FirstDocument =
  | { readonly doc: Document; readonly extra: readonly Diagnostic[] }
  | { readonly diagnostics: readonly Diagnostic[] };

/**
 * The file's first YAML document, as Akash's CLI reads an SDL (`yaml.Unmarshal` decodes the
 * first document and ignores the rest): a leading `---` is fine, and later documents get a
 * warning rather than an error.
 */
function parseFirstDocument(text: string, lines: LineCounter, file: string): FirstDocument {
  const all = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const docs = Array.isArray(all) ? all : [];
  const doc = docs[0];
  const errors = doc?.errors ?? [];
  if (doc === undefined || errors.length > 0) {
    const diagnostics = errors.map((e) =>
      syntaxDiag(e.message, file, lines.linePos(e.pos[0]), lines.linePos(e.pos[1]), text),
    );
    return { diagnostics: diagnostics.length > 0 ? diagnostics : [emptyFile(file)] };
  }
  const extra = docs.slice(1).map((d) => {
    const at = lines.linePos(d.range[0]);
    return warningDiag({
      code: 'convert/extra-documents-ignored',
      summary: 'Only the first YAML document was read',
      detail:
        'The file holds more than one YAML document (separated by `---`); as Akash does, only the first was converted.',
      hint: 'Split the other documents into files of their own and convert each.',
      source: { file, line: at.line, column: at.col, endLine: at.line, endColumn: at.col + 3 },
    });
  });
  return { doc, extra: extra.slice(0, 1) };
}

function emptyFile(file: string): Diagnostic {
  return errorDiag({
    code: 'convert/unknown-format',
    summary: 'File is neither ICL nor SDL',
    detail: 'The file holds no YAML document.',
    hint: 'Check that the file is an ICL or SDL deployment file.',
    source: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
  });
}

async function readSource(file: string, given: string): Promise<string | Diagnostic> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      return errorDiag({
        code: 'convert/file-not-found',
        summary: 'File to convert not found',
        detail: `\`${given}\` does not exist or is not a file (looked at ${file}).`,
        hint: 'Check the path; it is relative to the current directory.',
      });
    }
    throw new LeaseholdError({
      code: 'convert/read-failed',
      summary: 'Could not read the file',
      detail: `Reading ${file} failed (${String(code)}).`,
      hint: 'Check the file permissions.',
      cause: err,
    });
  }
}

function syntaxDiag(
  message: string,
  file: string,
  start: { line: number; col: number },
  end: { line: number; col: number },
  text: string,
): Diagnostic {
  // `--` on its own first line is a mistyped document marker; Akash's parser refuses it too.
  const dashes = /^\s*--\s*$/.test(text.split('\n')[0] ?? '');
  return errorDiag({
    code: 'convert/yaml-syntax',
    summary: 'YAML syntax error',
    detail: message.split('\n')[0] ?? message,
    hint: dashes
      ? 'The first line `--` is not a YAML document marker: write `---` (three dashes) or remove the line.'
      : 'Fix the YAML at the line and column shown.',
    source: { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col },
  });
}
