import { isRecord } from '../../../common/index.js';
import type { InstanceModel } from '../../spec/model-types.js';

/**
 * An instance's attributes as state holds them: complete after an apply, partial after an import
 * (only what the chain tells: resources, placement mode and tiers, token). A missing field means
 * unknown, never "changed".
 */
export type PriorInstance = {
  readonly [K in keyof InstanceModel]?:
    | (InstanceModel[K] extends readonly unknown[] | string | number | boolean | null
        ? InstanceModel[K]
        : Partial<InstanceModel[K]>)
    | undefined;
};

/** State attributes read as a (possibly partial) instance; null when there are none. */
export function toPriorInstance(attributes: unknown): PriorInstance | null {
  return isRecord(attributes) ? (attributes as PriorInstance) : null;
}
