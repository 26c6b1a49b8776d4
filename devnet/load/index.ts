// devnet/load: `leasehold devnet load` — a bounded, loopback-only load generator for demos and
// autoscaling tests: the pure scheduler and report, target selection from the stack's state, and
// the runner (node:http only). Must not import ethers, the marketplace or the daemons.
export {
  checkLoadOptions,
  isLoopbackEndpoint,
  MAX_LOAD_CONCURRENCY,
  MAX_LOAD_DURATION_MS,
  MAX_LOAD_REQUESTS,
  MAX_LOAD_RPS,
} from './check-load-options.js';
export type { LoadBounds } from './check-load-options.js';
export { loadTotal, nextLoadStep } from './next-load-step.js';
export type { NextLoadStepInput, NextLoadStepResult } from './next-load-step.js';
export { renderLoadReport } from './render-load-report.js';
export { runLoad } from './run-load.js';
export type { RunLoadOptions } from './run-load.js';
export { percentile, summarizeLoad } from './summarize-load.js';
export type {
  EndpointLoad,
  LatencySummary,
  LoadOutcome,
  LoadReport,
  SummarizeLoadInput,
} from './summarize-load.js';
