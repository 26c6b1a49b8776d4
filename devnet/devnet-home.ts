import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where one devnet keeps its files; every path lives under `dir`. */
export interface DevnetPaths {
  /** The Leasehold home: `$LEASEHOLD_HOME`, or `~/.leasehold`. */
  readonly home: string;
  /** `<home>/devnet`: everything the devnet owns. */
  readonly dir: string;
  /** anvil's `--state` file, so `down` then `up` keeps the chain. */
  readonly chainState: string;
  /** The address book saved after the first deployment and reused on restart. */
  readonly addressBook: string;
  /** `devnet.json`: written last at start-up, removed at shutdown; its presence means "ready". */
  readonly info: string;
  /** Written by a supervisor that failed to start, read by the process that launched it. */
  readonly startError: string;
  /** The supervisor's log (anvil, matcher, providers, control API). */
  readonly log: string;
  /** Held while a devnet is being started, so concurrent callers never start two. */
  readonly lock: string;
  /** Parent of each provider daemon's data directory. */
  readonly providers: string;
}

/** The Leasehold home directory: `LEASEHOLD_HOME` overrides `~/.leasehold`. */
export function leaseholdHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['LEASEHOLD_HOME'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(homedir(), '.leasehold');
}

/** The devnet's file layout under a Leasehold home (default: {@link leaseholdHome}). */
export function devnetPaths(home: string = leaseholdHome()): DevnetPaths {
  const dir = join(home, 'devnet');
  return {
    home,
    dir,
    chainState: join(dir, 'chain-state.json'),
    addressBook: join(dir, 'address-book.json'),
    info: join(dir, 'devnet.json'),
    startError: join(dir, 'start-error.json'),
    log: join(dir, 'devnet.log'),
    lock: join(dir, 'devnet.lock'),
    providers: join(dir, 'providers'),
  };
}
