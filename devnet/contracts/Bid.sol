// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager, IComputeLeaseHooks, IOrderRequestHooks, IProviderRegistry, Roles} from "./Interfaces.sol";

/// Bids and matching. Events are NOT indexed (as on mainnet) so their topics match. Bid state:
/// 0 placed, 1 accepted, 2 rejected (another provider won).
contract Bid {
    struct BidInfo {
        uint256 requestId;
        address provider;
        uint256 bidPrice;
        uint256 fizzId;
        uint256 timestamp;
        uint8 state;
    }

    uint8 public constant BID_PLACED = 0;
    uint8 public constant BID_ACCEPTED = 1;
    uint8 public constant BID_REJECTED = 2;

    IProviderRegistry public immutable providerRegistry;
    address public immutable fizzRegistry;
    IOrderRequestHooks public immutable orderRequest;
    IComputeLeaseHooks public immutable lease;
    IAccessControlManager public immutable access;

    mapping(uint64 => BidInfo[]) public bids;
    /// provider => orderId => 1 + index of its bid in bids[orderId] (0 = no bid).
    mapping(address => mapping(uint64 => uint64)) public providerActiveBid;
    mapping(address => mapping(uint64 => bool)) public orderUpdateAcceptance;

    event OrderMatched(
        uint64 orderId,
        address providerAddress,
        uint256 fizzId,
        uint256 providerId,
        uint256 acceptedPrice,
        address creator
    );
    event LeaseUpdated(uint64 orderId, address providerAddress, address tenant, uint256 acceptedPrice);
    event UpdateRequestAccepted(uint64 orderId, address providerAddress, address tenant);
    event BidPlaced(uint64 orderId, uint256 bidPrice, address provider, uint256 fizz);

    error BidNotFound();
    error BidPriceExceedsMaxPrice();
    error BiddingClosed();
    error FizzNodeNotActive();
    error LeaseNotActive();
    error NoPendingUpdate();
    error OrderNotActive();
    error OrderNotFound();
    error ProviderHasActiveBid();
    error ProviderNotActive();
    error UnAuthourized();
    error UpdateOrderNotAccepted();

    constructor(
        address _providerRegistryAddress,
        address _fizzRegistryAddress,
        address _orderRequest,
        address _lease,
        address _access
    ) {
        providerRegistry = IProviderRegistry(_providerRegistryAddress);
        fizzRegistry = _fizzRegistryAddress;
        orderRequest = IOrderRequestHooks(_orderRequest);
        lease = IComputeLeaseHooks(_lease);
        access = IAccessControlManager(_access);
    }

    /// Fizz nodes are not modelled on the devnet: `_fizzId` must be 0.
    function placeBid(uint64 _orderId, uint256 _bidPrice, uint256 _fizzId) external {
        IOrderRequestHooks.Order memory o = _order(_orderId);
        if (!providerRegistry.isActiveProvider(msg.sender)) revert ProviderNotActive();
        if (o.state != 0) revert BiddingClosed();
        if (_fizzId != 0) revert FizzNodeNotActive();
        if (_bidPrice > o.maxPrice) revert BidPriceExceedsMaxPrice();
        if (providerActiveBid[msg.sender][_orderId] != 0) revert ProviderHasActiveBid();
        bids[_orderId].push(BidInfo(_orderId, msg.sender, _bidPrice, _fizzId, block.timestamp, BID_PLACED));
        providerActiveBid[msg.sender][_orderId] = uint64(bids[_orderId].length);
        emit BidPlaced(_orderId, _bidPrice, msg.sender, _fizzId);
    }

    /// Matcher only: creates the lease (id = order id), locks the tenant's escrow at `_acceptedPrice`
    /// for the order's numOfBlocks, and marks the order matched.
    function matchOrder(uint64 _orderId, address _providerAddress, uint256 _acceptedPrice) external returns (uint256) {
        if (!access.hasRole(Roles.MATCHER_ROLE, msg.sender)) revert UnAuthourized();
        IOrderRequestHooks.Order memory o = _order(_orderId);
        if (o.state != 0) revert OrderNotActive();
        if (!providerRegistry.isActiveProvider(_providerAddress)) revert ProviderNotActive();
        uint64 slot = providerActiveBid[_providerAddress][_orderId];
        if (slot == 0) revert BidNotFound();
        if (_acceptedPrice > o.maxPrice) revert BidPriceExceedsMaxPrice();
        _settleBids(_orderId, slot - 1);
        uint256 leaseId = lease.createLease(_orderId, _acceptedPrice, _providerAddress, 0);
        orderRequest.updateInitialOrderState(_orderId, _providerAddress, _acceptedPrice);
        emit OrderMatched(
            _orderId, _providerAddress, 0, providerRegistry.getProviderId(_providerAddress), _acceptedPrice, o.creator
        );
        return leaseId;
    }

    /// The lease's provider accepts the tenant's pending update (OrderRequest.updateInitialOrder).
    function acceptUpdate(uint64 _orderId) external {
        address tenant = _activeLeaseOf(_orderId);
        if (orderRequest.getPendingOrderById(_orderId).id == 0) revert NoPendingUpdate();
        orderUpdateAcceptance[msg.sender][_orderId] = true;
        emit UpdateRequestAccepted(_orderId, msg.sender, tenant);
    }

    /// The lease's provider applies the accepted update once the new manifest runs: settles the old
    /// terms and renews the lease (same id) at `_acceptedPrice` <= the pending maxPrice.
    function updateOrder(uint64 _orderId, uint256 _acceptedPrice) external {
        address tenant = _activeLeaseOf(_orderId);
        if (!orderUpdateAcceptance[msg.sender][_orderId]) revert UpdateOrderNotAccepted();
        IOrderRequestHooks.Order memory p = orderRequest.getPendingOrderById(_orderId);
        if (p.id == 0) revert NoPendingUpdate();
        if (_acceptedPrice > p.maxPrice) revert BidPriceExceedsMaxPrice();
        orderUpdateAcceptance[msg.sender][_orderId] = false;
        orderRequest.updatePendingOrder(_orderId, _acceptedPrice);
        lease.closeAndRenewLease(uint256(_orderId), _acceptedPrice, msg.sender);
        emit LeaseUpdated(_orderId, msg.sender, tenant, _acceptedPrice);
    }

    function getAllBidsForOrder(uint64 _orderId) external view returns (BidInfo[] memory) {
        return bids[_orderId];
    }

    function getProviderOrderBid(uint64 _orderId, address _provider) external view returns (BidInfo memory) {
        uint64 slot = providerActiveBid[_provider][_orderId];
        if (slot == 0) revert BidNotFound();
        return bids[_orderId][slot - 1];
    }

    function _order(uint64 _orderId) private view returns (IOrderRequestHooks.Order memory) {
        try orderRequest.getOrderById(_orderId) returns (IOrderRequestHooks.Order memory o) {
            return o;
        } catch {
            revert OrderNotFound();
        }
    }

    /// Checks msg.sender is the provider of an active, unexpired lease for the order; returns the tenant.
    function _activeLeaseOf(uint64 _orderId) private view returns (address) {
        (address provider, address tenant, uint8 state) = lease.getLeaseDetails(uint256(_orderId));
        if (provider == address(0)) revert OrderNotFound();
        if (provider != msg.sender) revert UnAuthourized();
        if (state != 0 || lease.isLeaseExpired(uint256(_orderId))) revert LeaseNotActive();
        return tenant;
    }

    function _settleBids(uint64 _orderId, uint256 winner) private {
        BidInfo[] storage list = bids[_orderId];
        for (uint256 i = 0; i < list.length; i++) list[i].state = i == winner ? BID_ACCEPTED : BID_REJECTED;
    }
}
