import { describe, expect, it } from '@jest/globals';
import { CONTRACT_NAMES, loadArtifact } from '../../../../wire/artifacts.js';
import { BOOK_CONTRACTS } from '../../../../wire/address-book.js';
import { DEVNET_TOKENS, planDeployment } from '../../../../devnet/chain/deploy-plan.js';
import { packageRoot } from '../../../../common/package-root.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const at = (key: string): string => `@${key}`;

describe('planDeployment', () => {
  const plan = planDeployment({ at, admin: '0xadmin', matcher: '0xmatcher' });

  it('GIVEN the plan WHEN keys are read THEN they are unique and cover the book and the tokens', () => {
    const keys = plan.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of [...BOOK_CONTRACTS, ...DEVNET_TOKENS.map((t) => t.symbol)])
      expect(keys).toContain(k);
  });

  it('GIVEN the access manager WHEN its args are read THEN OrderRequest, ComputeLease and Bid get the protocol role and the matcher its role', () => {
    const acm = plan.find((p) => p.key === 'AccessControlManager');
    expect(acm?.args).toEqual(['0xadmin', ['@OrderRequest', '@ComputeLease', '@Bid'], '0xmatcher']);
    expect(plan[0]?.key).toBe('AccessControlManager');
  });

  it('GIVEN Bid WHEN its constructor args are read THEN they follow the reference order (registry, fizz, order, lease, access)', () => {
    const bid = plan.find((p) => p.key === 'Bid');
    expect(bid?.args).toEqual([
      '@ProviderRegistry',
      '0x0000000000000000000000000000000000000000',
      '@OrderRequest',
      '@ComputeLease',
      '@AccessControlManager',
    ]);
  });

  it('GIVEN every contract WHEN its artifact is loaded THEN it has an ABI and creation code', () => {
    for (const name of CONTRACT_NAMES) {
      const a = loadArtifact(name);
      expect(Array.isArray(a.abi)).toBe(true);
      expect(a.bytecode.length).toBeGreaterThan(100);
    }
  });
});

describe('packageRoot', () => {
  it('GIVEN the source tree WHEN resolved THEN it holds the package.json named leasehold', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(pkg.name).toBe('leasehold');
  });
});
