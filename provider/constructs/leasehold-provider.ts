import type { BudgetSpec, DefaultsSpec, NetworkSpec } from '../spec/spec-types.js';
import { TerraformProvider } from './cdktf.js';
import type { Construct } from './cdktf.js';
import { toAttributes } from './to-attributes.js';

/** Stack-wide settings: the YAML spec's top-level fields other than `instances` and `outputs`. */
export interface LeaseholdProviderProps {
  /**
   * Stack name; the state and every on-chain order are keyed by it.
   * Lowercase letters, digits and dashes, 1–40 characters, starting with a letter.
   * @example 'web'
   */
  readonly stack: string;
  /**
   * Marketplace to deploy to: `local` (the devnet Leasehold starts for you), a named profile
   * (`spheron-testnet`, `spheron-mainnet`) or a custom network (RPC URL, chain id, address book).
   * @default 'local'
   * @example { name: 'staging', rpcUrl: 'http://127.0.0.1:8545', chainId: 31337, addressBook: 'addresses.json' }
   */
  readonly network?: NetworkSpec | undefined;
  /**
   * Spending ceiling for the whole stack: price per hour in whole tokens, escrow runway and top-up.
   * @default - no stack ceiling (each instance's `pricing.maxPerHour` still applies)
   * @example { maxPerHour: '15', token: 'USDT', escrow: { runway: '24h' } }
   */
  readonly budget?: BudgetSpec | undefined;
  /**
   * Values every instance gets unless it sets them: resources, duration, placement, pricing,
   * lifecycle.
   * @default - none
   * @example { pricing: { maxPerHour: '1', token: 'USDT' } }
   */
  readonly defaults?: DefaultsSpec | undefined;
}

/**
 * The `leasehold` provider block: which stack this is, where it runs and what it may spend.
 * Exactly one per stack.
 * @example new LeaseholdProvider(stack, 'leasehold', { stack: 'web', budget: { maxPerHour: '15', token: 'USDT' } });
 */
export class LeaseholdProvider extends TerraformProvider {
  /** The props as given; read by `synthesizeAttributes`. */
  readonly props: LeaseholdProviderProps;

  constructor(scope: Construct, id: string, props: LeaseholdProviderProps) {
    super(scope, id, { terraformResourceType: 'leasehold' });
    this.props = props;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toAttributes(this.props);
  }

  /**
   * cdktf snake-cases provider attributes; Leasehold keeps the spec's camelCase names so that the
   * synthesized file reads back with a plain mapping.
   */
  override toTerraform(): unknown {
    const base = super.toTerraform() as Record<string, unknown>;
    const block = { ...this.synthesizeAttributes(), ...(this.rawOverrides as object) };
    return { ...base, provider: { [this.terraformResourceType]: [block] } };
  }
}
