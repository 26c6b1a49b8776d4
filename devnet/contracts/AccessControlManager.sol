// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// One admin and a set of roles shared by the devnet contracts (mainnet: AccessControl).
contract AccessControlManager {
    bytes32 public constant PROTOCOL_ROLE = keccak256("PROTOCOL_ROLE");
    bytes32 public constant MATCHER_ROLE = keccak256("MATCHER_ROLE");

    address public admin;
    mapping(bytes32 => mapping(address => bool)) private roles;

    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);

    error NotAuthorized();
    error InvalidAddress();

    /// Grants are made here so a whole deployment fits in one block (addresses are nonce-predicted).
    constructor(address _admin, address[] memory _protocol, address _matcher) {
        if (_admin == address(0)) revert InvalidAddress();
        admin = _admin;
        for (uint256 i = 0; i < _protocol.length; i++) _grant(PROTOCOL_ROLE, _protocol[i]);
        if (_matcher != address(0)) _grant(MATCHER_ROLE, _matcher);
    }

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAuthorized();
        _;
    }

    function hasRole(bytes32 role, address account) external view returns (bool) {
        return roles[role][account];
    }

    function isAdmin(address account) external view returns (bool) {
        return account == admin;
    }

    function grantRole(bytes32 role, address account) external onlyAdmin {
        if (account == address(0)) revert InvalidAddress();
        _grant(role, account);
    }

    function revokeRole(bytes32 role, address account) external onlyAdmin {
        roles[role][account] = false;
        emit RoleRevoked(role, account, msg.sender);
    }

    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert InvalidAddress();
        emit AdminTransferred(admin, newAdmin);
        admin = newAdmin;
    }

    function _grant(bytes32 role, address account) private {
        roles[role][account] = true;
        emit RoleGranted(role, account, msg.sender);
    }
}
