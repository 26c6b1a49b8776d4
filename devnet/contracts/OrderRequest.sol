// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager, IEscrowUser, IERC20Min, ITokenRegistry, Pricing, Roles} from "./Interfaces.sol";

/// The order book. Order state: 0 open, 1 provisioned, 2 closed, 3 matched. Order ids are sequential
/// from 1 and the lease created for an order carries the same id.
contract OrderRequest {
    struct OrderDetails {
        uint256 maxPrice;
        uint64 numOfBlocks;
        address token;
        string spec;
        uint16 version;
        uint8 mode;
        uint8[] tier;
    }

    struct OrderSpecs {
        string specs;
        uint16 version;
        uint8 mode;
        uint8[] tier;
    }

    struct Order {
        uint64 id;
        uint256 maxPrice;
        uint64 numOfBlocks;
        address token;
        address creator;
        uint8 state;
        OrderSpecs specs;
    }

    uint8 public constant STATE_OPEN = 0;
    uint8 public constant STATE_CLOSED = 2;
    uint8 public constant STATE_MATCHED = 3;

    IEscrowUser public immutable escrow;
    ITokenRegistry public immutable tokenRegistry;
    IAccessControlManager public immutable access;
    uint256 public maxBlockNumber;
    uint256 public minBlockNumber;
    uint64 public nextOrderId = 1;

    mapping(uint64 => Order) private orders;
    mapping(uint64 => Order) private pending;
    mapping(address => uint64[]) private providerOrders;

    event OrderCreated(
        uint64 orderId,
        address creator,
        uint256 maxPrice,
        uint64 numOfBlocks,
        address token,
        string specs,
        uint16 version,
        uint8 mode
    );
    event OrderUpdateRequested(
        uint64 _orderId,
        address user,
        uint256 maxPrice,
        uint64 numOfBlocks,
        address token,
        string specs,
        uint16 version,
        uint8 mode
    );
    event OrderStateChanged(uint64 orderId, uint256 maxPrice, uint8 state);
    event OrderMarkedAsClosed(uint64 indexed _orderId);
    event BlockNumberBoundsUpdated(uint256 minBlockNumber, uint256 maxBlockNumber);

    error InsufficientBalance(uint256 available, uint256 required);
    error InvalidAddress();
    error InvalidAmount();
    error InvalidBlockNumber();
    error NotAuthorized();
    error OrderNotFound();
    error OrderNotMatched();
    error OrderNotOpened();
    error UnAuthorized();

    constructor(
        address _escrow,
        address _tokenRegistryAddress,
        address _access,
        uint256 _maxBlockNumber,
        uint256 _minBlockNumber
    ) {
        escrow = IEscrowUser(_escrow);
        tokenRegistry = ITokenRegistry(_tokenRegistryAddress);
        access = IAccessControlManager(_access);
        maxBlockNumber = _maxBlockNumber;
        minBlockNumber = _minBlockNumber;
    }

    modifier onlyProtocol() {
        if (!access.hasRole(Roles.PROTOCOL_ROLE, msg.sender)) revert NotAuthorized();
        _;
    }

    function createOrder(OrderDetails calldata details) external returns (uint64) {
        _checkDetails(details, 0);
        uint64 id = nextOrderId++;
        Order storage o = orders[id];
        o.id = id;
        o.creator = msg.sender;
        o.state = STATE_OPEN;
        _store(o, details);
        emit OrderCreated(
            id,
            msg.sender,
            details.maxPrice,
            details.numOfBlocks,
            details.token,
            details.spec,
            details.version,
            details.mode
        );
        return id;
    }

    /// Tenant asks to change a matched order; the lease's provider accepts it on Bid and applies it
    /// with Bid.updateOrder. The token may not change (as on mainnet).
    function updateInitialOrder(uint64 _orderId, OrderDetails calldata details) external {
        Order storage o = _existing(_orderId);
        if (o.creator != msg.sender) revert UnAuthorized();
        if (o.state != STATE_MATCHED) revert OrderNotMatched();
        if (details.token != o.token) revert InvalidAddress();
        // The old lease's lock is released at update time, so it counts towards the new cost here.
        IEscrowUser.UserData memory u = escrow.getUserData(msg.sender, details.token, false);
        _checkDetails(details, u.lockedBalance);
        Order storage p = pending[_orderId];
        p.id = _orderId;
        p.creator = msg.sender;
        p.state = STATE_MATCHED;
        _store(p, details);
        emit OrderUpdateRequested(
            _orderId,
            msg.sender,
            details.maxPrice,
            details.numOfBlocks,
            details.token,
            details.spec,
            details.version,
            details.mode
        );
    }

    function getOrderById(uint64 _orderId) external view returns (Order memory) {
        return _existing(_orderId);
    }

    /// The pending update of an order; all zero (id 0) when there is none.
    function getPendingOrderById(uint64 _orderId) external view returns (Order memory) {
        _existing(_orderId);
        return pending[_orderId];
    }

    function getAllOrders() external view returns (Order[] memory all) {
        all = new Order[](nextOrderId - 1);
        for (uint64 i = 1; i < nextOrderId; i++) all[i - 1] = orders[i];
    }

    function getOrderByProvider(address _provider) external view returns (uint64[] memory) {
        return providerOrders[_provider];
    }

    function updateInitialOrderState(uint64 _orderId, address _providerAddress, uint256 _amount) external onlyProtocol {
        Order storage o = _existing(_orderId);
        if (o.state != STATE_OPEN) revert OrderNotOpened();
        o.state = STATE_MATCHED;
        providerOrders[_providerAddress].push(_orderId);
        emit OrderStateChanged(_orderId, _amount, STATE_MATCHED);
    }

    function updatePendingOrder(uint64 _orderId, uint256 _acceptedPrice) external onlyProtocol {
        Order storage o = _existing(_orderId);
        Order storage p = pending[_orderId];
        if (p.id == 0) revert OrderNotFound();
        o.maxPrice = p.maxPrice;
        o.numOfBlocks = p.numOfBlocks;
        o.specs = p.specs;
        delete pending[_orderId];
        emit OrderStateChanged(_orderId, _acceptedPrice, o.state);
    }

    function updateOrderStateToClosed(uint64 _orderId) external onlyProtocol {
        Order storage o = _existing(_orderId);
        o.state = STATE_CLOSED;
        delete pending[_orderId];
        emit OrderStateChanged(_orderId, o.maxPrice, STATE_CLOSED);
        emit OrderMarkedAsClosed(_orderId);
    }

    function setBlockNumberBounds(uint256 _minBlockNumber, uint256 _maxBlockNumber) external {
        if (!access.isAdmin(msg.sender)) revert NotAuthorized();
        if (_minBlockNumber == 0 || _minBlockNumber > _maxBlockNumber) revert InvalidBlockNumber();
        minBlockNumber = _minBlockNumber;
        maxBlockNumber = _maxBlockNumber;
        emit BlockNumberBoundsUpdated(_minBlockNumber, _maxBlockNumber);
    }

    function _checkDetails(OrderDetails calldata d, uint256 credit) private view {
        if (d.numOfBlocks < minBlockNumber || d.numOfBlocks > maxBlockNumber) revert InvalidBlockNumber();
        if (d.maxPrice == 0) revert InvalidAmount();
        if (!tokenRegistry.isTokenAccepted(d.token)) revert InvalidAddress();
        uint256 required = Pricing.cost(d.maxPrice, d.numOfBlocks, IERC20Min(d.token).decimals());
        uint256 available = uint256(escrow.getUserData(msg.sender, d.token, false).unlockedBalance) + credit;
        if (available < required) revert InsufficientBalance(available, required);
    }

    function _store(Order storage o, OrderDetails calldata d) private {
        o.maxPrice = d.maxPrice;
        o.numOfBlocks = d.numOfBlocks;
        o.token = d.token;
        o.specs.specs = d.spec;
        o.specs.version = d.version;
        o.specs.mode = d.mode;
        o.specs.tier = d.tier;
    }

    function _existing(uint64 _orderId) private view returns (Order storage o) {
        o = orders[_orderId];
        if (_orderId == 0 || o.id == 0) revert OrderNotFound();
    }
}
