import { readFileSync } from 'node:fs';
import { Command, Errors } from '@oclif/core';
import {
  DiagnosticsError,
  LeaseholdError,
  redact,
  redactDiagnostic,
  registerEnvSecrets,
} from './diag/index.js';
import type { Diagnostics } from './diag/index.js';
import { renderDiagnostics } from './render/render-diagnostics.js';
import { styleFor } from './render/style.js';

/**
 * Base of every command: turns any failure into diagnostics — JSON `{ "error": [...] }` on stdout
 * under `--json`, human text on stderr otherwise — and exit code 1, with no stack trace unless
 * `LEASEHOLD_DEBUG` is set (STYLE §17). Every diagnostic and stack printed goes through redact(),
 * which knows the wallet's secrets from the start of the command.
 */
export abstract class LeaseholdCommand extends Command {
  static override enableJsonFlag = true;

  override async init(): Promise<void> {
    registerEnvSecrets(process.env);
    await super.init();
  }

  /** Prints diagnostics (warnings, or errors before exiting) in the form the user asked for. */
  protected printDiagnostics(diags: Diagnostics): void {
    if (diags.length === 0 || this.jsonEnabled()) return;
    const style = styleFor(process.stderr, process.env);
    const redacted = diags.map((d) => redactDiagnostic(d));
    process.stderr.write(
      renderDiagnostics(redacted, { style, sources: readSources(diags) }) + '\n',
    );
  }

  /** Fails the command with these diagnostics (exit 1). */
  protected fail(diags: Diagnostics): never {
    throw new DiagnosticsError(diags);
  }

  protected override async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    if (err instanceof Errors.ExitError) throw err;
    const diags = toDiagnostics(err).map((d) => redactDiagnostic(d));
    if (process.env['LEASEHOLD_DEBUG'])
      process.stderr.write(`${redact(err.stack ?? String(err))}\n`);
    if (this.jsonEnabled()) {
      // One line, so a JSON-lines stream (`apply --json`) stays parseable line by line.
      process.stdout.write(JSON.stringify({ error: diags }) + '\n');
    } else {
      const style = styleFor(process.stderr, process.env);
      process.stderr.write(renderDiagnostics(diags, { style, sources: readSources(diags) }) + '\n');
    }
    process.exitCode = 1;
    return undefined;
  }
}

function toDiagnostics(err: Error): Diagnostics {
  if (err instanceof LeaseholdError) return err.toDiagnostics();
  if (err instanceof Errors.CLIError) {
    const message = err.message.replace(/\n\s*See more help with --help$/, '');
    return [
      {
        severity: 'error',
        code: 'cli/invalid-arguments',
        summary: 'Invalid arguments',
        detail: message,
        hint: 'Run the command with --help to see its flags and examples.',
      },
    ];
  }
  return [
    {
      severity: 'error',
      code: 'internal/unexpected',
      summary: 'Unexpected error',
      detail: err.message,
      hint: 'Re-run with LEASEHOLD_DEBUG=1 for the stack trace, and report it.',
    },
  ];
}

function readSources(diags: Diagnostics): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of diags) {
    const file = d.source?.file;
    if (file === undefined || out.has(file)) continue;
    try {
      out.set(file, readFileSync(file, 'utf8'));
    } catch {
      // A file we cannot read is simply not quoted.
    }
  }
  return out;
}
