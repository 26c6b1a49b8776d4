import { describe, expect, it } from '@jest/globals';
import { Wallet } from 'ethers';
import {
  AUTH_MAX_AGE_SECONDS,
  authorizeRequest,
} from '../../../../devnet/provider-daemon/authorize-request.js';
import type { ProviderBackend } from '../../../../devnet/provider-daemon/provider-backend.js';
import { FaultBoard } from '../../../../devnet/provider-daemon/fault-board.js';
import { createAuthToken } from '../../../../wire/auth-token.js';

const tenant = Wallet.createRandom();
const T0 = 1_700_000_000;

/** A backend with one lease of `tenant` and a clock the test sets. */
function backend(clock: { now: number }): ProviderBackend {
  return {
    address: '0x0000000000000000000000000000000000000001',
    faults: new FaultBoard(),
    nowSeconds: () => clock.now,
    lookupLease: (id) =>
      Promise.resolve(id === 7n ? { leaseId: 7n, tenant: tenant.address, active: true } : null),
    putManifest: () => Promise.resolve([]),
    workload: () => undefined,
    inventory: () => ({}),
  };
}

describe('authorizeRequest', () => {
  it('GIVEN one token reused WHEN it is within the freshness window THEN every request passes, and once stale it is refused although it verified before', async () => {
    const clock = { now: T0 };
    const b = backend(clock);
    const token = await createAuthToken(tenant, T0);
    expect(await authorizeRequest(b, token, 7n)).toMatchObject({ ok: true });
    clock.now = T0 + AUTH_MAX_AGE_SECONDS;
    expect(await authorizeRequest(b, token, 7n)).toMatchObject({ ok: true });
    clock.now = T0 + AUTH_MAX_AGE_SECONDS + 1;
    expect(await authorizeRequest(b, token, 7n)).toMatchObject({ ok: false, status: 403 });
    clock.now = T0 - AUTH_MAX_AGE_SECONDS - 1;
    expect(await authorizeRequest(b, token, 7n)).toMatchObject({ ok: false, status: 403 });
  });

  it('GIVEN a verified token of another wallet WHEN reused for this tenant lease THEN 403 each time', async () => {
    const clock = { now: T0 };
    const b = backend(clock);
    const other = await createAuthToken(Wallet.createRandom(), T0);
    for (let i = 0; i < 2; i++) {
      expect(await authorizeRequest(b, other, 7n)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('GIVEN a tampered copy of a verified token WHEN sent THEN it is verified on its own and refused', async () => {
    const clock = { now: T0 };
    const b = backend(clock);
    const token = await createAuthToken(tenant, T0);
    expect(await authorizeRequest(b, token, 7n)).toMatchObject({ ok: true });
    const body = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...body, timestamp: T0 + 5 })).toString('base64');
    expect(await authorizeRequest(b, forged, 7n)).toMatchObject({ ok: false, status: 403 });
  });
});
