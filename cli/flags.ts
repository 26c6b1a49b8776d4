import { Flags } from '@oclif/core';

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
