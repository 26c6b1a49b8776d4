import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ErrorFragment, Interface } from 'ethers';
import type { JsonFragment, ParamType } from 'ethers';
import { marketplaceInterfaces } from '../../../../wire/contract-interfaces.js';
import { SPHERON_ABI_ERRORS } from '../../../../wire/spheron-abi-errors.js';
import { MarketplaceError } from '../../../../provider/marketplace/marketplace-error.js';
import { decodeRevert, normalizeError } from '../../../../provider/marketplace/normalize-error.js';
import { REVERT_CATALOGUE } from '../../../../provider/marketplace/revert-catalogue.js';

// Every custom error of Spheron's deployed contracts decodes to a typed error with a code and a
// hint. The fixture is a copy of the `error` entries of the SDK's ABI files
// (spheron-core/protocol-sdk@614b87a7, nodejs/src/contracts/abis/{mainnet,testnet}/*.json), so this
// test does not need the SDK: each entry is encoded as a contract would revert it, then decoded by
// Leasehold's own interfaces (wire/contract-interfaces.ts) and normalised.
const fixtures = resolve(
  dirname(new URL(import.meta.url).pathname),
  '../../../fixtures/spheron-abi-errors',
);

interface FixtureError {
  readonly network: string;
  readonly contract: string;
  readonly fragment: ErrorFragment;
}

const fixtureErrors: FixtureError[] = ['mainnet', 'testnet'].flatMap((network) =>
  readdirSync(join(fixtures, network))
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) => {
      const entries = JSON.parse(
        readFileSync(join(fixtures, network, file), 'utf8'),
      ) as JsonFragment[];
      return entries.map((e) => ({
        network,
        contract: file.replace(/\.json$/, ''),
        fragment: ErrorFragment.from(e),
      }));
    }),
);

/** A value of an ABI type, as a contract would put in the revert. */
function sample(p: ParamType): unknown {
  if (p.baseType === 'address') return '0x00000000000000000000000000000000000000ab';
  if (p.baseType === 'bool') return true;
  if (p.baseType === 'string') return 'a string argument';
  if (p.baseType === 'bytes') return '0x1234';
  if (/^bytes\d+$/.test(p.baseType)) return `0x${'11'.repeat(Number(p.baseType.slice(5)))}`;
  if (/^u?int\d*$/.test(p.baseType)) return 7n;
  throw new Error(`no sample for ${p.type}`);
}

/** The revert data as the contract returns it, wrapped as ethers reports a reverted call. */
function reverted(fragment: ErrorFragment): { code: string; shortMessage: string; data: string } {
  const data = new Interface([fragment]).encodeErrorResult(fragment, fragment.inputs.map(sample));
  return { code: 'CALL_EXCEPTION', shortMessage: 'execution reverted', data };
}

describe('revert catalogue: Spheron mainnet and testnet ABIs', () => {
  it('GIVEN the fixture THEN it holds every contract the SDK ships with errors, on both networks', () => {
    const contracts = new Set(fixtureErrors.map((e) => `${e.network}/${e.contract}`));
    for (const c of ['OrderRequest', 'Bid', 'ComputeLease', 'EscrowUser', 'EscrowProtocol']) {
      expect(contracts).toContain(`mainnet/${c}`);
      expect(contracts).toContain(`testnet/${c}`);
    }
    for (const c of ['TokenRegistry', 'ProviderRegistry', 'FizzRegistry', 'uSPon'])
      expect(contracts).toContain(`mainnet/${c}`);
    expect(fixtureErrors.length).toBeGreaterThan(300);
  });

  it('GIVEN wire/spheron-abi-errors.ts THEN it is exactly the set of error signatures in the ABI files', () => {
    const inFixture = new Set(fixtureErrors.map((e) => e.fragment.format('sighash')));
    const inWire = new Set(
      SPHERON_ABI_ERRORS.map(([f]) => ErrorFragment.from(f).format('sighash')),
    );
    expect([...inWire].sort()).toEqual([...inFixture].sort());
  });

  it.each(
    fixtureErrors.map((e) => [`${e.network}/${e.contract}`, e.fragment.format('sighash'), e]),
  )(
    'GIVEN %s reverting %s WHEN normalised THEN a MarketplaceError with a code and a hint',
    (_where, signature, e) => {
      const { fragment } = e as FixtureError;
      const err = reverted(fragment);
      // The exact overload is decoded: InsufficientBalance() is not taken for the 2-argument one.
      expect(decodeRevert(err)?.signature).toBe(signature);
      const m = normalizeError(err, { action: 'createOrder', orderId: 9n });
      expect(m).toBeInstanceOf(MarketplaceError);
      expect(m.code).toMatch(/^marketplace\/[a-z0-9]+(-[a-z0-9]+)*$/);
      // A known error never falls back to the generic codes.
      expect(['marketplace/contract-error', 'marketplace/reverted']).not.toContain(m.code);
      expect(m.code).toBe(REVERT_CATALOGUE[fragment.name]?.code);
      expect(m.hint?.trim().length ?? 0).toBeGreaterThan(20);
      expect(m.summary.trim()).not.toBe('');
      expect(m.detail).toContain(`createOrder, order 9: the contract reverted ${fragment.name}`);
    },
  );
});

describe('revert catalogue: the devnet contracts and overloads', () => {
  it('GIVEN every error the devnet or mainnet declares WHEN looked up THEN each name has an entry', () => {
    const names = marketplaceInterfaces()
      .errors.fragments.filter((f): f is ErrorFragment => f.type === 'error')
      .map((f) => f.name);
    expect(names.filter((n) => !Object.hasOwn(REVERT_CATALOGUE, n))).toEqual([]);
  });

  it('GIVEN the decoding interface THEN both InsufficientBalance overloads are in it', () => {
    const sigs = marketplaceInterfaces()
      .errors.fragments.filter((f): f is ErrorFragment => f.type === 'error')
      .map((f) => f.format('sighash'));
    expect(sigs).toEqual(
      expect.arrayContaining(['InsufficientBalance()', 'InsufficientBalance(uint256,uint256)']),
    );
  });

  it("GIVEN mainnet OrderRequest's argument-less InsufficientBalance() WHEN normalised THEN insufficient-balance says what to do", () => {
    const data = marketplaceInterfaces().errors.encodeErrorResult('InsufficientBalance()', []);
    const e = normalizeError({ code: 'CALL_EXCEPTION', data }, { action: 'createOrder' });
    expect(e).toMatchObject({
      code: 'marketplace/insufficient-balance',
      detail:
        "createOrder: the contract reverted InsufficientBalance() — the escrow's unlocked balance does not cover the order's price for its duration.",
    });
    expect(e.hint).toContain('leasehold escrow deposit');
  });

  it('GIVEN an error name no ABI declares WHEN its data is normalised THEN it stays marketplace/reverted', () => {
    const data = new Interface(['error SomethingElse(uint256)']).encodeErrorResult(
      'SomethingElse',
      [1n],
    );
    expect(normalizeError({ code: 'CALL_EXCEPTION', data }, { action: 'deposit' }).code).toBe(
      'marketplace/reverted',
    );
  });
});
