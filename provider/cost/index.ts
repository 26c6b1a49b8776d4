// provider/cost: what a plan costs — per-slot cost, runway and the stack budget check, in base
// units. Pure bigint arithmetic; the per-hour ↔ per-block conversions come from
// devnet/protocol/block-pricing.ts (their one home). Must not import provider/marketplace or ethers.
export { findToken } from './find-token.js';
export { runwayHours } from './price-math.js';
export { slotChangeCost } from './slot-change-cost.js';
export type { SlotChangeCostInput, SlotOrderTerms } from './slot-change-cost.js';
export { summarizeCost } from './summarize-cost.js';
export type { SummarizeCostInput, SummarizeCostResult } from './summarize-cost.js';
