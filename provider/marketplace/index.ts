// provider/marketplace: everything that talks to the Spheron contracts and to providers — batched
// reads, signed writes, error normalisation, the order/manifest encoders, the stack tag and the
// provider REST client. Loaded lazily (ethers). Must not import cli/ beyond cli/diag.
export { createMarketplace } from './create-marketplace.js';
export type { CreateMarketplaceOptions } from './create-marketplace.js';
export { CountingProvider } from './counting-provider.js';
export type { CountingProviderOptions } from './counting-provider.js';
export { encodeManifest } from './encode-manifest.js';
export type { EncodeManifestInput, EncodeManifestResult } from './encode-manifest.js';
export { encodeOrder, toEndpoints, toSpecResources } from './encode-order.js';
export type { EncodeOrderInput, LeaseSlot } from './encode-order.js';
export { findToken } from './find-token.js';
export { MarketplaceError } from './marketplace-error.js';
export type {
  BidInfo,
  CreatedOrder,
  EscrowBalance,
  LeaseInfo,
  LeaseStateName,
  LogsOptions,
  Marketplace,
  OrderDetails,
  OrderInfo,
  OrderEvent,
  OrderMatch,
  OrderStateName,
  ProviderClient,
  ProviderEndpoint,
  ProviderInfo,
  ProviderLeaseStatus,
  ProviderResult,
  ProviderServiceStatus,
  ProviderStatusName,
  SendOptions,
  TxResult,
  WaitForMatchOptions,
} from './marketplace-types.js';
export { multicallPageSize, multicallRead } from './multicall.js';
export { orderOfTx, ordersCreatedBy } from './order-logs.js';
export type { CreatedOrderLog, OrderLogsContext, OrderTxLookup } from './order-logs.js';
export { decodeRevert, normalizeError } from './normalize-error.js';
export type { ErrorContext } from './normalize-error.js';
export { createProviderClient, providerBaseUrl } from './provider-client.js';
export type { CreateProviderClientOptions } from './provider-client.js';
export { decodeStackTag, encodeStackTag, isTagPart } from './stack-tag.js';
export type { StackTag } from './stack-tag.js';
