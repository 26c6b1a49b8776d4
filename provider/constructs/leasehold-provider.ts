import type { StackSpec } from '../spec/spec-types.js';
import { TerraformProvider } from './cdktf.js';
import type { Construct } from './cdktf.js';
import { toAttributes } from './to-attributes.js';

/**
 * Stack-wide settings: the YAML spec's top-level fields other than `instances` and `outputs`,
 * documented in provider/spec/spec-types.ts.
 */
export type LeaseholdProviderProps = Pick<StackSpec, 'stack' | 'network' | 'budget' | 'defaults'>;

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
