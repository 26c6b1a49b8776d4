import type { Diagnostics } from '../diag/index.js';
import type { Plan } from '../plan/plan-types.js';
import { renderPlanHuman } from './render-plan-human.js';
import { renderPlanJson } from './render-plan-json.js';
import { renderPlanMarkdown } from './render-plan-markdown.js';
import { styleFor } from './style.js';

/** How `plan` and `show` print a plan. */
export interface RenderPlanOptions {
  readonly format: 'human' | 'markdown' | 'json';
  readonly version: string;
  readonly warnings: Diagnostics;
  /** The stream it goes to and the environment, to decide on colour (human form only). */
  readonly stream: { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Picks the renderer for `--format` (pure given its options). */
export function renderPlan(plan: Plan, opts: RenderPlanOptions): string {
  if (opts.format === 'json') return JSON.stringify(renderPlanJson(plan, opts.version), null, 2);
  if (opts.format === 'markdown') return renderPlanMarkdown(plan, opts.warnings);
  return renderPlanHuman(plan, styleFor(opts.stream, opts.env));
}
