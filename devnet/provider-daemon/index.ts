// devnet/provider-daemon: one devnet provider — its HTTPS API (Auth-Spheron, manifest, status,
// logs), chain work (register, bid, accept and apply updates, close, tear down), capacity, faults.
// Pure decisions live in decide-*.ts. Must not import the CLI core beyond cli/diag, nor provider/.
export { authorizeRequest, AUTH_MAX_AGE_SECONDS } from './authorize-request.js';
export type { AuthorizeResult } from './authorize-request.js';
export { loadOrCreateCertificate } from './certificate.js';
export type { ProviderCertificate } from './certificate.js';
export { bidPricePerBlock, decideBidPrice } from './decide-bid-price.js';
export type { DecideBidPriceInput, DecideBidPriceResult } from './decide-bid-price.js';
export { addUsage, decideCanServe, gpuModels, NO_USAGE, orderDemand } from './decide-can-serve.js';
export type {
  DecideCanServeInput,
  DecideCanServeResult,
  OrderView,
  ProviderUsage,
} from './decide-can-serve.js';
export { FAULT_KINDS, FaultBoard } from './fault-board.js';
export type { ActiveFault, FaultKind } from './fault-board.js';
export { LeaseRegistry } from './lease-registry.js';
export type { LeaseRegistryOptions, TrackedLease } from './lease-registry.js';
export { manifestDemand } from './manifest-demand.js';
export type { LeaseInfo, ProviderBackend } from './provider-backend.js';
export { startProviderServer } from './provider-server.js';
export type { ProviderServer, StartProviderServerOptions } from './provider-server.js';
export { startProviderDaemon } from './start-provider-daemon.js';
export type { ProviderDaemon, StartProviderDaemonOptions } from './start-provider-daemon.js';
export { toLeaseStatus, toServiceStatus } from './to-lease-status.js';
export type {
  ContainerStatus,
  ForwardedPort,
  LeaseStatus,
  ServiceStatus,
} from './to-lease-status.js';
