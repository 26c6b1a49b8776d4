import { Flags } from '@oclif/core';
import { parseDurationFlag } from './flags-duration.js';

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
  'lock-timeout': Flags.custom<number>({
    summary: 'How long to wait for the state lock (e.g. 30s, 5m).',
    description:
      'Retries with backoff (100 ms doubling to 2 s) while another process holds the lock. Default 0: fail at once, naming the holder.',
    helpValue: 'DURATION',
    default: 0,
    parse: async (input) => parseDurationFlag(input),
  })(),
  lock: Flags.boolean({
    summary: 'Take the state lock (use --no-lock only when you know nothing else runs).',
    default: true,
    allowNo: true,
  }),
};
