import { countChanges, isReplace } from '../plan/count-changes.js';
import type { Action, Change, DriftEntry, Plan } from '../plan/plan-types.js';
import { renderPlanAttributes } from './render-plan-attributes.js';
import { renderPlanCost, renderPlanNetwork } from './render-plan-cost.js';
import type { Style } from './style.js';

const LEGEND: readonly [Action, string, string][] = [
  ['create', '  +', 'create'],
  ['update', '  ~', 'update in-place'],
  ['delete', '  -', 'destroy'],
  ['delete-then-create', '-/+', 'destroy and then create replacement'],
  ['create-then-delete', '+/-', 'create replacement and then destroy'],
];

const DRIFT_PHRASE: Readonly<Record<DriftEntry['kind'], string>> = {
  'closed-outside': 'was closed outside Leasehold',
  adopted: 'was found on chain and adopted into the state',
  missing: 'is in the state but has no lease on chain',
  changed: 'changed on chain',
  unknown: 'could not be checked: its provider did not answer',
};

/** The human plan in Terraform's layout (STYLE §18: pure; colour only through `style`). */
export function renderPlanHuman(plan: Plan, style: Style): string {
  const out: string[] = [];
  if (plan.drift.length > 0) out.push(...renderDrift(plan.drift, style), '');
  const acting = plan.changes.filter((c) => c.action !== 'no-op');
  if (plan.mode === 'refresh-only') {
    out.push(
      plan.applyable
        ? 'This is a refresh-only plan: applying it updates the state to match the chain and changes no lease.'
        : 'No changes. Your state matches the chain.',
    );
  } else if (acting.length === 0 && !hasOutputChanges(plan)) {
    out.push(style.bold('No changes.') + ' Your infrastructure matches the configuration.');
  } else {
    out.push(...renderActions(acting, style, tokenDecimals(plan)));
    out.push(...renderOutputs(plan, style));
  }
  if (plan.cost.length > 0) {
    const network = renderPlanNetwork(plan.network);
    out.push('', ...renderPlanCost(plan.cost), ...(network === null ? [] : [network]));
  }
  if (!plan.complete)
    out.push(
      '',
      style.yellow(
        'Warning: resource targeting is in effect: this plan may not cover every change.',
      ),
    );
  if (plan.errored)
    out.push('', style.red('Planning failed: this plan has errors and cannot be applied.'));
  return out.join('\n');
}

function renderActions(
  acting: readonly Change[],
  style: Style,
  decimals: ReadonlyMap<string, number>,
): string[] {
  const used = new Set(acting.map((c) => c.action));
  const out = [
    'Leasehold will perform the following actions, shown with these symbols:',
    ...LEGEND.filter(([a]) => used.has(a)).map(([, s, t]) => `${colorSymbol(s, style)} ${t}`),
    '',
  ];
  for (const c of acting) out.push(...renderChange(c, style, decimals), '');
  const n = countChanges(acting);
  out.push(style.bold(`Plan: ${n.add} to add, ${n.change} to change, ${n.destroy} to destroy.`));
  return out;
}

/** One change: the `#` header, the reason line, and the resource block with its attributes. */
export function renderChange(
  c: Change,
  style: Style,
  decimals: ReadonlyMap<string, number> = new Map(),
): string[] {
  const sym = LEGEND.find(([a]) => a === c.action)?.[1] ?? '   ';
  const lines = [style.bold(`  # ${c.address} ${headline(c)}`)];
  const because = reasonLine(c);
  if (because !== null) lines.push(`  # (${because})`);
  lines.push(`${colorSymbol(sym, style)} resource "${c.type}" "${c.name}" {`);
  lines.push(...renderPlanAttributes(c, style, 6, decimals), '    }');
  return lines;
}

/** Decimals of each token the plan prices in, from its cost block (prices are shown in tokens). */
export function tokenDecimals(plan: Plan): ReadonlyMap<string, number> {
  return new Map(plan.cost.map((c) => [c.token, c.decimals]));
}

function headline(c: Change): string {
  if (c.action === 'create') return 'will be created';
  if (c.action === 'update') return 'will be updated in-place';
  if (c.action === 'delete') return 'will be destroyed';
  if (c.action === 'read') return 'will be read during apply';
  if (!isReplace(c.action)) return 'has no changes';
  if (c.reason === 'replace-because-tainted') return 'is tainted, so must be replaced';
  if (c.reason === 'replace-because-unhealthy') return 'is unhealthy, so must be replaced';
  if (c.reason === 'replace-by-request') return 'will be replaced, as requested';
  return 'must be replaced';
}

function reasonLine(c: Change): string | null {
  switch (c.reason) {
    case 'create-because-missing':
      return 'because the lease was closed outside Leasehold';
    case 'resume-interrupted':
      return 'resuming an interrupted apply: its order or lease is picked up, not created again';
    case 'scale-out':
      return 'because the replica count grew';
    case 'scale-in':
      return 'because the replica count shrank';
    case 'delete-because-no-config':
      return `because ${c.resource} is not in the configuration`;
    case 'delete-because-duplicate':
      return 'because another lease already serves this slot';
    default:
      return null;
  }
}

function renderDrift(drift: readonly DriftEntry[], style: Style): string[] {
  const out = [
    style.bold('Changes outside Leasehold'),
    '',
    'Leasehold found these changes on the chain since the state was last written:',
    '',
  ];
  for (const d of drift) {
    const lease = d.leaseId === undefined ? '' : ` (lease ${d.leaseId})`;
    out.push(`  # ${d.address}${lease} ${DRIFT_PHRASE[d.kind]}`, `    ${style.dim(d.detail)}`);
  }
  return out;
}

function hasOutputChanges(plan: Plan): boolean {
  return Object.values(plan.outputs).some((o) => o.action !== 'no-op');
}

// A destroy removes every output with the stack: `- url = null` lines would only repeat that.
function renderOutputs(plan: Plan, style: Style): string[] {
  const changed = Object.entries(plan.outputs).filter(
    ([, o]) => o.action !== 'no-op' && !(plan.mode === 'destroy' && o.action === 'delete'),
  );
  if (changed.length === 0) return [];
  const width = Math.max(...changed.map(([n]) => n.length));
  const lines = changed.map(([name, o]) => {
    const sym = o.action === 'create' ? '+' : o.action === 'delete' ? '-' : '~';
    const value =
      o.action === 'delete' ? 'null' : o.sensitive ? '(sensitive value)' : '(known after apply)';
    return `  ${colorSymbol(sym, style)} ${name.padEnd(width)} = ${value}`;
  });
  return ['', 'Changes to Outputs:', ...lines];
}

function colorSymbol(sym: string, style: Style): string {
  return sym
    .split('')
    .map((ch) =>
      ch === '+'
        ? style.green(ch)
        : ch === '-'
          ? style.red(ch)
          : ch === '~'
            ? style.yellow(ch)
            : ch,
    )
    .join('');
}
