import { errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';

/** What decides whether apply may ask, must ask, or must refuse. */
export interface DecideApprovalInput {
  readonly autoApprove: boolean;
  /** A saved plan was given: it was reviewed when it was made, so it is never confirmed again. */
  readonly savedPlan: boolean;
  /** Both stdin and stdout are terminals. */
  readonly interactive: boolean;
  /** `--json`: the output is for a program, so no prompt may interleave with it. */
  readonly json: boolean;
  /** `apply` or `destroy`, for the message. */
  readonly command: string;
}

/** Apply without asking, ask at the prompt, or refuse before anything is sent. */
export type ApprovalDecision =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'prompt' }
  | { readonly kind: 'refuse'; readonly diagnostic: Diagnostic };

/**
 * Terraform's rule: a saved plan or `--auto-approve` proceeds; otherwise a terminal is asked
 * "Only 'yes' will be accepted", and without one (CI, pipes, `--json`) apply refuses at once.
 */
export function decideApproval(input: DecideApprovalInput): ApprovalDecision {
  if (input.savedPlan || input.autoApprove) return { kind: 'proceed' };
  if (input.interactive && !input.json) return { kind: 'prompt' };
  const why = input.json ? 'with --json' : 'without a terminal to ask on';
  return {
    kind: 'refuse',
    diagnostic: errorDiag({
      code: 'apply/approval-required',
      summary: 'Approval required',
      detail: `\`${input.command}\` runs ${why}, so it cannot ask for confirmation. Nothing was planned or sent.`,
      hint: `Review the plan, then pass --auto-approve, or apply a saved plan: \`leasehold plan --out plan.json\` then \`leasehold apply plan.json\`.`,
    }),
  };
}
