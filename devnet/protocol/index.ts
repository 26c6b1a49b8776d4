// devnet/protocol: the wire formats shared by tenants and devnet providers — the compressed order
// spec, the Akash v2beta2 manifest, the Auth-Spheron token and the per-hour ↔ per-block price
// arithmetic. Pure codecs: no I/O, no chain, and nothing from the provider daemon or the workload
// stand-ins.
export { fromCompactText, isCompactScalar, toCompactText } from './compact-text.js';
export type { CompactValue } from './compact-text.js';
export { decodeOrderSpec, encodeOrderSpec, placementValues } from './order-spec.js';
export type {
  OrderSpec,
  SpecAttribute,
  SpecEndpoint,
  SpecResources,
  SpecService,
  SpecStorage,
} from './order-spec.js';
export { envKeys, envValue, parseManifest } from './manifest.js';
export type {
  Manifest,
  ManifestExpose,
  ManifestGroup,
  ManifestQuantity,
  ManifestResources,
  ManifestService,
  ParseManifestResult,
} from './manifest.js';
export { checkManifestAgainstOrder } from './check-manifest-against-order.js';
export { authMessage, createAuthToken, verifyAuthToken } from './auth-token.js';
export type {
  AuthTokenRejected,
  AuthTokenValid,
  MessageSigner,
  VerifyAuthTokenResult,
} from './auth-token.js';
export {
  askPricePerBlock,
  blockMs,
  blocksForDuration,
  costOfBlocks,
  hoursOfBlocks,
  maxPricePerBlock,
  orderTerms,
  perHourOfPrice,
  PRICE_SCALE,
  unspentLock,
} from './block-pricing.js';
export type {
  AskPricePerBlockInput,
  CostOfBlocksInput,
  MaxPricePerBlockInput,
  OrderTerms,
  OrderTermsInput,
  PerHourOfPriceInput,
  UnspentLockInput,
} from './block-pricing.js';
