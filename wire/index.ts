// wire/: the one home of what both sides of the wire share, used by the client (provider/) and the
// devnet alike: the compressed order spec, the Akash-style manifest, the Auth-Spheron token, the
// per-hour ↔ per-block price arithmetic, lease status shapes, the address book, the devnet's public
// accounts, and the contract ABIs (artifacts.ts, contract-interfaces.ts; import those directly: they
// load ethers). wire/ imports only common/, node built-ins and ethers.
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
