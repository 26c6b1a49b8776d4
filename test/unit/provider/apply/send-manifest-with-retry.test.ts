import { describe, expect, it } from '@jest/globals';
import { steppingClock } from '../../../support/fake-clocks.js';
import { sendManifestWithRetry } from '../../../../provider/apply/send-manifest-with-retry.js';
import type {
  ProviderClient,
  ProviderResult,
} from '../../../../provider/marketplace/marketplace-types.js';

type Reply = ProviderResult<{ status: number; body: string }>;

/** A provider client whose sendManifest answers from a script, counting calls. */
function scripted(replies: Reply[]): { client: ProviderClient; calls: () => number } {
  let n = 0;
  const client = {
    sendManifest: async () => replies[Math.min(n++, replies.length - 1)] as Reply,
  } as unknown as ProviderClient;
  return { client, calls: () => n };
}

const endpoint = { address: '0xp', hostUri: '127.0.0.1:1', certificate: null };
const http = (status: number, body = ''): Reply => ({ ok: true, value: { status, body } });
const run = (client: ProviderClient, timeoutMs = 2000) =>
  sendManifestWithRetry({
    client,
    provider: endpoint,
    leaseId: 7n,
    manifest: [],
    timeoutMs,
    initialDelayMs: 1,
    clock: steppingClock(),
  });

describe('sendManifestWithRetry', () => {
  it('GIVEN 404 then 500 then 200 WHEN sent THEN it retries and succeeds on the third attempt', async () => {
    const s = scripted([http(404, 'no lease'), http(500), http(200)]);
    expect(await run(s.client)).toEqual({ kind: 'sent', attempts: 3 });
  });

  it('GIVEN an unreachable provider WHEN sent THEN it retries until it answers', async () => {
    const s = scripted([{ ok: false, kind: 'unreachable', message: 'ECONNREFUSED' }, http(200)]);
    expect(await run(s.client)).toEqual({ kind: 'sent', attempts: 2 });
  });

  it('GIVEN a 422 WHEN sent THEN it is not retried and the reason is kept', async () => {
    const s = scripted([http(422, 'service api not in order\n'), http(200)]);
    expect(await run(s.client)).toEqual({
      kind: 'rejected',
      status: 422,
      reason: 'service api not in order',
    });
    expect(s.calls()).toBe(1);
  });

  it('GIVEN a provider that never answers WHEN the timeout passes THEN it gives up with the last error', async () => {
    const s = scripted([{ ok: false, kind: 'unreachable', message: 'ECONNREFUSED' }]);
    const res = await run(s.client, 30);
    expect(res).toMatchObject({ kind: 'gave-up', lastError: 'ECONNREFUSED' });
    expect(s.calls()).toBeGreaterThan(1);
  });
});
