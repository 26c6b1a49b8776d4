/** The controller's two-stage Ctrl-C: stop after the cycle, then abort the apply in flight. */
export interface AutoscaleSignals {
  /** Aborted on the first Ctrl-C: stop after the current cycle. */
  readonly stop: AbortSignal;
  /** Aborted on the second: abort the apply in flight at its next safe point. */
  readonly abort: AbortSignal;
  /** Removes the SIGINT handler. */
  dispose(): void;
}

/** Installs the SIGINT handler of `leasehold autoscale`; call dispose() when the run ends. */
export function listenAutoscaleSignals(write: (line: string) => void): AutoscaleSignals {
  const stop = new AbortController();
  const abort = new AbortController();
  const onSigint = (): void => {
    if (stop.signal.aborted) abort.abort();
    else write('\nStopping after the current cycle (Ctrl-C again to abort it)…\n');
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  return {
    stop: stop.signal,
    abort: abort.signal,
    dispose: () => process.off('SIGINT', onSigint),
  };
}
