import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import {
  knownCertificateKey,
  knownCertificatesFile,
  openKnownCertificates,
} from '../../../../provider/marketplace/known-certificates.js';
import { createProviderTrust } from '../../../../provider/marketplace/provider-trust.js';
import type { ProviderEndpoint } from '../../../../provider/marketplace/marketplace-types.js';

// The parts of the TLS policies that need no connection: which options a connection gets, the
// one-time insecure warning, and the file tofu remembers certificates in. The handshakes themselves
// are tested against a devnet provider (test/integration/provider/marketplace/provider-tls-policy.test.ts).
const dir = mkdtempSync(join(tmpdir(), 'lh-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const provider: ProviderEndpoint = {
  address: '0x00000000000000000000000000000000000000AA',
  hostUri: '127.0.0.1:1',
  certificate: 'REGISTERED PEM',
};
const entry = {
  fingerprint: 'AA:BB',
  pem: 'FIRST PEM',
  firstSeen: '2026-01-01T00:00:00.000Z',
  hostUri: '127.0.0.1:1',
};

describe('createProviderTrust', () => {
  it('GIVEN pin WHEN a connection is prepared THEN it trusts the registered certificate only', async () => {
    const c = await createProviderTrust({ policy: 'pin' }).connection(provider, 'https://x:1');
    expect(c).toMatchObject({
      pinned: true,
      tls: { ca: 'REGISTERED PEM', rejectUnauthorized: true },
    });
  });

  it('GIVEN insecure WHEN three connections are prepared THEN none verifies and one warning names the network', async () => {
    const lines: string[] = [];
    const trust = createProviderTrust({
      policy: 'insecure',
      warn: (l) => lines.push(l),
      networkName: 'spheron-testnet',
    });
    for (let i = 0; i < 3; i++)
      expect(await trust.connection(provider, 'https://x:1')).toEqual({
        tls: { rejectUnauthorized: false },
        pinned: false,
      });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/insecure.*spheron-testnet.*not verified/);
  });

  it('GIVEN tofu and a certificate trusted earlier WHEN a connection is prepared THEN it is pinned to that one, not the registered one', async () => {
    const file = join(dir, 'known-1.json');
    const known = openKnownCertificates(file);
    known.record(knownCertificateKey(8453, provider.address), entry);
    const trust = createProviderTrust({ policy: 'tofu', chainId: 8453, known });
    const c = await trust.connection(provider, 'https://x:1');
    expect(c).toMatchObject({ pinned: true, tls: { ca: 'FIRST PEM', rejectUnauthorized: true } });
    // A refused handshake is worded with the provider, the file and the entry to delete.
    const refused = trust.mismatch(
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      c as never,
    );
    expect(refused?.kind).toBe('certificate-mismatch');
    expect(refused?.message).toContain(provider.address);
    expect(refused?.message).toContain(
      `delete the entry "8453/${provider.address.toLowerCase()}" from ${file}`,
    );
  });
});

describe('known provider certificates', () => {
  it('GIVEN LEASEHOLD_HOME WHEN the file is located THEN it is in that home', () => {
    expect(knownCertificatesFile({ LEASEHOLD_HOME: '/h' })).toBe(
      '/h/known-provider-certificates.json',
    );
  });

  it('GIVEN an entry recorded WHEN the file is opened again THEN it is there, keyed per chain and lowercase address', () => {
    const file = join(dir, 'sub', 'known-2.json');
    expect(openKnownCertificates(file).get('1/0xaa')).toBeNull();
    openKnownCertificates(file).record('1/0xaa', entry);
    const again = openKnownCertificates(file);
    expect(again.get('1/0xaa')).toEqual(entry);
    expect(again.get('2/0xaa')).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('GIVEN two clients recording different providers WHEN both write THEN neither entry is lost', () => {
    const file = join(dir, 'known-3.json');
    const a = openKnownCertificates(file);
    const b = openKnownCertificates(file);
    a.record('1/0xaa', entry);
    b.record('1/0xbb', entry);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).providers).sort()).toEqual([
      '1/0xaa',
      '1/0xbb',
    ]);
  });

  it('GIVEN a damaged file WHEN opened THEN marketplace/known-certificates-invalid says to fix or delete it', () => {
    const file = join(dir, 'known-4.json');
    writeFileSync(file, '{"providers": {"1/0xaa": {"pem": 3}}}');
    let err: unknown;
    try {
      openKnownCertificates(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeaseholdError);
    expect(err).toMatchObject({ code: 'marketplace/known-certificates-invalid' });
    expect((err as LeaseholdError).hint).toContain(file);
  });
});
