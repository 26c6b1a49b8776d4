import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { runRefresh } from '../engine/run-refresh.js';
import { networkFlags, normalizeBooleanFlags, stackFlags, stateFlags } from '../flags.js';
import type { DriftEntry } from '../plan/plan-types.js';
import { renderDrift } from '../render/render-drift.js';

export interface RefreshResult {
  /** True when the state changed and was written with a new serial. */
  readonly written: boolean;
  readonly serial: number;
  readonly drift: readonly DriftEntry[];
  /** Warnings only: errors exit 1 with `{ "error": [...] }`. */
  readonly diagnostics: Diagnostics;
}

export default class Refresh extends LeaseholdCommand {
  static override summary = 'Update the state from the chain and the providers.';
  static override description =
    "Reads the wallet's leases and orders, decodes their stack tags, asks providers for status and reconciles: leases closed outside Leasehold leave the state, tagged leases missing from it are adopted. Writes the state (serial + 1) only when something changed. An unreachable provider marks its lease unknown and never fails the refresh.";
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f stacks/web.yaml --network spheron-testnet',
    '<%= config.bin %> <%= command.id %> --lock-timeout 30s --json',
  ];
  static override flags = { ...stackFlags, ...stateFlags, ...networkFlags };

  async run(): Promise<RefreshResult> {
    const { flags } = await this.parse(Refresh, normalizeBooleanFlags(this.argv, Refresh.flags));
    const res = await runRefresh({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      network: flags.network,
      cwd: process.cwd(),
      env: process.env,
      log: (line) => process.stderr.write(`${line}\n`),
      lock: flags.lock,
      lockTimeoutMs: flags['lock-timeout'],
      version: this.config.version,
    });
    if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    if (!this.jsonEnabled()) {
      if (res.drift.length > 0)
        this.log(['Changes outside Leasehold:', ...renderDrift(res.drift)].join('\n'));
      this.log(
        res.written
          ? `State updated (serial ${res.state.serial}).`
          : 'State already matches the chain.',
      );
    }
    return {
      written: res.written,
      serial: res.state.serial,
      drift: res.drift,
      diagnostics: res.diagnostics,
    };
  }
}
