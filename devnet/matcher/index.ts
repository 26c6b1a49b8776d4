// devnet/matcher: the devnet's matchmaker — watches orders, collects bids for a window, picks one
// with a pure rule and calls `Bid.matchOrder`. Imports devnet/chain for contracts; never the CLI
// core or the provider daemons (they report refusals through a callback).
export { aggregateRefusals } from './aggregate-refusals.js';
export type { AggregateRefusalsInput, Refusal } from './aggregate-refusals.js';
export { createMatcherChain } from './matcher-chain.js';
export type { CreateMatcherChainOptions, MatcherChain, MatcherOrder } from './matcher-chain.js';
export { selectBid } from './select-bid.js';
export type { CandidateBid, SelectBidOrder, SelectBidResult } from './select-bid.js';
export { startMatcher } from './start-matcher.js';
export type { Matcher, StartMatcherOptions } from './start-matcher.js';
