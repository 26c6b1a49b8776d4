/**
 * A slot's max price against what the market accepted recently (pure). Orders differ in size, so
 * prices are compared per unit: per CPU core-hour for CPU-only orders, per GPU-hour for GPU
 * orders (a GPU order's price is mostly its GPUs). Only matches paid in the slot's token count.
 * The comparison is exact (cross-multiplied per-block prices); per-hour figures are for the words.
 */
import { formatPerHourForPeople } from '../../common/units/index.js';
import { perHourOfPrice } from '../../wire/block-pricing.js';

/** What an order asked or was accepted at, with the units its price is normalised by. */
export interface PricedOrder {
  /** Price per block, 1e18-scaled, for the whole order (every replica). */
  readonly pricePerBlock: bigint;
  /** Token address, lowercase. */
  readonly token: string;
  /** Millicores over every replica of every service. */
  readonly cpuMillis: number;
  /** GPUs over every replica of every service. */
  readonly gpus: number;
}

/** Inputs of {@link decidePriceVsMarket}. */
export interface DecidePriceVsMarketInput {
  /** The slot's order: its max price. */
  readonly slot: PricedOrder;
  /** Accepted prices of recent matches (`OrderMatched`), with their orders' sizes. */
  readonly recent: readonly PricedOrder[];
  /** How many blocks back `recent` reaches, for the words. */
  readonly windowBlocks: number;
  readonly token: { readonly symbol: string; readonly decimals: number };
  readonly secondsPerBlock: number;
}

/** Null: no warning. Else the sentence and its figures. */
export interface PriceBelowMarket {
  readonly message: string;
  readonly kind: 'cpu' | 'gpu';
  /** Base units per hour per unit (CPU core or GPU). */
  readonly maxPerUnitHour: bigint;
  readonly lowestPerUnitHour: bigint;
  readonly matches: number;
}

const kindOf = (o: PricedOrder): 'cpu' | 'gpu' => (o.gpus > 0 ? 'gpu' : 'cpu');

/** Units the price is per: thousandths of a core for CPU (exact), GPUs for GPU. */
function units(o: PricedOrder): bigint {
  return kindOf(o) === 'gpu' ? BigInt(o.gpus) : BigInt(o.cpuMillis);
}

/**
 * Warns when the slot's max per unit is below every comparable price accepted in the window; null
 * when at least one was at or below it, or nothing comparable was accepted.
 * @example decidePriceVsMarket(input)?.message // "your max 0.01 USDT/h per CPU is below every price …"
 */
export function decidePriceVsMarket(input: DecidePriceVsMarketInput): PriceBelowMarket | null {
  const { slot } = input;
  const kind = kindOf(slot);
  const slotUnits = units(slot);
  if (slotUnits === 0n) return null;
  const comparable = input.recent.filter(
    (r) => r.token === slot.token && kindOf(r) === kind && units(r) > 0n,
  );
  if (comparable.length === 0) return null;
  // slot.max / slotUnits < r.price / rUnits, without dividing.
  const below = comparable.every(
    (r) => slot.pricePerBlock * units(r) < r.pricePerBlock * slotUnits,
  );
  if (!below) return null;
  const lowest = comparable.reduce((a, b) =>
    a.pricePerBlock * units(b) <= b.pricePerBlock * units(a) ? a : b,
  );
  const perUnitHour = (o: PricedOrder): bigint => {
    const hour = perHourOfPrice({
      pricePerBlock: o.pricePerBlock,
      decimals: input.token.decimals,
      secondsPerBlock: input.secondsPerBlock,
    });
    return kind === 'gpu' ? hour / units(o) : (hour * 1000n) / units(o);
  };
  const maxPerUnitHour = perUnitHour(slot);
  const lowestPerUnitHour = perUnitHour(lowest);
  const per = kind === 'gpu' ? 'per GPU' : 'per CPU';
  const fmt = (v: bigint): string =>
    `${formatPerHourForPeople(v, input.token.decimals, input.token.symbol, 3)} ${per}`;
  return {
    kind,
    maxPerUnitHour,
    lowestPerUnitHour,
    matches: comparable.length,
    message: `your max ${fmt(maxPerUnitHour)} is below every price accepted in the last ${input.windowBlocks} blocks (lowest ${fmt(lowestPerUnitHour)}, ${comparable.length} ${comparable.length === 1 ? 'match' : 'matches'})`,
  };
}
