import { describe, expect, it } from '@jest/globals';
import { Interface } from 'ethers';
import { loadArtifact } from '../../../../wire/artifacts.js';
import type { ContractName } from '../../../../wire/artifacts.js';

// Values copied from reference/spheron-protocol.md §9 (mainnet/v2): a client built on our ABI must
// produce the same selectors and match the same logs as one built on Spheron's.
const abi = (name: ContractName): Interface => new Interface(loadArtifact(name).abi);

describe('devnet ABI parity with Spheron mainnet (reference §9)', () => {
  const bid = abi('Bid');
  const order = abi('OrderRequest');
  const lease = abi('ComputeLease');
  const escrow = abi('EscrowUser');

  it.each([
    ['Bid', 'OrderMatched', '0xddfcde2ae08a841bf57cf56c10e52a4f8182ccfa5859f20a5dd8ef26abc94ca4'],
    ['Bid', 'LeaseUpdated', '0x480bc44ffec4fc451b0b86af1548b1a95cbbe6ebdc5f401cfc82cb6b625a497a'],
    [
      'Bid',
      'UpdateRequestAccepted',
      '0x9e458d847c5e9a43c5634438d80192846986ee7c58dc75a2651eab15cd272260',
    ],
    [
      'ComputeLease',
      'LeaseClosed',
      '0xbaca767d2b3fece79baf53cd48fae773ffcee43b36bb830add11531237d87d75',
    ],
    [
      'OrderRequest',
      'OrderCreated',
      '0xbf0becce6edeae4f448544a778fc7f178eeac2b2cefaef1b707c05bffa5d43d2',
    ],
  ] as const)('GIVEN %s WHEN event %s is hashed THEN topic0 is %s', (contract, event, topic) => {
    expect(abi(contract).getEvent(event)?.topicHash).toBe(topic);
  });

  it.each([
    ['OrderRequest', 'createOrder', '0xd33d43ab'],
    ['OrderRequest', 'updateInitialOrder', '0xa8b943b2'],
    ['ComputeLease', 'closeLease', '0x0d653369'],
    ['EscrowUser', 'deposit', '0x47e7ef24'],
    ['EscrowUser', 'getUserData', '0x5adb21c9'],
  ] as const)('GIVEN %s WHEN %s is encoded THEN its selector is %s', (contract, fn, selector) => {
    expect(abi(contract).getFunction(fn)?.selector).toBe(selector);
  });

  it('GIVEN the v2 escrow WHEN withdraw is read THEN it takes (address,uint256,address)', () => {
    expect(escrow.getFunction('withdraw')?.format('sighash')).toBe(
      'withdraw(address,uint256,address)',
    );
  });

  it('GIVEN the Bid contract WHEN its events are read THEN none has an indexed input', () => {
    const indexed: string[] = [];
    bid.forEachEvent((ev) => {
      if (ev.inputs.some((p) => p.indexed === true)) indexed.push(ev.name);
    });
    expect(indexed).toEqual([]);
    expect(bid.fragments.filter((f) => f.type === 'event').length).toBe(4);
  });

  it('GIVEN ComputeLease.LeaseUpdated WHEN read THEN lease, provider and tenant are indexed (§1.4)', () => {
    const ev = lease.getEvent('LeaseUpdated');
    expect(ev?.format('sighash')).toBe(
      'LeaseUpdated(uint256,address,address,uint256,uint32,uint32)',
    );
    expect(ev?.inputs.map((p) => p.indexed)).toEqual([true, true, true, false, false, false]);
  });

  it.each([
    [
      'OrderRequest',
      'getOrderById',
      'function getOrderById(uint64 _orderId) view returns ((uint64 id, uint256 maxPrice, uint64 numOfBlocks, address token, address creator, uint8 state, (string specs, uint16 version, uint8 mode, uint8[] tier) specs))',
    ],
    [
      'EscrowUser',
      'getUserData',
      'function getUserData(address _user, address _token, bool _isOperator) view returns ((uint128 lockedBalance, uint128 unlockedBalance))',
    ],
    [
      'ComputeLease',
      'leases',
      'function leases(uint256) view returns (uint256 leaseId, uint256 fizzId, uint64 requestId, uint256 acceptedPrice, address providerAddress, address tenantAddress, uint32 startBlock, uint32 startTime, uint32 endTime, uint8 state)',
    ],
    [
      'ProviderRegistry',
      'getProviderByAddress',
      'function getProviderByAddress(address _walletAddress) view returns (string spec, string hostUri, string certificate, address[] paymentsAccepted, uint8 status, uint8 tier, uint256 joinTimestamp, address rewardWallet)',
    ],
    [
      'Bid',
      'getAllBidsForOrder',
      'function getAllBidsForOrder(uint64 _orderId) view returns ((uint256 requestId, address provider, uint256 bidPrice, uint256 fizzId, uint256 timestamp, uint8 state)[])',
    ],
    [
      'ComputeLease',
      'getTenantLeases',
      'function getTenantLeases(address _tenant) view returns (uint256[], uint256[])',
    ],
  ] as const)(
    'GIVEN %s WHEN %s is formatted THEN inputs and the return tuple match §1.4',
    (c, fn, full) => {
      expect(abi(c).getFunction(fn)?.format('full')).toBe(full);
    },
  );

  it('GIVEN the v2 OrderMatched WHEN its inputs are read THEN fizzId sits after providerAddress', () => {
    expect(bid.getEvent('OrderMatched')?.format('full')).toBe(
      'event OrderMatched(uint64 orderId, address providerAddress, uint256 fizzId, uint256 providerId, uint256 acceptedPrice, address creator)',
    );
  });

  it('GIVEN the order structs WHEN createOrder is read THEN version is uint16 and tier uint8[]', () => {
    expect(order.getFunction('createOrder')?.format('sighash')).toBe(
      'createOrder((uint256,uint64,address,string,uint16,uint8,uint8[]))',
    );
  });
});
