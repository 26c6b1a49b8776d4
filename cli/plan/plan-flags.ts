import { Flags } from '@oclif/core';

/** Flags of `plan` beyond the stack, state and network ones (a contract: see STYLE §17). */
export const planFlags = {
  out: Flags.string({ summary: 'Save the plan to FILE for a later apply.', helpValue: 'FILE' }),
  format: Flags.option({
    options: ['human', 'markdown', 'json'] as const,
    default: 'human' as const,
    summary: 'Output form: human, markdown (pull requests) or json (terraform show -json).',
  })(),
  'detailed-exitcode': Flags.boolean({
    summary: 'Exit 2 when the plan has changes, 0 when none, 1 on error.',
  }),
  refresh: Flags.option({
    options: ['true', 'false', 'chain'] as const,
    default: 'true' as const,
    summary:
      'Read the chain and providers first; false: plan against the state as written; chain: the chain only, no provider status reads.',
  })(),
  'refresh-only': Flags.boolean({
    summary: 'Only reconcile state with the chain; propose no changes.',
    exclusive: ['destroy'],
  }),
  target: Flags.string({
    multiple: true,
    summary: 'Plan only this resource or slot (and what it depends on).',
    helpValue: 'ADDR',
  }),
  replace: Flags.string({
    multiple: true,
    summary: 'Replace this resource or slot even if unchanged.',
    helpValue: 'ADDR',
  }),
  destroy: Flags.boolean({ summary: 'Plan to destroy every resource of the stack.' }),
};

/** `--format` of `plan` and `show`. */
export const formatFlag = planFlags.format;

/** `--refresh` as the engine takes it: true, false, or `chain` (no provider status reads). */
export function refreshMode(flag: 'true' | 'false' | 'chain'): boolean | 'chain' {
  return flag === 'chain' ? 'chain' : flag === 'true';
}
