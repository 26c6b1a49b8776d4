import { countOutcomes } from '../engine/apply-events.js';
import type { SlotOutcome } from '../engine/apply-events.js';
import type { ApplyStatus } from '../engine/apply-stack.js';
import type { OutputState } from '../state/state-types.js';
import type { Style } from './style.js';

/** What the closing lines of `apply`/`destroy` are made from. */
export interface ApplySummaryInput {
  readonly command: 'apply' | 'destroy';
  readonly status: ApplyStatus;
  readonly outcomes: readonly SlotOutcome[];
  readonly outputs: Readonly<Record<string, OutputState>>;
}

/**
 * Terraform's closing lines: "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." and
 * the outputs (sensitive ones masked); after a failure or an interrupt, what was done, what
 * failed and what was not started, per address.
 */
export function renderApplySummary(input: ApplySummaryInput, style: Style): string {
  const c = countOutcomes(input.outcomes);
  const Word = input.command === 'destroy' ? 'Destroy' : 'Apply';
  const lines: string[] = [];
  const resources = `Resources: ${c.added} added, ${c.changed} changed, ${c.destroyed} destroyed.`;
  if (input.status === 'no-changes')
    lines.push(style.green('No changes. Your infrastructure matches the configuration.'));
  else if (input.status === 'cancelled') lines.push(`${Word} cancelled.`);
  else if (input.status === 'applied') lines.push(style.green(`${Word} complete! ${resources}`));
  else if (input.status === 'refused') lines.push(style.red(`${Word} refused: nothing was sent.`));
  else if (input.status === 'failed' && input.outcomes.every((o) => o.status === 'not-started'))
    lines.push(style.red(`${Word} failed before any change: nothing was sent.`));
  else {
    const what = input.status === 'interrupted' ? 'interrupted' : 'failed';
    const done = input.outcomes.length - c.failed - c.notStarted;
    lines.push(
      style.red(`${Word} ${what}: ${done} done, ${c.failed} failed, ${c.notStarted} not started.`),
      ...perAddress(input.outcomes, style),
      input.status === 'interrupted'
        ? 'State is saved. Run the same command again to continue.'
        : 'State is saved. Fix the errors below and run the same command again.',
    );
  }
  const outputs = Object.entries(input.outputs);
  const changed = input.outcomes.some((o) => o.status === 'done');
  const shown = input.status === 'applied' || input.status === 'no-changes' || changed;
  if (input.command === 'apply' && outputs.length > 0 && shown) {
    lines.push('', style.bold('Outputs:'), '');
    for (const [name, o] of outputs) lines.push(`${name} = ${outputText(o)}`);
  }
  return lines.join('\n');
}

function perAddress(outcomes: readonly SlotOutcome[], style: Style): string[] {
  return outcomes.map((o) => {
    if (o.status === 'done') return `  ${style.green('✓')} ${o.address} (${o.action})`;
    if (o.status === 'not-started')
      return `  ${style.dim('-')} ${o.address} (${o.action}): not started`;
    const why = o.diagnostics.find((d) => d.severity === 'error');
    return `  ${style.red('✗')} ${o.address} (${o.action}): ${why?.code ?? 'error'} ${why?.summary ?? ''}`.trimEnd();
  });
}

/** An output as Terraform prints it: quoted, `(sensitive value)`, or `(known after apply)`. */
export function outputText(o: OutputState): string {
  if (o.sensitive) return '(sensitive value)';
  return o.value === null ? '(not known)' : JSON.stringify(o.value);
}
