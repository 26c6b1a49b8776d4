/** The supervisor's command line, as `startDevnet` writes it and `main.ts` reads it. */
export interface SupervisorArgs {
  readonly home: string;
  /** Seconds per block; null = automine. */
  readonly blockTime: number | null;
  readonly port: number;
  readonly manifestTimeoutMs?: number | undefined;
  readonly startDelayMs?: number | undefined;
}

/** Renders {@link SupervisorArgs} as argv (the inverse of {@link parseSupervisorArgs}). */
export function toSupervisorArgv(args: SupervisorArgs): string[] {
  const argv = [
    '--home',
    args.home,
    '--block-time',
    args.blockTime === null ? 'auto' : String(args.blockTime),
  ];
  argv.push('--port', String(args.port));
  if (args.manifestTimeoutMs !== undefined)
    argv.push('--manifest-timeout-ms', String(args.manifestTimeoutMs));
  if (args.startDelayMs !== undefined) argv.push('--start-delay-ms', String(args.startDelayMs));
  return argv;
}

/**
 * Reads the supervisor's argv. Throws on anything malformed: the supervisor is only ever launched
 * by `startDevnet`, so a bad argument is a bug, not user input.
 */
export function parseSupervisorArgs(argv: readonly string[]): SupervisorArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key === undefined || !key.startsWith('--') || value === undefined)
      throw new Error(`supervisor: malformed arguments near ${JSON.stringify(key)}`);
    values.set(key.slice(2), value);
  }
  const home = values.get('home');
  if (home === undefined || home === '') throw new Error('supervisor: --home is required');
  const bt = values.get('block-time') ?? '1';
  const blockTime = bt === 'auto' ? null : positive('block-time', bt);
  const port = Number(values.get('port') ?? '8545');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`supervisor: --port ${String(port)} is not a port`);
  const mt = values.get('manifest-timeout-ms');
  const sd = values.get('start-delay-ms');
  return {
    home,
    blockTime,
    port,
    ...(mt === undefined ? {} : { manifestTimeoutMs: positive('manifest-timeout-ms', mt) }),
    ...(sd === undefined ? {} : { startDelayMs: Number(sd) }),
  };
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`supervisor: --${name} ${text} must be positive`);
  return n;
}
