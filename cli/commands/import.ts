import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { runImport } from '../engine/run-import.js';
import { networkFlags, normalizeBooleanFlags, stackFlags, stateFlags } from '../flags.js';
import type { DriftEntry } from '../plan/plan-types.js';
import { renderDrift } from '../render/render-drift.js';

export interface ImportResult {
  readonly written: boolean;
  readonly lineage: string;
  readonly serial: number;
  /** Resource addresses in the rebuilt state. */
  readonly resources: readonly string[];
  readonly adopted: readonly DriftEntry[];
  /** Warnings only: errors exit 1 with `{ "error": [...] }`. */
  readonly diagnostics: Diagnostics;
}

export default class Import extends LeaseholdCommand {
  static override summary = 'Rebuild the state of a stack from the chain.';
  static override description =
    "Finds every lease whose order carries this stack's tag, reads its provider and status, and writes a fresh state (new lineage, serial 1) with the same resource and slot addresses. Refuses to replace an existing state unless --force (the old one is kept as the backup).";
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --force --json',
  ];
  static override flags = {
    ...stackFlags,
    ...stateFlags,
    ...networkFlags,
    force: Flags.boolean({ summary: 'Replace an existing state file.' }),
  };

  async run(): Promise<ImportResult> {
    const { flags } = await this.parse(Import, normalizeBooleanFlags(this.argv, Import.flags));
    const res = await runImport({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      network: flags.network,
      cwd: process.cwd(),
      env: process.env,
      log: (line) => process.stderr.write(`${line}\n`),
      force: flags.force,
      lock: flags.lock,
      lockTimeoutMs: flags['lock-timeout'],
      version: this.config.version,
    });
    if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    const resources = res.state.resources.map((r) => r.address);
    if (!this.jsonEnabled()) {
      if (res.adopted.length > 0)
        this.log(['Adopted from the chain:', ...renderDrift(res.adopted)].join('\n'));
      this.log(
        `Imported ${resources.length} resource(s) into a new state (lineage ${res.state.lineage}).`,
      );
    }
    return {
      written: res.written,
      lineage: res.state.lineage,
      serial: res.state.serial,
      resources,
      adopted: res.adopted,
      diagnostics: res.diagnostics,
    };
  }
}
