import { describe, expect, it } from '@jest/globals';
import { steppingClock } from '../../../support/fake-clocks.js';
import { waitReady } from '../../../../provider/apply/wait-ready.js';
import type {
  ProviderClient,
  ProviderLeaseStatus,
  ProviderResult,
} from '../../../../provider/marketplace/marketplace-types.js';

const status = (ready: number): ProviderResult<ProviderLeaseStatus> => ({
  ok: true,
  value: {
    services: { web: { name: 'web', available: ready, total: 3, readyReplicas: ready, uris: [] } },
    forwardedPorts: {},
  },
});

function scripted(replies: ProviderResult<ProviderLeaseStatus>[]): ProviderClient {
  let n = 0;
  return {
    leaseStatus: async () => replies[Math.min(n++, replies.length - 1)],
  } as unknown as ProviderClient;
}

const input = (client: ProviderClient, timeoutMs = 2000) => ({
  client,
  provider: { address: '0xp', hostUri: 'h', certificate: null },
  leaseId: 7n,
  service: 'web',
  replicas: 3,
  timeoutMs,
  pollMs: 1,
  clock: steppingClock(),
});

describe('waitReady', () => {
  it('GIVEN a 404 then replicas coming up WHEN waited THEN ready once all three run, progress reported per change', async () => {
    const seen: number[] = [];
    const res = await waitReady({
      ...input(
        scripted([
          { ok: false, kind: 'http', status: 404, body: '' },
          status(1),
          status(1),
          status(3),
        ]),
      ),
      onProgress: (r) => seen.push(r),
    });
    expect(res.kind).toBe('ready');
    expect(seen).toEqual([1, 3]);
  });

  it('GIVEN replicas that never all start WHEN the timeout passes THEN timeout with the count seen', async () => {
    const res = await waitReady(input(scripted([status(2)]), 20));
    expect(res).toEqual({ kind: 'timeout', ready: 2, lastError: null });
  });

  it('GIVEN an unreachable provider WHEN the timeout passes THEN the last error is reported', async () => {
    const res = await waitReady(
      input(scripted([{ ok: false, kind: 'unreachable', message: 'ECONNRESET' }]), 20),
    );
    expect(res).toEqual({ kind: 'timeout', ready: 0, lastError: 'ECONNRESET' });
  });
});
