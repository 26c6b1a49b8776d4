// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager} from "./Interfaces.sol";

/// The payment tokens the marketplace accepts.
contract TokenRegistry {
    IAccessControlManager public immutable access;
    address[] private tokens;
    mapping(address => bool) public isTokenAccepted;

    event TokenAdded(address indexed token);
    event TokenRemoved(address indexed token);

    error NotAuthorized();
    error InvalidAddress();
    error TokenAlreadyAdded();
    error TokenNotFound();

    constructor(address _access, address[] memory _tokens) {
        access = IAccessControlManager(_access);
        for (uint256 i = 0; i < _tokens.length; i++) _add(_tokens[i]);
    }

    function addToken(address _token) external {
        if (!access.isAdmin(msg.sender)) revert NotAuthorized();
        _add(_token);
    }

    function removeToken(address _token) external {
        if (!access.isAdmin(msg.sender)) revert NotAuthorized();
        if (!isTokenAccepted[_token]) revert TokenNotFound();
        isTokenAccepted[_token] = false;
        for (uint256 i = 0; i < tokens.length; i++) {
            if (tokens[i] == _token) {
                tokens[i] = tokens[tokens.length - 1];
                tokens.pop();
                break;
            }
        }
        emit TokenRemoved(_token);
    }

    function getAcceptedTokens() external view returns (address[] memory) {
        return tokens;
    }

    function _add(address _token) private {
        if (_token == address(0)) revert InvalidAddress();
        if (isTokenAccepted[_token]) revert TokenAlreadyAdded();
        isTokenAccepted[_token] = true;
        tokens.push(_token);
        emit TokenAdded(_token);
    }
}
