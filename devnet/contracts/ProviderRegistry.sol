// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {IAccessControlManager, ITokenRegistry} from "./Interfaces.sol";

/// Provider registry with the mainnet signatures. Status: 0 Unregistered, 1 Registered, 2 Active,
/// 3 Maintenance, 4 Suspended, 5 Deactivated; tier 0..6. On the devnet a provider (or the admin for it)
/// registers and is Active at once with tier 3; the admin changes status and tier.
contract ProviderRegistry {
    struct ProviderInfo {
        uint256 providerId;
        address walletAddress;
        address[] paymentsAccepted;
        string spec;
        string hostUri;
        string certificate;
        uint8 status;
        uint8 tier;
        uint256 joinTimestamp;
        address rewardWallet;
    }

    struct AddProviderParams {
        address walletAddress;
        address[] paymentsAccepted;
        string spec;
        string hostUri;
        string certificate;
        address rewardWallet;
    }

    uint8 public constant STATUS_ACTIVE = 2;
    uint8 public constant DEFAULT_TIER = 3;

    IAccessControlManager public immutable access;
    ITokenRegistry public immutable tokenRegistry;
    uint256 public nextProviderId = 1;
    mapping(address => uint256) public addressToProviderId;
    mapping(uint256 => ProviderInfo) private providers;

    event ProviderAdded(
        uint256 indexed providerId,
        address indexed walletAddress,
        string spec,
        string hostUri,
        string certificate,
        address[] paymentsAccepted,
        uint8 status,
        uint8 tier,
        uint256 joinTimestamp,
        address rewardWallet
    );
    event ProviderHostUriUpdated(uint256 indexed providerId, string hostUri);
    event ProviderCertificateUpdated(uint256 indexed providerId, string certificate);
    event ProviderSpecUpdated(uint256 indexed providerId, string spec);
    event ProviderStatusUpdated(uint256 indexed providerId, uint8 status);
    event ProviderTierUpdated(address provider, uint8 tier);
    event ProviderPaymentAdded(uint256 indexed providerId, address indexed token);

    error NotAuthorized();
    error InvalidAddress();
    error ProviderAlreadyExists();
    error ProviderNotFound();
    error TokenNotAccepted();
    error InvalidStatus();
    error InvalidTier();

    constructor(address _tokenRegistryAddress, address _access) {
        tokenRegistry = ITokenRegistry(_tokenRegistryAddress);
        access = IAccessControlManager(_access);
    }

    modifier onlyAdmin() {
        if (!access.isAdmin(msg.sender)) revert NotAuthorized();
        _;
    }

    function addProvider(AddProviderParams calldata params) external returns (uint256) {
        if (params.walletAddress == address(0)) revert InvalidAddress();
        if (msg.sender != params.walletAddress && !access.isAdmin(msg.sender)) revert NotAuthorized();
        if (addressToProviderId[params.walletAddress] != 0) revert ProviderAlreadyExists();
        for (uint256 i = 0; i < params.paymentsAccepted.length; i++) {
            if (!tokenRegistry.isTokenAccepted(params.paymentsAccepted[i])) revert TokenNotAccepted();
        }
        uint256 id = nextProviderId++;
        addressToProviderId[params.walletAddress] = id;
        ProviderInfo storage p = providers[id];
        p.providerId = id;
        p.walletAddress = params.walletAddress;
        p.paymentsAccepted = params.paymentsAccepted;
        p.spec = params.spec;
        p.hostUri = params.hostUri;
        p.certificate = params.certificate;
        p.status = STATUS_ACTIVE;
        p.tier = DEFAULT_TIER;
        p.joinTimestamp = block.timestamp;
        p.rewardWallet = params.rewardWallet == address(0) ? params.walletAddress : params.rewardWallet;
        _emitAdded(p);
        return id;
    }

    function getProviderByAddress(address _walletAddress)
        external
        view
        returns (
            string memory spec,
            string memory hostUri,
            string memory certificate,
            address[] memory paymentsAccepted,
            uint8 status,
            uint8 tier,
            uint256 joinTimestamp,
            address rewardWallet
        )
    {
        ProviderInfo storage p = providers[addressToProviderId[_walletAddress]];
        return (p.spec, p.hostUri, p.certificate, p.paymentsAccepted, p.status, p.tier, p.joinTimestamp, p.rewardWallet);
    }

    function getProvider(uint256 _providerId)
        external
        view
        returns (
            string memory spec,
            string memory hostUri,
            string memory certificate,
            address[] memory paymentsAccepted,
            uint8 status,
            uint8 tier,
            uint256 joinTimestamp,
            address walletAddress,
            address rewardWallet
        )
    {
        ProviderInfo storage p = _existing(_providerId);
        return (
            p.spec,
            p.hostUri,
            p.certificate,
            p.paymentsAccepted,
            p.status,
            p.tier,
            p.joinTimestamp,
            p.walletAddress,
            p.rewardWallet
        );
    }

    function getAllProviders() external view returns (ProviderInfo[] memory all) {
        all = new ProviderInfo[](nextProviderId - 1);
        for (uint256 i = 1; i < nextProviderId; i++) all[i - 1] = providers[i];
    }

    function updateProviderHostUri(string calldata _hostUri) external {
        ProviderInfo storage p = _self();
        p.hostUri = _hostUri;
        emit ProviderHostUriUpdated(p.providerId, _hostUri);
    }

    function updateProviderCertificate(string calldata _certificate) external {
        ProviderInfo storage p = _self();
        p.certificate = _certificate;
        emit ProviderCertificateUpdated(p.providerId, _certificate);
    }

    function updateProviderSpec(string calldata _spec) external {
        ProviderInfo storage p = _self();
        p.spec = _spec;
        emit ProviderSpecUpdated(p.providerId, _spec);
    }

    function addAcceptedPayment(address _token) external {
        ProviderInfo storage p = _self();
        if (!tokenRegistry.isTokenAccepted(_token)) revert TokenNotAccepted();
        p.paymentsAccepted.push(_token);
        emit ProviderPaymentAdded(p.providerId, _token);
    }

    function setProviderStatus(address _provider, uint8 _status) external onlyAdmin {
        if (_status > 5) revert InvalidStatus();
        ProviderInfo storage p = _existing(addressToProviderId[_provider]);
        p.status = _status;
        emit ProviderStatusUpdated(p.providerId, _status);
    }

    function updateProviderTier(address _provider, uint8 _tier) external onlyAdmin {
        if (_tier > 6) revert InvalidTier();
        ProviderInfo storage p = _existing(addressToProviderId[_provider]);
        p.tier = _tier;
        emit ProviderTierUpdated(_provider, _tier);
    }

    function isActiveProvider(address _provider) external view returns (bool) {
        uint256 id = addressToProviderId[_provider];
        return id != 0 && providers[id].status == STATUS_ACTIVE;
    }

    function getProviderId(address _provider) external view returns (uint256) {
        return addressToProviderId[_provider];
    }

    function _self() private view returns (ProviderInfo storage) {
        return _existing(addressToProviderId[msg.sender]);
    }

    function _existing(uint256 _providerId) private view returns (ProviderInfo storage p) {
        p = providers[_providerId];
        if (_providerId == 0 || p.providerId == 0) revert ProviderNotFound();
    }

    function _emitAdded(ProviderInfo storage p) private {
        emit ProviderAdded(
            p.providerId,
            p.walletAddress,
            p.spec,
            p.hostUri,
            p.certificate,
            p.paymentsAccepted,
            p.status,
            p.tier,
            p.joinTimestamp,
            p.rewardWallet
        );
    }
}
