// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager, IEscrowUser, IERC20Min, IOrderRequestHooks, Pricing, Roles} from "./Interfaces.sol";

/// Leases and their settlement. Lease id = order id. State: 0 active, 1 terminated. A lease pays for
/// `numOfBlocks` blocks locked at match; it expires once block.number >= startBlock + numOfBlocks, and
/// closeLease (tenant or provider) settles it: the provider gets the elapsed blocks (capped at
/// numOfBlocks), the tenant gets the rest unlocked, to the base unit.
contract ComputeLease {
    struct Lease {
        uint256 leaseId;
        uint256 fizzId;
        uint64 requestId;
        uint256 acceptedPrice;
        address providerAddress;
        address tenantAddress;
        uint32 startBlock;
        uint32 startTime;
        uint32 endTime;
        uint8 state;
    }

    /// Devnet bookkeeping beside the mainnet-shaped Lease: what was locked and for how long.
    struct LeaseTerms {
        uint64 numOfBlocks;
        address token;
        uint256 locked;
    }

    uint8 public constant STATE_ACTIVE = 0;
    uint8 public constant STATE_TERMINATED = 1;

    IOrderRequestHooks public immutable orderRequest;
    IEscrowUser public immutable escrow;
    address public immutable tokenRegistry;
    IAccessControlManager public immutable access;

    mapping(uint256 => Lease) public leases;
    mapping(uint256 => LeaseTerms) public leaseTerms;
    mapping(address => uint256[]) public tenantLeases;
    mapping(address => uint256[]) public providerLeases;

    event LeaseCreated(
        uint256 leaseId,
        uint256 fizzId,
        uint64 requestId,
        uint256 acceptedPrice,
        address providerAddress,
        address tenantAddress,
        uint32 startBlock,
        uint32 startTime,
        uint32 endTime,
        uint8 state
    );
    event LeaseClosed(uint256 leaseId, address providerAddress, address tenantAddress, uint32 endTime, uint8 state);
    event LeaseUpdated(
        uint256 indexed leaseId,
        address indexed providerAddress,
        address indexed tenantAddress,
        uint256 acceptedPrice,
        uint32 startBlock,
        uint32 startTime
    );

    error LeaseAlreadyTerminated();
    error LeaseNotFound();
    error NotAuthorized();
    error OnlyTenantOrProvider();

    constructor(address _orderRequest, address _escrow, address _tokenRegistryAddress, address _access) {
        orderRequest = IOrderRequestHooks(_orderRequest);
        escrow = IEscrowUser(_escrow);
        tokenRegistry = _tokenRegistryAddress;
        access = IAccessControlManager(_access);
    }

    modifier onlyProtocol() {
        if (!access.hasRole(Roles.PROTOCOL_ROLE, msg.sender)) revert NotAuthorized();
        _;
    }

    /// Called by Bid.matchOrder: locks acceptedPrice x numOfBlocks (rounded up) of the tenant's escrow.
    function createLease(uint64 _orderId, uint256 _acceptedPrice, address _providerAdress, uint256 _fizzId)
        external
        onlyProtocol
        returns (uint256)
    {
        IOrderRequestHooks.Order memory o = orderRequest.getOrderById(_orderId);
        uint256 id = uint256(_orderId);
        Lease storage l = leases[id];
        l.leaseId = id;
        l.fizzId = _fizzId;
        l.requestId = _orderId;
        l.providerAddress = _providerAdress;
        l.tenantAddress = o.creator;
        l.state = STATE_ACTIVE;
        _start(l, _acceptedPrice, o.numOfBlocks, o.token);
        tenantLeases[o.creator].push(id);
        providerLeases[_providerAdress].push(id);
        emit LeaseCreated(
            id, _fizzId, _orderId, _acceptedPrice, _providerAdress, o.creator, l.startBlock, l.startTime, 0, 0
        );
        return id;
    }

    function closeLease(uint256 _leaseId) external {
        Lease storage l = _existing(_leaseId);
        if (l.state == STATE_TERMINATED) revert LeaseAlreadyTerminated();
        if (msg.sender != l.tenantAddress && msg.sender != l.providerAddress) revert OnlyTenantOrProvider();
        _settle(l);
        l.state = STATE_TERMINATED;
        l.endTime = uint32(block.timestamp);
        orderRequest.updateOrderStateToClosed(l.requestId);
        emit LeaseClosed(_leaseId, l.providerAddress, l.tenantAddress, l.endTime, STATE_TERMINATED);
    }

    /// Called by Bid.updateOrder after the pending order was applied: settles the elapsed part of the
    /// old terms, then restarts the lease at the new price for the order's (new) numOfBlocks.
    function closeAndRenewLease(uint256 _leaseId, uint256 _acceptedPrice, address _providerAdress)
        external
        onlyProtocol
    {
        Lease storage l = _existing(_leaseId);
        if (l.state == STATE_TERMINATED) revert LeaseAlreadyTerminated();
        if (_providerAdress != l.providerAddress) revert OnlyTenantOrProvider();
        _settle(l);
        IOrderRequestHooks.Order memory o = orderRequest.getOrderById(l.requestId);
        _start(l, _acceptedPrice, o.numOfBlocks, o.token);
        emit LeaseUpdated(_leaseId, l.providerAddress, l.tenantAddress, _acceptedPrice, l.startBlock, l.startTime);
    }

    function getTenantLeases(address _tenant) external view returns (uint256[] memory, uint256[] memory) {
        return (_active(tenantLeases[_tenant]), tenantLeases[_tenant]);
    }

    function getProviderLeases(address _provider) external view returns (uint256[] memory, uint256[] memory) {
        return (_active(providerLeases[_provider]), providerLeases[_provider]);
    }

    function getLeaseDetails(uint256 _leaseId) external view returns (address, address, uint8) {
        Lease storage l = leases[_leaseId];
        return (l.providerAddress, l.tenantAddress, l.state);
    }

    /// True once the paid blocks have run out (the lease still needs closeLease to settle).
    function isLeaseExpired(uint256 _leaseId) public view returns (bool) {
        Lease storage l = _existing(_leaseId);
        return block.number >= uint256(l.startBlock) + leaseTerms[_leaseId].numOfBlocks;
    }

    /// First block no longer paid for.
    function getLeaseEndBlock(uint256 _leaseId) external view returns (uint256) {
        Lease storage l = _existing(_leaseId);
        return uint256(l.startBlock) + leaseTerms[_leaseId].numOfBlocks;
    }

    function _start(Lease storage l, uint256 price, uint64 numOfBlocks, address token) private {
        uint256 amount = Pricing.cost(price, numOfBlocks, IERC20Min(token).decimals());
        escrow.lockTokens(l.tenantAddress, token, amount, false);
        l.acceptedPrice = price;
        l.startBlock = uint32(block.number);
        l.startTime = uint32(block.timestamp);
        leaseTerms[l.leaseId] = LeaseTerms(numOfBlocks, token, amount);
    }

    function _settle(Lease storage l) private {
        LeaseTerms storage t = leaseTerms[l.leaseId];
        uint256 elapsed = block.number - uint256(l.startBlock);
        if (elapsed > t.numOfBlocks) elapsed = t.numOfBlocks;
        uint256 pay = Pricing.cost(l.acceptedPrice, elapsed, IERC20Min(t.token).decimals());
        if (pay > t.locked) pay = t.locked;
        if (pay > 0) escrow.transferLocked(l.tenantAddress, l.providerAddress, t.token, pay, 0, false);
        if (t.locked > pay) escrow.unlockTokens(l.tenantAddress, t.token, t.locked - pay, false);
        t.locked = 0;
    }

    function _active(uint256[] storage ids) private view returns (uint256[] memory out) {
        uint256 n = 0;
        for (uint256 i = 0; i < ids.length; i++) if (leases[ids[i]].state == STATE_ACTIVE) n++;
        out = new uint256[](n);
        uint256 j = 0;
        for (uint256 i = 0; i < ids.length; i++) if (leases[ids[i]].state == STATE_ACTIVE) out[j++] = ids[i];
    }

    function _existing(uint256 _leaseId) private view returns (Lease storage l) {
        l = leases[_leaseId];
        if (l.leaseId == 0) revert LeaseNotFound();
    }
}
