import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import {
  findStateAddress,
  listStateAddresses,
  openStateBackend,
  renderStateShow,
  StateAddressNotFoundError,
  toStateShowView,
} from '../../state/index.js';
import type { StateShowView } from '../../state/index.js';

export type StateShowResult = StateShowView;

export default class StateShow extends LeaseholdCommand {
  static override summary = 'Show one resource or lease slot as recorded in the state.';
  static override description =
    'Prints the attributes a resource was last applied with and its leases (lease id, provider, host, accepted price, spec and manifest hashes, start block). A slot address (instance.web[0]) shows that lease only. Secrets appear as references: their values are never stored.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> instance.web',
    "<%= config.bin %> <%= command.id %> 'instance.web[0]'",
    '<%= config.bin %> <%= command.id %> \'instance.api["us-east"]\' --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
  };
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      description: 'Resource or slot address.',
      required: true,
    }),
  };

  async run(): Promise<StateShowResult> {
    const { flags, args } = await this.parse(StateShow);
    const { backend } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const state = await backend.read();
    const match = state === null ? null : findStateAddress(state, args.address);
    if (state === null || match === null) {
      const known = state === null ? [] : listStateAddresses(state).map((e) => e.address);
      throw new StateAddressNotFoundError({ address: args.address, known });
    }
    const view = toStateShowView(args.address, match);
    if (!this.jsonEnabled()) this.log(renderStateShow(view));
    return view;
  }
}
