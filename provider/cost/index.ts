// provider/cost: what a plan costs — per-hour, escrow and runway arithmetic to the base unit, and
// the stack budget check. Pure bigint arithmetic; must not import provider/marketplace or ethers.
export { findToken } from './find-token.js';
export {
  blockMs,
  escrowToLock,
  formatTokens,
  maxPricePerBlock,
  numOfBlocks,
  perHourOfPrice,
  runwayHours,
} from './price-math.js';
export type { MaxPriceInput, PerHourInput } from './price-math.js';
export { slotChangeCost } from './slot-change-cost.js';
export type { SlotChangeCostInput, SlotOrderTerms } from './slot-change-cost.js';
export { summarizeCost } from './summarize-cost.js';
export type { SummarizeCostInput, SummarizeCostResult } from './summarize-cost.js';
