import type { Diagnostic, Diagnostics } from './diagnostic.js';

/** Fields every Leasehold error carries; `code` is stable and documented in docs/errors.md. */
export interface LeaseholdErrorOptions {
  readonly code: string;
  readonly summary: string;
  readonly detail?: string | undefined;
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error Leasehold throws on an operational failure (STYLE §13). Commands turn it into
 * a diagnostic; its `cause` chain can be walked for debugging (`LEASEHOLD_DEBUG=1`).
 */
export class LeaseholdError extends Error {
  readonly code: string;
  readonly summary: string;
  readonly detail: string | undefined;
  readonly hint: string | undefined;

  constructor(opts: LeaseholdErrorOptions) {
    super(opts.detail ? `${opts.summary}: ${opts.detail}` : opts.summary, { cause: opts.cause });
    this.name = 'LeaseholdError';
    this.code = opts.code;
    this.summary = opts.summary;
    this.detail = opts.detail;
    this.hint = opts.hint;
  }

  /** The user-facing form of this error. */
  toDiagnostics(): Diagnostics {
    const d: Diagnostic = {
      severity: 'error',
      code: this.code,
      summary: this.summary,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
    return [d];
  }

  /** Walks the cause chain, nearest first. */
  *causes(): Generator<unknown> {
    let c: unknown = this.cause;
    while (c !== undefined && c !== null) {
      yield c;
      c = c instanceof Error ? c.cause : undefined;
    }
  }
}

/** Raised when input (a spec, a flag, a file) has problems; carries all of them at once. */
export class DiagnosticsError extends LeaseholdError {
  readonly diagnostics: Diagnostics;

  constructor(diagnostics: Diagnostics, summary = 'Invalid input') {
    const first = diagnostics.find((d) => d.severity === 'error');
    super({ code: first?.code ?? 'input/invalid', summary: first?.summary ?? summary });
    this.name = 'DiagnosticsError';
    this.diagnostics = diagnostics;
  }

  override toDiagnostics(): Diagnostics {
    return this.diagnostics;
  }
}
