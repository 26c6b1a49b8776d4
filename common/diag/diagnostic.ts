/**
 * The one shape for every user-facing problem (STYLE §11): validators, the loader, the planner and
 * the marketplace client all speak it, and every renderer reads it.
 */

/** Where a problem sits in a file. Lines and columns are 1-based; the end is exclusive. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A problem (or a warning) with a stable code, a short summary and one fix. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable, `area/kebab-name`, listed in docs/errors.md. */
  readonly code: string;
  /** Short phrase naming the problem class: no values, no period. */
  readonly summary: string;
  /** Sentences quoting the offending value and the rule it breaks. */
  readonly detail?: string | undefined;
  /** One imperative fix. */
  readonly hint?: string | undefined;
  /** Spec path in dotted form, `instances.web.resources.memory`. */
  readonly path?: string | undefined;
  /** Added by a locator after validation, never by a validator (STYLE §14). */
  readonly source?: SourceRange | undefined;
  /** Resource address, when there is one. */
  readonly address?: string | undefined;
}

export type Diagnostics = readonly Diagnostic[];

/** True when any diagnostic is an error (warnings alone never stop a command). */
export function hasErrors(diags: Diagnostics): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Builds an error diagnostic; spares call sites the `severity` noise. */
export function errorDiag(d: Omit<Diagnostic, 'severity'>): Diagnostic {
  return { severity: 'error', ...d };
}

/** Builds a warning diagnostic. */
export function warningDiag(d: Omit<Diagnostic, 'severity'>): Diagnostic {
  return { severity: 'warning', ...d };
}

/** Orders diagnostics by file, line, column, then path, so output is stable across runs. */
export function sortDiagnostics(diags: Diagnostics): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number, string] => [
    d.source?.file ?? '',
    d.source?.line ?? 0,
    d.source?.column ?? 0,
    d.path ?? '',
  ];
  return [...diags].sort((a, b) => {
    const [fa, la, ca, pa] = key(a);
    const [fb, lb, cb, pb] = key(b);
    return fa.localeCompare(fb) || la - lb || ca - cb || pa.localeCompare(pb);
  });
}
