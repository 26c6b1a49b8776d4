import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { BudgetModel, InstanceModel } from './model-types.js';

/** One instance as the budget check sees it. */
export interface BudgetedInstance {
  readonly name: string;
  readonly instance: InstanceModel;
}

/**
 * Checks the stack budget against the instances' maximum prices, in base units: each replica must
 * fit (`spec/budget-too-low`), in the budget's token (`spec/budget-token-mismatch`), and all
 * `count` replicas together must fit (`spec/budget-exceeded-by-count`).
 */
export function checkBudget(
  budget: BudgetModel,
  instances: readonly BudgetedInstance[],
): Diagnostic[] {
  const limit = BigInt(budget.maxPerHour.amount);
  const token = budget.maxPerHour.token;
  const diags: Diagnostic[] = [];
  let total = 0n;
  for (const { name, instance } of instances) {
    const price = instance.pricing;
    if (price.token !== token) {
      diags.push(tokenMismatch(name, price.token, token));
      continue;
    }
    if (BigInt(price.amount) > limit) diags.push(tooLow(name, price.amount, budget));
    total += BigInt(price.amount) * BigInt(instance.count);
  }
  // A per-replica failure already says the budget is short; the total would repeat it.
  if (diags.length === 0 && total > limit) diags.push(exceededByCount(total, budget, instances));
  return diags;
}

function tokenMismatch(name: string, priceToken: string, budgetToken: string): Diagnostic {
  return errorDiag({
    code: 'spec/budget-token-mismatch',
    summary: 'Instance priced in another token than the budget',
    detail: `Instance ${JSON.stringify(name)} is priced in ${priceToken} but the stack budget is in ${budgetToken}; amounts in different tokens cannot be compared.`,
    hint: `Price the instance in ${budgetToken}, or set the budget in ${priceToken}.`,
    path: `instances.${name}.pricing.token`,
    address: `instance.${name}`,
  });
}

function tooLow(name: string, amount: string, budget: BudgetModel): Diagnostic {
  const t = budget.maxPerHour.token;
  return errorDiag({
    code: 'spec/budget-too-low',
    summary: 'Budget is below the price of one replica',
    detail: `The stack budget is ${budget.maxPerHour.amount} base units of ${t} per hour, but one replica of ${JSON.stringify(name)} may cost up to ${amount}; not even one replica could be ordered.`,
    hint: `Raise \`budget.maxPerHour\` to at least the instance's \`pricing.maxPerHour\`.`,
    path: 'budget.maxPerHour',
    address: `instance.${name}`,
  });
}

function exceededByCount(
  total: bigint,
  budget: BudgetModel,
  instances: readonly BudgetedInstance[],
): Diagnostic {
  const parts = instances
    .map((i) => `${i.name}: ${i.instance.count} × ${i.instance.pricing.amount}`)
    .join(', ');
  return errorDiag({
    code: 'spec/budget-exceeded-by-count',
    summary: 'Replicas at their maximum price exceed the budget',
    detail: `All replicas at their maximum price cost up to ${total} base units of ${budget.maxPerHour.token} per hour (${parts}), more than the budget of ${budget.maxPerHour.amount}.`,
    hint: 'Raise `budget.maxPerHour`, or lower `count` or `pricing.maxPerHour`.',
    path: 'budget.maxPerHour',
  });
}
