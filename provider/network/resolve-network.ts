/**
 * Which network a command talks to, as a pure decision: `--network` flag >
 * `LEASEHOLD_NETWORK` > the spec's `network` > `local`; `LEASEHOLD_RPC_URL` overrides the RPC of
 * whatever is chosen, and a custom network's `rpcUrl: { fromEnv }` is read from `env` here. The I/O
 * that completes `local` (the devnet) and custom networks (the address book file, the block time)
 * is in load-network.ts.
 */
import { LeaseholdError } from '../../cli/diag/index.js';
import type { BlockTimeSource } from '../../cli/plan/plan-types.js';
import type { AddressBook } from '../../wire/address-book.js';
import { didYouMean } from '../spec/did-you-mean.js';
import type { NetworkLimits } from './network-limits.js';
import type { ProviderTlsPolicy } from './provider-tls-policy.js';
import type { ResolvedNetwork } from './network-types.js';
import { KNOWN_NETWORKS, NETWORK_PROFILES } from './network-profiles.js';

/** A network as a spec declares it (the model's `network`). */
export interface NetworkDeclaration {
  readonly name: string;
  /** The URL, or the environment variable that holds it. */
  readonly rpcUrl?: string | { readonly fromEnv: string } | undefined;
  readonly chainId?: number | undefined;
  /** Absolute path of the address book JSON. */
  readonly addressBook?: string | undefined;
  /** `network.blockTime`, milliseconds. */
  readonly blockTime?: number | undefined;
}

/** Inputs of {@link resolveNetwork}. */
export interface ResolveNetworkInput {
  /** `--network`, when given. */
  readonly flag?: string | undefined;
  /** The spec's network, when there is a spec. */
  readonly spec?: NetworkDeclaration | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What still has to be read to finish resolving. */
export type NetworkChoice =
  | { readonly kind: 'local'; readonly rpcOverride: string | null }
  | { readonly kind: 'ready'; readonly network: ResolvedNetwork }
  | {
      readonly kind: 'custom';
      readonly name: string;
      readonly rpcUrl: string;
      /**
       * The environment variable the URL was read from (`LEASEHOLD_RPC_URL` or the spec's
       * `fromEnv`), or null for the spec's literal. A URL from the environment may carry an API
       * key: it is named by its variable in messages, never shown.
       */
      readonly rpcUrlVariable: string | null;
      readonly chainId: number;
      readonly addressBook: string;
      /** The spec's `network.blockTime`, milliseconds. */
      readonly blockTime?: number | undefined;
    };

const nonEmpty = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim();

/** Decides the network; throws `network/unknown` or `network/incomplete` (LeaseholdError). */
export function resolveNetwork(input: ResolveNetworkInput): NetworkChoice {
  const fromFlag = nonEmpty(input.flag);
  const fromEnv = nonEmpty(input.env['LEASEHOLD_NETWORK']);
  const name = fromFlag ?? fromEnv ?? input.spec?.name ?? 'local';
  const origin =
    fromFlag !== undefined ? '--network' : fromEnv !== undefined ? 'LEASEHOLD_NETWORK' : 'the spec';
  const rpcOverride = nonEmpty(input.env['LEASEHOLD_RPC_URL']) ?? null;
  if (name === 'local') return { kind: 'local', rpcOverride };
  const profile = NETWORK_PROFILES.get(name);
  if (profile !== undefined) {
    return {
      kind: 'ready',
      network: fromBook({
        name,
        rpcUrl: rpcOverride ?? profile.rpcUrl,
        secondsPerBlock: profile.secondsPerBlock,
        blockTimeSource: 'profile',
        book: profile.book,
        limits: profile.limits,
        providerTls: profile.providerTls,
      }),
    };
  }
  const spec = input.spec;
  if (spec === undefined || spec.name !== name) throw unknownNetwork(name, origin);
  if (spec.rpcUrl === undefined || spec.chainId === undefined || spec.addressBook === undefined) {
    throw new LeaseholdError({
      code: 'network/incomplete',
      summary: 'Custom network is missing fields',
      detail: `Network "${name}" is not built in, so the spec must give rpcUrl, chainId and addressBook; it lacks ${[
        spec.rpcUrl === undefined ? 'rpcUrl' : null,
        spec.chainId === undefined ? 'chainId' : null,
        spec.addressBook === undefined ? 'addressBook' : null,
      ]
        .filter((x) => x !== null)
        .join(', ')}.`,
      hint: 'Add rpcUrl, chainId and addressBook under `network:` in the spec.',
    });
  }
  const rpc =
    rpcOverride !== null
      ? { rpcUrl: rpcOverride, rpcUrlVariable: 'LEASEHOLD_RPC_URL' }
      : rpcFromSpec(name, spec.rpcUrl, input.env);
  return {
    kind: 'custom',
    name,
    ...rpc,
    chainId: spec.chainId,
    addressBook: spec.addressBook,
    ...(spec.blockTime === undefined ? {} : { blockTime: spec.blockTime }),
  };
}

/** The spec's RPC URL: the literal, or the value of its `fromEnv` variable (which must be set). */
function rpcFromSpec(
  name: string,
  rpcUrl: string | { readonly fromEnv: string },
  env: ResolveNetworkInput['env'],
): { readonly rpcUrl: string; readonly rpcUrlVariable: string | null } {
  if (typeof rpcUrl === 'string') return { rpcUrl, rpcUrlVariable: null };
  const variable = rpcUrl.fromEnv;
  const value = nonEmpty(env[variable]);
  if (value === undefined) {
    throw new LeaseholdError({
      code: 'network/rpc-url-unset',
      summary: 'RPC URL variable is not set',
      detail: `Network "${name}" reads its RPC URL from the environment variable ${variable} (\`rpcUrl: { fromEnv: ${variable} }\`), which is not set or empty.`,
      hint: `Set ${variable} to the network's JSON-RPC URL, or set LEASEHOLD_RPC_URL.`,
    });
  }
  if (!RPC_URL.test(value)) {
    throw new LeaseholdError({
      code: 'network/rpc-url-invalid',
      summary: 'RPC URL variable does not hold a URL',
      detail: `The environment variable ${variable}, which holds the RPC URL of network "${name}", is not an http, https, ws or wss URL. Its value is not shown: it may carry an API key.`,
      hint: `Set ${variable} to a URL such as https://host/path.`,
    });
  }
  return { rpcUrl: value, rpcUrlVariable: variable };
}

/** What the spec schema accepts as a literal `rpcUrl`. */
const RPC_URL = /^(?:https?|wss?):\/\/\S+$/;

/**
 * `network/unknown`, with the closest known name when the name looks like a typo of one. The
 * loader reports a misspelled spec `network` with it too, so it is said once, in one wording.
 */
export function unknownNetwork(name: string, origin: string): LeaseholdError {
  const known = KNOWN_NETWORKS.join(', ');
  const guess = didYouMean(name, KNOWN_NETWORKS);
  return new LeaseholdError({
    code: 'network/unknown',
    summary: 'Unknown network',
    detail: `Network "${name}" (from ${origin}) is not one of ${known}, and the spec defines no custom network of that name.`,
    hint:
      guess === undefined
        ? `Use one of ${known}, or declare "${name}" with rpcUrl, chainId and addressBook in the spec.`
        : `Did you mean "${guess}"?`,
  });
}

/** Inputs of {@link fromBook}. */
export interface FromBookInput {
  readonly name: string;
  readonly rpcUrl: string;
  readonly secondsPerBlock: number;
  readonly blockTimeSource: BlockTimeSource;
  readonly book: AddressBook;
  /** @default false */
  readonly devWallet?: boolean | undefined;
  /** What the endpoints take; absent: nothing declared. */
  readonly limits?: NetworkLimits | undefined;
  /** How providers are trusted over TLS; absent: `pin`. */
  readonly providerTls?: ProviderTlsPolicy | undefined;
}

/** A resolved network from an address book. */
export function fromBook(input: FromBookInput): ResolvedNetwork {
  return {
    name: input.name,
    chainId: input.book.chainId,
    rpcUrl: input.rpcUrl,
    book: input.book,
    secondsPerBlock: input.secondsPerBlock,
    blockTimeSource: input.blockTimeSource,
    tokens: input.book.tokens,
    devWallet: input.devWallet ?? false,
    ...(input.limits === undefined ? {} : { limits: input.limits }),
    ...(input.providerTls === undefined ? {} : { providerTls: input.providerTls }),
  };
}
