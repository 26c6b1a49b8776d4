import { LeaseholdError } from '../../common/diag/index.js';

/** Docs page listing every `devnet/*` code. */
const DOCS = 'See docs/errors/devnet.md.';

/** No devnet runs under this Leasehold home. */
export function devnetNotRunning(home: string): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/not-running',
    summary: 'The local devnet is not running',
    detail: `No running devnet was found under "${home}" (devnet/devnet.json is missing or its process is gone).`,
    hint: 'Start it with `leasehold devnet up`.',
  });
}

/** The supervisor exited or timed out before it was ready. */
export function devnetStartFailed(
  detail: string,
  logFile: string,
  cause?: unknown,
): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/start-failed',
    summary: 'The local devnet did not start',
    detail: `${detail} The supervisor's log is "${logFile}".`,
    hint: 'Read the log, fix the cause, then run `leasehold devnet up` again.',
    cause,
  });
}

/** The RPC port the devnet wants is taken by another process. */
export function devnetPortBusy(host: string, port: number): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/port-busy',
    summary: 'The devnet RPC port is already in use',
    detail: `Port ${port} on ${host} is taken by another process, so anvil cannot listen there.`,
    hint: 'Stop the other process, or pass another port with `leasehold devnet up --port N` (0 picks a free one).',
  });
}

/** `dist/` has no supervisor entry: the package was not built. */
export function devnetNotBuilt(entry: string): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/not-built',
    summary: 'The devnet supervisor is not built',
    detail: `The supervisor entry "${entry}" does not exist; the devnet runs from the compiled dist/ tree.`,
    hint: 'Run `npm run build` in the Leasehold checkout.',
  });
}

/** A fault target names no provider or lease of this devnet. */
export function devnetUnknownTarget(target: string, known: readonly string[]): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/unknown-target',
    summary: 'Unknown fault target',
    detail: `"${target}" is not a provider of this devnet nor an active lease; targets are provider-N, a provider name (${known.join(', ')}) or lease:<id>.`,
    hint: 'Run `leasehold devnet status` to list the providers and leases.',
  });
}

/** A fault kind outside the supported set. */
export function devnetUnknownFault(kind: string, kinds: readonly string[]): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/unknown-fault',
    summary: 'Unknown fault kind',
    detail: `"${kind}" is not a fault kind; the kinds are ${kinds.join(', ')}.`,
    hint: 'Pass one of the listed kinds.',
  });
}

/** A token symbol the devnet does not deploy. */
export function devnetUnknownToken(symbol: string, known: readonly string[]): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/unknown-token',
    summary: 'Unknown devnet token',
    detail: `"${symbol}" is not a devnet token; the devnet deploys ${known.join(', ')}.`,
    hint: 'Pass one of the listed symbols with --token.',
  });
}

/** A malformed address or amount given to `devnet fund`. */
export function devnetInvalidFunding(detail: string): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/invalid-funding',
    summary: 'Invalid funding request',
    detail,
    hint: 'Pass a 0x-prefixed 20-byte address and positive decimal amounts.',
  });
}

/** The control API refused or failed a request. */
export function devnetControlFailed(detail: string, cause?: unknown): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/control-failed',
    summary: 'The devnet control API request failed',
    detail,
    hint: `Check \`leasehold devnet status\`; restart with \`leasehold devnet down\` then \`up\`. ${DOCS}`,
    cause,
  });
}
