import type { Diagnostics } from '../diag/index.js';
import { countChanges } from '../plan/count-changes.js';
import type { Action, Plan } from '../plan/plan-types.js';
import { formatTokenAmount } from '../../common/index.js';
import { renderPlanHuman } from './render-plan-human.js';
import { PLAIN } from './style.js';

const ACTION_LABEL: Readonly<Record<Action, string>> = {
  'no-op': 'no-op',
  read: 'read',
  create: '+ create',
  update: '~ update',
  delete: '- destroy',
  'delete-then-create': '-/+ replace',
  'create-then-delete': '+/- replace',
};

/**
 * The plan as a pull-request comment: a summary line with counts and cost, a table of changes,
 * drift, warnings, and the human plan in a collapsible ```diff block (pure).
 */
export function renderPlanMarkdown(plan: Plan, warnings: Diagnostics = []): string {
  const acting = plan.changes.filter((c) => c.action !== 'no-op');
  const n = countChanges(acting);
  const out = [`### Leasehold plan: \`${plan.stack}\` on \`${plan.network.name}\``, ''];
  if (plan.errored)
    out.push('**Planning failed.** This plan has errors and cannot be applied.', '');
  const summary =
    acting.length === 0
      ? '**No changes.**'
      : `**Plan: ${n.add} to add, ${n.change} to change, ${n.destroy} to destroy.**`;
  out.push([summary, ...costSummary(plan)].join(' '), '');
  if (acting.length > 0) {
    out.push('| Action | Address | Reason |', '| --- | --- | --- |');
    for (const c of acting)
      out.push(`| \`${ACTION_LABEL[c.action]}\` | \`${c.address}\` | ${c.reason ?? ''} |`);
    out.push('');
  }
  if (plan.drift.length > 0) {
    out.push('#### Changes outside Leasehold', '');
    for (const d of plan.drift) out.push(`- \`${d.address}\` (${d.kind}): ${escape(d.detail)}`);
    out.push('');
  }
  const warns = warnings.filter((d) => d.severity === 'warning');
  if (warns.length > 0) {
    out.push('#### Warnings', '');
    for (const w of warns)
      out.push(
        `- **${w.summary}** (\`${w.code}\`)${w.detail === undefined ? '' : `: ${escape(w.detail)}`}`,
      );
    out.push('');
  }
  out.push(
    '<details><summary>Show plan</summary>',
    '',
    '```diff',
    toDiff(renderPlanHuman(plan, PLAIN)),
    '```',
    '',
    '</details>',
  );
  return out.join('\n');
}

function costSummary(plan: Plan): string[] {
  return plan.cost.map((c) => {
    const f = (a: string): string => formatTokenAmount(BigInt(a), c.decimals);
    const ceiling = c.perHourCeiling ?? c.perHourAfter;
    return `Cost: now ${f(c.perHourBefore)} ${c.token}/hour, at most ${f(ceiling)} ${c.token}/hour after this plan (max prices), ${f(c.escrowToLock)} ${c.token} to lock.`;
  });
}

// GitHub colours ```diff lines by their first character: move each change symbol to column 0
// (`~` becomes `!`, which diff highlighting shows as a change).
function toDiff(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([-+~])(\/[-+])?( .*)$/.exec(line);
      if (m === null) return line;
      const sym = m[2] === '~' ? '!' : (m[2] ?? ' ');
      return `${sym}${m[1] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`;
    })
    .join('\n');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
