/**
 * The one way tests wait: poll a condition until it holds or a deadline passes. Never a fixed
 * sleep that hopes; deadlines sized for a slow, shared 2-core CI machine.
 */

/** A probe's answer: `null`, `undefined` or `false` mean "not yet". */
type NotYet = null | undefined | false;

/**
 * Polls `probe` every `intervalMs` until it gives a value other than null, undefined or false,
 * and returns it; throws naming `what` (and the probe's last error) after `timeoutMs`.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | NotYet> | T | NotYet,
  timeoutMs = 60_000,
  intervalMs = 50,
): Promise<Exclude<T, NotYet>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== null && v !== undefined && v !== false) return v as Exclude<T, NotYet>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}` +
          (last === undefined ? '' : `: ${last instanceof Error ? last.message : String(last)}`),
      );
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
