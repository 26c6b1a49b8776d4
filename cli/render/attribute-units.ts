import {
  formatBytesForPeople,
  formatCpuForPeople,
  formatDurationForPeople,
  formatTokenAmount,
} from '../../common/index.js';
import { isUnderPattern } from './plan-paths.js';
import type { AttrPath } from './plan-paths.js';

/** The unit a plan attribute is stored in (the model's: millicores, bytes, ms, base units/h). */
export type AttributeUnit = 'cpu' | 'bytes' | 'duration' | 'price-per-hour';

/**
 * Which attributes of each resource type carry a unit, as dotted patterns (`*` = any index).
 * Display only: the plan and its JSON keep the model's units, so a policy reads exact numbers.
 * It mirrors the provider's model types (provider/spec/model-types.ts); an attribute missing here
 * shows its raw value, never a wrong one.
 */
const UNITS: Readonly<Record<string, Readonly<Record<string, AttributeUnit>>>> = {
  instance: {
    'resources.cpu': 'cpu',
    'resources.memory': 'bytes',
    'resources.storage.*.size': 'bytes',
    'resources.gpu.ram': 'bytes',
    duration: 'duration',
    'pricing.amount': 'price-per-hour',
  },
  health_check: { gracePeriod: 'duration', interval: 'duration', timeout: 'duration' },
  autoscaling_policy: {
    cooldown: 'duration',
    'scaleUp.stabilizationWindow': 'duration',
    'scaleDown.stabilizationWindow': 'duration',
    'scaleUp.policies.*.period': 'duration',
    'scaleDown.policies.*.period': 'duration',
  },
};

/** What formatting a price needs: the token of the change and its decimals. */
export interface AttributeUnitContext {
  readonly type: string;
  /** The change's pricing token (`pricing.token`), when it has one. */
  readonly token: string | null;
  /** Decimals by token symbol (from the plan's cost block). */
  readonly decimals: ReadonlyMap<string, number>;
}

/**
 * The human text of one scalar attribute (`1 CPU`, `1 GiB`, `24h`, `2 USDT/h`), or null when it
 * has no unit or cannot be read as one (then the raw JSON value is shown).
 */
export function formatAttributeValue(
  value: unknown,
  path: AttrPath,
  ctx: AttributeUnitContext,
): string | null {
  const table = UNITS[ctx.type];
  if (table === undefined) return null;
  const unit = Object.entries(table).find(
    ([pattern]) => pattern.split('.').length === path.length && isUnderPattern(path, [pattern]),
  )?.[1];
  if (unit === undefined) return null;
  const int = toBigInt(value);
  if (int === null) return null;
  const safe = int <= BigInt(Number.MAX_SAFE_INTEGER);
  switch (unit) {
    case 'cpu':
      return safe ? formatCpuForPeople(Number(int)) : null;
    case 'bytes':
      return formatBytesForPeople(int);
    case 'duration':
      return safe ? formatDurationForPeople(Number(int)) : null;
    case 'price-per-hour': {
      const decimals = ctx.token === null ? undefined : ctx.decimals.get(ctx.token);
      if (ctx.token === null || decimals === undefined) return null;
      return `${formatTokenAmount(int, decimals)} ${ctx.token}/h`;
    }
  }
}

function toBigInt(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  return null;
}
