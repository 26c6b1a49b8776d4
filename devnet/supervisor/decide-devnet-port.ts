/** Inputs of {@link decideDevnetPort}. */
export interface DecideDevnetPortInput {
  /** `devnet up --port N`: the user asked for exactly this port. */
  readonly explicit: number | undefined;
  /** The port tried otherwise: LEASEHOLD_DEVNET_PORT, else 8545 (0 = any). */
  readonly preferred: number;
  /** Whether the port asked for (explicit, else preferred) was free when probed. */
  readonly free: boolean;
}

/** What to do: start on `port` (telling the user when it is a fallback), or fail as busy. */
export type DecideDevnetPortResult =
  | { readonly kind: 'start'; readonly port: number; readonly fellBack: boolean }
  | { readonly kind: 'busy'; readonly port: number };

/**
 * Which port a devnet starts on. An explicit `--port` is used as given, so a taken one fails
 * loudly (`devnet/port-busy`), before anything is started; an auto-started devnet that finds its
 * preferred port taken (another devnet, a local node) takes any free port (0) instead of failing
 * the user's command.
 */
export function decideDevnetPort(input: DecideDevnetPortInput): DecideDevnetPortResult {
  const asked = input.explicit ?? input.preferred;
  if (asked === 0 || input.free) return { kind: 'start', port: asked, fellBack: false };
  if (input.explicit !== undefined) return { kind: 'busy', port: asked };
  return { kind: 'start', port: 0, fellBack: true };
}
