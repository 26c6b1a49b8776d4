import { Errors, Flags } from '@oclif/core';
import { formatDurationForPeople } from '../common/index.js';
import { parseDurationFlag } from './flags-duration.js';

/** Options of {@link durationFlag}. */
export interface DurationFlagOptions {
  readonly summary: string;
  readonly description?: string | undefined;
  /** Milliseconds; shown in help as a duration (`15s`), never as a bare number. Absent: required. */
  readonly default?: number | undefined;
}

/**
 * A duration option (`30s`, `5m`, `250ms`) parsed to milliseconds. Help shows its default as a
 * person writes it (`[default: 15s]`), the same form the flag accepts.
 */
export function durationFlag(opts: DurationFlagOptions) {
  const parse = async (input: string): Promise<number> => {
    try {
      return parseDurationFlag(input);
    } catch (err) {
      throw new Errors.CLIError(err instanceof Error ? err.message : String(err));
    }
  };
  const text = {
    summary: opts.summary,
    ...(opts.description === undefined ? {} : { description: opts.description }),
    helpValue: 'DURATION',
  };
  const def = opts.default;
  if (def === undefined) return Flags.custom<number>({ ...text, required: true, parse })();
  return Flags.custom<number>({
    ...text,
    default: def,
    defaultHelp: async () => formatDurationForPeople(def),
    parse,
  })();
}

/** Flags of every command that reads a stack: a spec file or a CDK app. */
export const stackFlags = {
  file: Flags.string({
    char: 'f',
    summary: 'Stack spec (YAML) or cdktf.json to read.',
    description:
      'Defaults to leasehold.yaml in the current directory, or the CDK app of a cdktf.json there.',
    helpValue: 'FILE',
  }),
  app: Flags.string({
    summary: 'Command that runs a CDK app and synthesizes its stack.',
    description: 'Overrides the `app` of cdktf.json. Example: --app "node main.js".',
    helpValue: 'COMMAND',
  }),
};

/** Flags of every command that reads or writes a stack's state (plan, refresh, import, state …). */
export const stateFlags = {
  state: Flags.string({
    summary: 'State file to use instead of the default.',
    description: 'Defaults to .leasehold/<stack>.state.json beside the spec file.',
    helpValue: 'PATH',
  }),
  'backend-config': Flags.string({
    summary: 'Override the state backend: type=pg|local, schema=NAME, keep=N (repeatable).',
    description:
      "Wins over LEASEHOLD_BACKEND and the spec's `backend` block. Connection settings are never flags: they come from LEASEHOLD_PG_URL or the PG* variables.",
    helpValue: 'KEY=VALUE',
    multiple: true,
  }),
  'lock-timeout': durationFlag({
    summary: 'How long to wait for the state lock (e.g. 30s, 5m).',
    description:
      'Retries with backoff (100 ms doubling to 2 s) while another process holds the lock. Default 0s: fail at once, naming the holder.',
    default: 0,
  }),
  lock: Flags.boolean({
    summary: 'Take the state lock (use --no-lock only when you know nothing else runs).',
    default: true,
    allowNo: true,
  }),
};

/**
 * Rewrites `--X=false` to `--no-X` (and `--X=true` to `--X`) for this command's negatable boolean
 * flags, so the Terraform spelling `--lock=false` works: oclif booleans take no value and would
 * otherwise read `false` as a positional argument. An option flag whose values include `true` and
 * `false` (`--refresh`, which also takes `chain`) gets the boolean spellings the other way round:
 * bare `--X` is `--X=true`, `--no-X` is `--X=false`. Use as `this.parse(Cmd,
 * normalizeBooleanFlags(this.argv, Cmd.flags))`.
 */
export function normalizeBooleanFlags(
  argv: readonly string[],
  flags: Readonly<
    Record<
      string,
      {
        readonly type: string;
        readonly allowNo?: boolean;
        readonly options?: readonly string[] | undefined;
      }
    >
  >,
): string[] {
  return argv.map((arg) => {
    const bare = /^--(no-)?([a-z][a-z0-9-]*)$/.exec(arg);
    const option = bare?.[2] === undefined ? undefined : flags[bare[2]];
    if (
      bare !== null &&
      option?.type === 'option' &&
      option.options?.includes('true') === true &&
      option.options.includes('false')
    )
      return `--${bare[2]}=${bare[1] === undefined ? 'true' : 'false'}`;
    const m = /^--([a-z][a-z0-9-]*)=(true|false)$/.exec(arg);
    const flag = m?.[1] === undefined ? undefined : flags[m[1]];
    if (m === null || flag?.type !== 'boolean' || flag.allowNo !== true) return arg;
    return m[2] === 'false' ? `--no-${m[1]}` : `--${m[1]}`;
  });
}

/** `--network`: which marketplace network a command talks to. */
export const networkFlags = {
  network: Flags.string({
    summary: 'Network to use: local, spheron-testnet, spheron-mainnet, or a custom name.',
    description:
      "Overrides LEASEHOLD_NETWORK and the spec's `network`. Defaults to local, the devnet, which is started when it is not running.",
    helpValue: 'NAME',
  }),
};
