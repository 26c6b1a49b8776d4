// devnet: the local Spheron-compatible marketplace. This index is what the CLI loads, lazily
// (cli/devnet.ts), for `leasehold devnet …` and for auto-starting the devnet on the `local`
// network. It exposes the lifecycle only; ethers and the daemons load inside these calls.
export { devnetPaths, leaseholdHome } from './devnet-home.js';
export type { DevnetPaths } from './devnet-home.js';
export { ensureDevnet, startDevnet } from './ensure-devnet.js';
export type { EnsureDevnetOptions, StartDevnetResult } from './ensure-devnet.js';
export {
  DEVNET_FAULT_KINDS,
  findRunningDevnet,
  fundAddress,
  injectFault,
  readDevnetStatus,
  readUnmatchedReason,
  resetDevnet,
  stopDevnet,
} from './supervisor/index.js';
export { checkLoadOptions, renderLoadReport, runLoad } from './load/index.js';
export type { LoadReport } from './load/index.js';
export {
  renderDevnetInfo,
  renderDevnetStatus,
  toPublicDevnetInfo,
} from './supervisor/render-devnet.js';
export type { PublicDevnetInfo } from './supervisor/render-devnet.js';
export type {
  DevnetFaultKind,
  DevnetInfo,
  DevnetProviderInfo,
  DevnetStatus,
  DevnetStatusReport,
  FaultReport,
  FundAddressResult,
  ResetDevnetResult,
  StopDevnetResult,
  UnmatchedReasonReport,
} from './supervisor/index.js';
