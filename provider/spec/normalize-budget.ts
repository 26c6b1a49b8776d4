import type { BudgetModel, TokenAmount } from './model-types.js';
import { readAmount, readUnit } from './normalize-context.js';
import type { NormalizeContext } from './normalize-context.js';
import type { BudgetSpec } from './spec-types.js';
import { parseDuration } from '../../common/units/index.js';

/** The stack budget in base units of its token; escrow amounts use the same token. */
export function normalizeBudget(ctx: NormalizeContext, spec: BudgetSpec): BudgetModel {
  const amount = (
    v: string | number | undefined,
    field: string,
    path: string[],
  ): TokenAmount | null =>
    v === undefined
      ? null
      : readAmount(ctx, {
          amount: v,
          token: spec.token,
          what: field,
          path: ['budget', ...path],
          tokenPath: ['budget', 'token'],
        });
  const escrow = spec.escrow;
  return {
    maxPerHour: amount(spec.maxPerHour, 'budget per hour', ['maxPerHour']) ?? {
      token: spec.token,
      amount: '0',
    },
    runway:
      escrow?.runway === undefined
        ? null
        : readUnit(ctx, escrow.runway, {
            parse: parseDuration,
            what: 'escrow runway',
            path: ['budget', 'escrow', 'runway'],
            fallback: 0,
          }),
    topUp: amount(escrow?.topUp, 'escrow top-up', ['escrow', 'topUp']),
    maxDeposit: amount(escrow?.maxDeposit, 'escrow deposit ceiling', ['escrow', 'maxDeposit']),
  };
}
