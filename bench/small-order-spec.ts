import type { OrderSpec } from '../wire/order-spec.js';

/** A one-service order spec of 0.1 CPU, 128 MiB and 1 GiB that every devnet provider can serve. */
export function smallOrderSpec(name: string): OrderSpec {
  return {
    name,
    placement: [],
    services: [
      {
        name: 'web',
        count: 1,
        resources: {
          id: 1,
          cpuMillis: 100,
          cpuAttributes: [],
          memoryBytes: 128 * 2 ** 20,
          memoryAttributes: [],
          storage: [{ name: 'default', attributes: [], bytes: 2 ** 30 }],
          gpuUnits: 0,
          gpuAttributes: [],
          endpoints: [{ kind: 1, sequenceNumber: 0 }],
        },
      },
    ],
  };
}
