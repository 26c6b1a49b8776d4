// Diagnostics live in common/diag so that devnet/ and wire/ can use them without importing the core;
// the core and the provider keep importing them from here.
export * from '../../common/diag/index.js';
