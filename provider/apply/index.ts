// provider/apply: the provider side of apply — one slot's orders, matches, manifests, readiness
// and closes (applySlot), the escrow check before any order (ensureEscrow), the no-match
// explanation, and the day-two reads (status, logs). Loaded lazily with the session (ethers).
// Must not import cli/ beyond cli/diag and the types of cli/provider-api and cli/state.
export { applySlot } from './apply-slot.js';
export { decideEscrowTopUp } from './decide-escrow-top-up.js';
export type { DecideEscrowTopUpInput, DecideEscrowTopUpResult } from './decide-escrow-top-up.js';
export { ensureEscrow, lockPerToken } from './ensure-escrow.js';
export type { EnsureEscrowInput } from './ensure-escrow.js';
export { explainNoMatch } from './explain-no-match.js';
export type {
  ExplainNoMatchInput,
  ExplainNoMatchResult,
  NoMatchOrder,
  NoMatchProvider,
} from './explain-no-match.js';
export { gpuModelsOf, providerGpuModels } from './provider-gpu-models.js';
export { readStackStatus } from './read-stack-status.js';
export { sendManifestWithRetry } from './send-manifest-with-retry.js';
export type { SendManifestResult, SendManifestWithRetryInput } from './send-manifest-with-retry.js';
export type { ApplyDeps, SlotSpec, StepResult } from './slot-context.js';
export { splitLine, streamStackLogs } from './stream-stack-logs.js';
export { waitReady } from './wait-ready.js';
export type { WaitReadyInput, WaitReadyResult } from './wait-ready.js';
