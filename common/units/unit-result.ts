/** The outcome of parsing one unit value: the exact value, or the rule it broke. */
export type UnitResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** The rule, with examples: "expected a size such as 512Mi, 1Gi, 1G or 1048576". */
      readonly problem: string;
    };

/** A successful parse. */
export function unitOk<T>(value: T): UnitResult<T> {
  return { ok: true, value };
}

/** A failed parse; `problem` states the rule, never guesses a value. */
export function unitFail<T>(problem: string): UnitResult<T> {
  return { ok: false, problem };
}
