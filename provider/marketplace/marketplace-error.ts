import { LeaseholdError } from '../../cli/diag/index.js';

/**
 * A marketplace failure (chain or provider), code `marketplace/<kind>`. The detail carries the
 * decoded contract error and context (order id, tx hash, provider), never keys or tokens.
 */
export class MarketplaceError extends LeaseholdError {
  override readonly name = 'MarketplaceError';
}
