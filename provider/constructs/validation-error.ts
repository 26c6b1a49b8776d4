import { LeaseholdError } from '../../cli/diag/index.js';

/**
 * Thrown by a construct's constructor when its props break a rule that spans fields (exactly one
 * of `http` or `tcp`; `min` ≤ `max`). Names the construct path so the user finds the call site.
 */
export class ValidationError extends LeaseholdError {
  /** Path of the construct in the tree: `web/web-health`. */
  readonly constructPath: string;

  constructor(opts: { constructPath: string; detail: string; hint: string }) {
    super({
      code: 'cdk/invalid-props',
      summary: 'Invalid construct props',
      detail: `${opts.constructPath}: ${opts.detail}`,
      hint: opts.hint,
    });
    this.name = 'ValidationError';
    this.constructPath = opts.constructPath;
    // When the user's app crashes on this error, Node prints the message, not a dump of fields;
    // `leasehold synth` recognises that one line (read-cdk-app.ts) and shows it as a diagnostic.
    for (const key of ['code', 'summary', 'detail', 'hint', 'constructPath'])
      Object.defineProperty(this, key, { enumerable: false });
    delete (this as { cause?: unknown }).cause;
  }
}
