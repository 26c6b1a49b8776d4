import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { loadOrCreateCertificate } from '../../../../devnet/provider-daemon/certificate.js';
import { createProviderClient } from '../../../../provider/marketplace/provider-client.js';
import type { ProviderEndpoint } from '../../../../provider/marketplace/marketplace-types.js';

/**
 * A real loopback HTTPS provider that counts TLS connections and the tokens it saw. With
 * `dropSecond`, it destroys a connection on its second request, as a provider that closes an
 * idle keep-alive connection just as the client reuses it.
 */
let server: Server;
let endpoint: ProviderEndpoint;
let dir: string;
const seen = { connections: 0, tokens: [] as string[], dropSecond: false };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lh-pc-'));
  const { cert, key } = await loadOrCreateCertificate(dir, '127.0.0.1');
  server = createServer({ cert, key }, (req, res) => {
    seen.tokens.push(String(req.headers['auth-spheron']));
    const sock = req.socket as Socket & { served?: number };
    sock.served = (sock.served ?? 0) + 1;
    if (seen.dropSecond && sock.served === 2) {
      sock.destroy();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(req.method === 'PUT' ? '' : '{"services":{}}');
  });
  server.on('secureConnection', () => (seen.connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  endpoint = {
    address: '0x00000000000000000000000000000000000000aa',
    hostUri: `127.0.0.1:${port}`,
    certificate: cert,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const reset = (dropSecond = false): void => {
  seen.connections = 0;
  seen.tokens = [];
  seen.dropSecond = dropSecond;
  server.closeAllConnections();
};

describe('createProviderClient', () => {
  const client = createProviderClient({ signer: Wallet.createRandom(), now: () => new Date() });

  it('GIVEN 20 sequential status reads over 2 s WHEN sent THEN one pinned TLS connection and one token serve them all', async () => {
    reset();
    let t = Date.now();
    const client = createProviderClient({
      signer: Wallet.createRandom(),
      now: () => new Date((t += 100)),
    });
    for (let i = 0; i < 20; i++) {
      const r = await client.leaseStatus(endpoint, BigInt(i + 1));
      expect(r.ok).toBe(true);
    }
    expect(seen.connections).toBe(1);
    expect(new Set(seen.tokens).size).toBe(1);
  });

  it('GIVEN the provider drops a reused connection WHEN a status is read THEN it is read again on a new connection', async () => {
    reset(true);
    expect((await client.leaseStatus(endpoint, 1n)).ok).toBe(true);
    expect((await client.leaseStatus(endpoint, 2n)).ok).toBe(true);
    expect(seen.connections).toBe(2);
  });

  it('GIVEN manifests WHEN sent THEN each has a token minted for it and a connection of its own', async () => {
    reset();
    // A token signs whole seconds: a clock that ticks a second per read tells fresh from reused.
    let t = Date.now();
    const client = createProviderClient({
      signer: Wallet.createRandom(),
      now: () => new Date((t += 1000)),
    });
    await client.leaseStatus(endpoint, 1n);
    for (let i = 0; i < 2; i++) {
      const r = await client.sendManifest(endpoint, 1n, []);
      expect(r).toMatchObject({ ok: true, value: { status: 200 } });
    }
    expect(seen.connections).toBe(3);
    expect(new Set(seen.tokens.slice(1)).size).toBe(2);
    expect(seen.tokens.slice(1)).not.toContain(seen.tokens[0]);
  });
});
