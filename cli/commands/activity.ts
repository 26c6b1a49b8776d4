import { Flags, Errors } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { parseDuration } from '../../common/index.js';
import { stackFlags, stateFlags } from '../flags.js';
import { openStateBackend, touches } from '../state/index.js';
import type { ActivityEntry } from '../state/index.js';
import { renderActivity } from '../render/render-activity.js';

export interface ActivityResult {
  readonly stack: string;
  readonly location: string;
  /** Oldest first. */
  readonly entries: readonly ActivityEntry[];
}

export default class Activity extends LeaseholdCommand {
  static override summary =
    'Show who did what to the stack: applies, destroys, imports, pushes, unlocks, controller decisions.';
  static override description =
    'Reads the activity log of the state backend (a table in pg, a JSON-lines file beside the local state). Entries name who (user@host or the CI job), the command, a summary, the resources, transaction hashes and the cost change per hour — never secret values.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --since 24h',
    '<%= config.bin %> <%= command.id %> --resource instance.web --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    since: Flags.custom<number>({
      summary: 'Only entries newer than this (e.g. 24h, 7d, 30m).',
      helpValue: 'DURATION',
      parse: async (input) => {
        const r = parseDuration(input);
        if (!r.ok) throw new Errors.CLIError(`--since ${input}: ${r.problem}`);
        return r.value;
      },
    })(),
    resource: Flags.string({
      summary: 'Only entries that touched this address (instance.web).',
      helpValue: 'ADDR',
    }),
  };

  async run(): Promise<ActivityResult> {
    const { flags } = await this.parse(Activity);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    try {
      const since =
        flags.since === undefined ? undefined : new Date(Date.now() - flags.since).toISOString();
      const all = (await backend.readActivity?.({ since })) ?? [];
      const entries =
        flags.resource === undefined
          ? all
          : all.filter((e) => touches(e, flags.resource as string));
      if (!this.jsonEnabled()) this.log(renderActivity(entries, stack));
      return { stack, location: backend.location, entries };
    } finally {
      await backend.close?.();
    }
  }
}
