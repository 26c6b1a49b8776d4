import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ConvertRequest, ConvertResponse } from '../../cli/provider-api.js';
import { errorDiag, LeaseholdError } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { specSchemaRef } from '../spec/leasehold-install.js';
import { detectFormat } from './detect-format.js';
import { emitSpecYaml } from './emit-spec-yaml.js';
import { iclToSpec } from './icl-to-spec.js';
import { locateInYaml } from './locate-in-yaml.js';
import { sdlToSpec } from './sdl-to-spec.js';
import { stackNameFromFile } from './stack-name.js';

const FORMAT_NAMES = { icl: 'Spheron ICL', sdl: 'Akash SDL' } as const;
/** Warnings about a secret in the source: a located diagnostic would quote the secret's line. */
const SECRET_LINE_CODES = new Set(['convert/password-not-copied', 'convert/env-looks-secret']);

/**
 * `leasehold convert FILE`: reads an ICL or SDL file and returns the Leasehold spec as YAML, with
 * a warning for everything that could not be carried over. Problems in the file are diagnostics
 * located in it; only an unreadable file (other than a missing one) throws.
 */
export async function convertFile(req: ConvertRequest): Promise<ConvertResponse> {
  const file = resolve(req.cwd, req.file);
  const text = await readSource(file, req.file);
  if (typeof text !== 'string') return { yaml: null, sourceFormat: null, diagnostics: [text] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) =>
      syntaxDiag(e.message, file, lines.linePos(e.pos[0]), lines.linePos(e.pos[1])),
    );
    return { yaml: null, sourceFormat: null, diagnostics };
  }
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
  const convert = detected.format === 'icl' ? iclToSpec : sdlToSpec;
  const result = convert(data, { stack });
  const diagnostics = locateInYaml(result.diagnostics, doc, lines, file, SECRET_LINE_CODES);
  if (result.spec === null) return { yaml: null, sourceFormat: detected.format, diagnostics };
  const yaml = emitSpecYaml(result.spec, {
    // Relative to where the spec goes (--out, else the current directory), and a file that exists.
    schema: specSchemaRef(dirname(resolve(req.cwd, req.out ?? 'leasehold.yaml'))),
    source: `${basename(file)} (${FORMAT_NAMES[detected.format]})`,
    warnings: diagnostics,
  });
  return { yaml, sourceFormat: detected.format, diagnostics };
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
): Diagnostic {
  return errorDiag({
    code: 'convert/yaml-syntax',
    summary: 'YAML syntax error',
    detail: message.split('\n')[0] ?? message,
    hint: 'Fix the YAML at the line and column shown.',
    source: { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col },
  });
}
