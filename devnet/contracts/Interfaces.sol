// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

// Internal wiring between the devnet contracts. None of these are mainnet ABIs; they only let the
// contracts call each other without importing each other's bytecode.

interface IAccessControlManager {
    function hasRole(bytes32 role, address account) external view returns (bool);
    function isAdmin(address account) external view returns (bool);
}

interface IERC20Min {
    function decimals() external view returns (uint8);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

interface ITokenRegistry {
    function isTokenAccepted(address token) external view returns (bool);
}

interface IEscrowUser {
    struct UserData {
        uint128 lockedBalance;
        uint128 unlockedBalance;
    }
    function getUserData(address _user, address _token, bool _isOperator) external view returns (UserData memory);
    function lockTokens(address _user, address _token, uint256 amount, bool _isOperator) external;
    function unlockTokens(address _user, address _token, uint256 amount, bool _isOperator) external;
    function transferLocked(address from, address to, address _token, uint256 amount, uint256 _fees, bool _isOperator) external;
}

interface IProviderRegistry {
    function isActiveProvider(address _provider) external view returns (bool);
    function getProviderId(address _provider) external view returns (uint256);
}

interface IOrderRequestHooks {
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
    function getOrderById(uint64 _orderId) external view returns (Order memory);
    function getPendingOrderById(uint64 _orderId) external view returns (Order memory);
    function updateInitialOrderState(uint64 _orderId, address _providerAddress, uint256 _amount) external;
    function updatePendingOrder(uint64 _orderId, uint256 _acceptedPrice) external;
    function updateOrderStateToClosed(uint64 _orderId) external;
}

interface IComputeLeaseHooks {
    function createLease(uint64 _orderId, uint256 _acceptedPrice, address _providerAdress, uint256 _fizzId) external returns (uint256);
    function closeAndRenewLease(uint256 _leaseId, uint256 _acceptedPrice, address _providerAdress) external;
    function getLeaseDetails(uint256 _leaseId) external view returns (address, address, uint8);
    function isLeaseExpired(uint256 _leaseId) external view returns (bool);
}

/// Roles shared by every contract (granted in AccessControlManager's constructor at deploy time).
library Roles {
    bytes32 internal constant PROTOCOL_ROLE = keccak256("PROTOCOL_ROLE");
    bytes32 internal constant MATCHER_ROLE = keccak256("MATCHER_ROLE");
}

/// Escrow arithmetic. Prices are per block scaled by 1e18 regardless of the token's decimals (§2.7);
/// amounts round UP so that a lock or a charge never under-pays the provider.
library Pricing {
    function cost(uint256 pricePerBlock, uint256 blocks, uint8 decimals) internal pure returns (uint256) {
        uint256 num = pricePerBlock * blocks * (10 ** uint256(decimals));
        return num == 0 ? 0 : (num - 1) / 1e18 + 1;
    }
}
