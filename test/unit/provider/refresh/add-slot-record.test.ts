import { describe, expect, it } from '@jest/globals';
import { emptyState } from '../../../../cli/state/empty-state.js';
import { validateStateSchema } from '../../../../cli/state/validate-state-schema.js';
import { addSlotRecord } from '../../../../provider/refresh/add-slot-record.js';
import { lease } from '../resources/resource-fixtures.js';

const base = emptyState({ stack: 'shop', network: { name: 'local', chainId: 31337 } });
const planned = lease('0', {
  status: 'planned',
  orderId: '7',
  leaseId: null,
  provider: null,
  host: null,
  region: null,
  acceptedPrice: null,
  manifestHash: null,
  startBlock: null,
  endpoints: [],
});

describe('addSlotRecord', () => {
  it('GIVEN a state without the resource WHEN a resolved journal entry adds its record THEN the state is still schema-valid (a crash before the first record must not make it unwritable)', () => {
    const next = addSlotRecord(base, 'instance.web', planned);
    expect(next.resources.map((r) => [r.address, r.attributes, r.leases.length])).toEqual([
      ['instance.web', null, 1],
    ]);
    expect(validateStateSchema(next)).toBeNull();
  });

  it('GIVEN a resource already holding a record WHEN another is added THEN it goes after, the resource keeps its hash', () => {
    const first = addSlotRecord(base, 'instance.web', lease('0'));
    const withHash = {
      ...first,
      resources: first.resources.map((r) => ({ ...r, modelHash: 'sha256:abc' })),
    };
    const next = addSlotRecord(withHash, 'instance.web', planned);
    expect(next.resources[0]?.modelHash).toBe('sha256:abc');
    expect(next.resources[0]?.leases.map((l) => l.orderId)).toEqual([lease('0').orderId, '7']);
  });
});
