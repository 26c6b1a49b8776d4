// devnet/supervisor: the one background process that runs a devnet (anvil, contracts, matcher,
// provider daemons, control API), its state file devnet.json, and the client side of its control
// API used by `leasehold devnet …`. Must not import the CLI core beyond cli/diag.
export type {
  ControlHandlers,
  ControlServer,
  StartControlServerOptions,
} from './control-server.js';
export { startControlServer } from './control-server.js';
export { controlRequest } from './control-client.js';
export type { ControlEndpoint, ControlRequestOptions } from './control-client.js';
export type {
  DevnetStatusReport,
  FaultReport,
  ProviderStatusReport,
  UnmatchedReasonReport,
} from './control-handlers.js';
export { DEV_WALLET_NOTE, isProcessAlive, readDevnetInfo, writeDevnetInfo } from './devnet-info.js';
export type { DevnetInfo, DevnetProviderInfo } from './devnet-info.js';
export { findRunningDevnet } from './find-running-devnet.js';
export { fundAddress } from './fund-address.js';
export type { FundAddressOptions, FundAddressResult } from './fund-address.js';
export { injectFault, readUnmatchedReason } from './inject-fault.js';
export type { InjectFaultOptions } from './inject-fault.js';
export { launchSupervisor, supervisorEntry } from './launch-supervisor.js';
export { DEVNET_FAULT_KINDS, parseFault } from './parse-fault.js';
export type { DevnetFaultKind, ParsedFault, ParseFaultInput } from './parse-fault.js';
export { readDevnetStatus } from './read-devnet-status.js';
export type { DevnetStatus } from './read-devnet-status.js';
export { runSupervisor } from './run-supervisor.js';
export type { RunningSupervisor, SupervisorOptions } from './run-supervisor.js';
export { resetDevnet, stopDevnet } from './stop-devnet.js';
export type { ResetDevnetResult, StopDevnetOptions, StopDevnetResult } from './stop-devnet.js';
export { parseSupervisorArgs, toSupervisorArgv } from './supervisor-args.js';
export type { SupervisorArgs } from './supervisor-args.js';
export { withDevnetLock } from './devnet-lock.js';
