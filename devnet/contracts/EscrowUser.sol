// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager, IERC20Min, ITokenRegistry, Roles} from "./Interfaces.sol";

/// Tenant balances (locked / unlocked per token) and provider earnings. The mainnet splits this into
/// EscrowUser and EscrowProtocol; the devnet keeps both sides here with the EscrowUser signatures.
contract EscrowUser {
    struct UserData {
        uint128 lockedBalance;
        uint128 unlockedBalance;
    }

    struct Earnings {
        uint128 earned;
        uint128 withdrawn;
        uint128 balance;
    }

    IAccessControlManager public immutable access;
    ITokenRegistry public immutable tokenRegistry;
    /// Minimum deposit in base units (1 token at 6 decimals on the devnet).
    uint256 public minimumDeposit;

    mapping(address => mapping(address => UserData)) public userBalance;
    mapping(address => mapping(address => Earnings)) public providerEarnings;
    mapping(address => uint256) public fees;

    event UserTokenLocked(address indexed user, address indexed token, uint256 amount);
    event UserTokenUnlocked(address indexed user, address indexed token, uint256 amount);
    event TokenMovement(address indexed from, address indexed to, address indexed token, uint256 amount);
    event Deposit(address indexed user, address indexed token, uint256 amount);
    event Withdraw(address indexed user, address indexed token, uint256 amount);
    event ProviderEarningsWithdrawn(address indexed provider, address indexed token, uint256 amount);

    error InsufficientBalance(uint256 available, uint256 required);
    error InvalidAmount();
    error InvalidOperator();
    error MinimumDepositNotMet();
    error TokenNotAccepted();
    error TransferFailed();
    error UnauthorizedAccess();

    constructor(address _tokenRegistry, address _access, uint256 _minimumDeposit) {
        tokenRegistry = ITokenRegistry(_tokenRegistry);
        access = IAccessControlManager(_access);
        minimumDeposit = _minimumDeposit;
    }

    modifier onlyProtocol() {
        if (!access.hasRole(Roles.PROTOCOL_ROLE, msg.sender)) revert UnauthorizedAccess();
        _;
    }

    /// Operator balances are not modelled on the devnet: every operator flag must be false.
    modifier noOperator(bool _isOperator) {
        if (_isOperator) revert InvalidOperator();
        _;
    }

    function deposit(address _token, uint256 _amount) external {
        if (!tokenRegistry.isTokenAccepted(_token)) revert TokenNotAccepted();
        if (_amount == 0) revert InvalidAmount();
        if (_amount < minimumDeposit) revert MinimumDepositNotMet();
        if (!IERC20Min(_token).transferFrom(msg.sender, address(this), _amount)) revert TransferFailed();
        userBalance[msg.sender][_token].unlockedBalance += uint128(_amount);
        emit Deposit(msg.sender, _token, _amount);
    }

    function withdraw(address _token, uint256 _amount, address _operator) external {
        if (_operator != address(0)) revert InvalidOperator();
        if (_amount == 0) revert InvalidAmount();
        UserData storage u = userBalance[msg.sender][_token];
        if (u.unlockedBalance < _amount) revert InsufficientBalance(u.unlockedBalance, _amount);
        u.unlockedBalance -= uint128(_amount);
        if (!IERC20Min(_token).transfer(msg.sender, _amount)) revert TransferFailed();
        emit Withdraw(msg.sender, _token, _amount);
    }

    function getUserData(address _user, address _token, bool _isOperator) external view returns (UserData memory) {
        if (_isOperator) return UserData(0, 0);
        return userBalance[_user][_token];
    }

    function getProviderEarnings(address _provider, address _token) external view returns (Earnings memory) {
        return providerEarnings[_provider][_token];
    }

    function withdrawProviderEarnings(address _provider, address _token, uint256 _amount) external {
        if (msg.sender != _provider) revert UnauthorizedAccess();
        if (_amount == 0) revert InvalidAmount();
        Earnings storage e = providerEarnings[_provider][_token];
        if (e.balance < _amount) revert InsufficientBalance(e.balance, _amount);
        e.balance -= uint128(_amount);
        e.withdrawn += uint128(_amount);
        if (!IERC20Min(_token).transfer(_provider, _amount)) revert TransferFailed();
        emit ProviderEarningsWithdrawn(_provider, _token, _amount);
    }

    function lockTokens(address _user, address _token, uint256 amount, bool _isOperator)
        external
        onlyProtocol
        noOperator(_isOperator)
    {
        UserData storage u = userBalance[_user][_token];
        if (u.unlockedBalance < amount) revert InsufficientBalance(u.unlockedBalance, amount);
        u.unlockedBalance -= uint128(amount);
        u.lockedBalance += uint128(amount);
        emit UserTokenLocked(_user, _token, amount);
    }

    function unlockTokens(address _user, address _token, uint256 amount, bool _isOperator)
        external
        onlyProtocol
        noOperator(_isOperator)
    {
        UserData storage u = userBalance[_user][_token];
        if (u.lockedBalance < amount) revert InsufficientBalance(u.lockedBalance, amount);
        u.lockedBalance -= uint128(amount);
        u.unlockedBalance += uint128(amount);
        emit UserTokenUnlocked(_user, _token, amount);
    }

    /// Moves `amount` of the user's locked balance to the provider's earnings; `_fees` (0 on the
    /// devnet) is also taken from the locked balance and kept by the protocol.
    function transferLocked(address from, address to, address _token, uint256 amount, uint256 _fees, bool _isOperator)
        external
        onlyProtocol
        noOperator(_isOperator)
    {
        UserData storage u = userBalance[from][_token];
        uint256 total = amount + _fees;
        if (u.lockedBalance < total) revert InsufficientBalance(u.lockedBalance, total);
        u.lockedBalance -= uint128(total);
        Earnings storage e = providerEarnings[to][_token];
        e.earned += uint128(amount);
        e.balance += uint128(amount);
        fees[_token] += _fees;
        emit TokenMovement(from, to, _token, amount);
    }

    function setMinimumDeposit(uint256 _minimumDeposit) external {
        if (!access.isAdmin(msg.sender)) revert UnauthorizedAccess();
        minimumDeposit = _minimumDeposit;
    }
}
