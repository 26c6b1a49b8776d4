// The only core file that loads devnet/, and lazily, so `leasehold --help` never pays for it.
/** Loads the devnet lifecycle API on first use. */
export const loadDevnet = () => import('../devnet/index.js');
