import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { listStateAddresses, openStateBackend, renderStateList } from '../../state/index.js';
import type { StateListEntry } from '../../state/index.js';

export interface StateListResult {
  readonly stack: string;
  readonly location: string;
  /** Null when the stack has no state yet. */
  readonly serial: number | null;
  readonly lineage: string | null;
  readonly resources: readonly StateListEntry[];
}

export default class StateList extends LeaseholdCommand {
  static override summary = 'List the resources and lease slots in the state.';
  static override description =
    'Prints every address the state tracks — slots as instance.web[0] or instance.web["us-east"] with their lease ids, resources with no lease (health checks, policies) by their address. Reads only the state file: no chain, no lock. Optional ADDRESS filters to one resource.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml instance.web',
    '<%= config.bin %> <%= command.id %> --state prod.state.json --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
  };
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      description: 'Only this resource (instance.web) or slot.',
    }),
  };

  async run(): Promise<StateListResult> {
    const { flags, args } = await this.parse(StateList);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const state = await backend.read();
    const all = state === null ? [] : listStateAddresses(state);
    const resources =
      args.address === undefined
        ? all
        : all.filter((e) => e.address === args.address || e.resource === args.address);
    if (!this.jsonEnabled())
      this.log(
        state === null
          ? `No state for stack ${stack} at ${backend.location}.`
          : renderStateList(resources),
      );
    return {
      stack,
      location: backend.location,
      serial: state?.serial ?? null,
      lineage: state?.lineage ?? null,
      resources,
    };
  }
}
