import { errorDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import type { PlacementModel } from '../../spec/model-types.js';

/** Options of {@link checkSlots}. */
export interface CheckSlotsInput {
  readonly address: string;
  readonly placement: Pick<PlacementModel, 'spread' | 'regions'>;
  /** Slots the plan wants. */
  readonly slots: number;
  /** Providers that could serve the instance; undefined when unknown (no check). */
  readonly eligibleProviders?: number | undefined;
}

/**
 * Slot-mapping errors: spread over regions with no region listed, and spread over
 * providers with more slots than eligible providers (each slot must land on a different one).
 */
export function checkSlots(input: CheckSlotsInput): Diagnostic[] {
  const name = input.address.replace(/^instance\./, '');
  if (input.placement.spread === 'region' && input.placement.regions.length === 0) {
    return [
      errorDiag({
        code: 'plan/spread-region-without-regions',
        summary: 'Spread over regions names no region',
        detail: `Instance \`${name}\` has placement.spread "region", which needs one slot per region, but placement.regions is empty.`,
        hint: 'List the regions in placement.regions, or set placement.spread to "none".',
        path: `instances.${name}.placement.regions`,
        address: input.address,
      }),
    ];
  }
  const eligible = input.eligibleProviders;
  if (input.placement.spread === 'provider' && eligible !== undefined && input.slots > eligible) {
    return [
      errorDiag({
        code: 'plan/too-few-providers',
        summary: 'Fewer eligible providers than replicas to spread',
        detail: `Instance \`${name}\` spreads ${input.slots} replicas over providers, one each, but only ${eligible} provider(s) can serve it.`,
        hint: 'Lower count, relax placement (regions, tiers, providers), or set placement.spread to "none".',
        path: `instances.${name}.placement.spread`,
        address: input.address,
      }),
    ];
  }
  return [];
}
