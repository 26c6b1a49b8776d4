import { errorDiag, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { formatPath } from '../spec/spec-path.js';
import type { SpecPath } from '../spec/spec-path.js';
import { isYamlMap } from './yaml-values.js';

/** What a converter reports: the code, its text and where in the SOURCE file it is. */
export interface ConvertNote {
  readonly code: string;
  readonly summary: string;
  readonly detail: string;
  readonly hint: string;
  /** Path in the source ICL/SDL document. */
  readonly at: SpecPath;
}

/**
 * Collects what a conversion found. Paths point into the source document (ICL/SDL), so
 * convert-file can locate them in the file the user gave.
 */
export class ConvertContext {
  readonly diagnostics: Diagnostic[] = [];

  /** Something could not be carried over, or needs the user's review. */
  warn(note: ConvertNote): void {
    const d = warningDiag(toDiag(note));
    // A compute profile shared by several placements would otherwise warn once per placement.
    const seen = this.diagnostics.some(
      (x) => x.code === d.code && x.path === d.path && x.detail === d.detail,
    );
    if (!seen) this.diagnostics.push(d);
  }

  /** The source cannot be converted as written. */
  error(note: ConvertNote): void {
    this.diagnostics.push(errorDiag(toDiag(note)));
  }

  /** Warns once per key of `map` that is not in `known`: nothing is dropped silently. */
  warnUnknownKeys(map: unknown, known: ReadonlySet<string>, at: SpecPath, what: string): void {
    if (!isYamlMap(map)) return;
    for (const key of Object.keys(map)) {
      if (known.has(key)) continue;
      this.warn({
        code: 'convert/unsupported-field',
        summary: 'Field has no Leasehold equivalent',
        detail: `The ${what} field \`${key}\` is not carried over: the Leasehold spec has nothing it maps to.`,
        hint: 'Check that the stack works without it, or express it another way in the spec.',
        at: [...at, key],
      });
    }
  }
}

/** The note for a value of the wrong shape: `detail` says what was expected and what was found. */
export function invalidValue(detail: string, at: SpecPath): ConvertNote {
  return {
    code: 'convert/invalid-value',
    summary: 'Value has the wrong shape',
    detail,
    hint: 'Fix the value in the source file and convert again.',
    at,
  };
}

function toDiag(note: ConvertNote): Omit<Diagnostic, 'severity'> {
  return {
    code: note.code,
    summary: note.summary,
    detail: note.detail,
    hint: note.hint,
    path: formatPath(note.at),
  };
}
