/**
 * The contract between the core (cli/) and the provider (provider/), types only — Terraform's
 * `providers` package. The core sees the model generically (addresses, hashes, opaque attributes);
 * only the provider knows what an instance is.
 *
 * Each concern has its own file under provider-api/; this module re-exports them so importers keep
 * one name for the contract.
 */
export type * from './provider-api/stack.js';
export type * from './provider-api/session.js';
export type * from './provider-api/wallet.js';
export type * from './provider-api/status.js';
export type * from './provider-api/apply.js';
export type * from './provider-api/autoscale.js';
export type * from './provider-api/provider.js';
