/**
 * The custom errors of Spheron's deployed contracts, as data: every `error` fragment of the mainnet
 * and testnet ABIs shipped by the official SDK, `spheron-core/protocol-sdk` at commit
 * 614b87a72e6663bf8c029d2094d5dbf1a0743340 (2025-08-14, v2.6.0), files
 * `nodejs/src/contracts/abis/{mainnet,testnet}/*.json`. The two networks declare the same errors;
 * each line names the contracts that declare it. The devnet's contracts (devnet/contracts) declare a
 * subset, some with other arguments: Leasehold decodes reverts with the union of both, so a revert
 * from any of them has a name.
 *
 * Overloads are distinct errors (their selectors differ): mainnet's OrderRequest reverts
 * `InsufficientBalance()` where EscrowUser (and the devnet) revert `InsufficientBalance(available,
 * required)`, and both must decode.
 *
 * Regenerate by reading those files (`git show <commit>:<path>`); the unit test
 * test/unit/provider/marketplace/revert-catalogue.test.ts checks this list against a copy of their
 * error entries in test/fixtures/spheron-abi-errors.
 */

/** `[human-readable fragment, contracts that declare it]`, sorted by signature. */
export const SPHERON_ABI_ERRORS: readonly (readonly [fragment: string, contracts: string])[] = [
  [
    'error AccessControlBadConfirmation()',
    'AccessControlManager AttributeRegistry EscrowProtocol EscrowUser ResourceRegistry ResourceRegistryFactory RewardToken uSPon',
  ],
  [
    'error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)',
    'AccessControlManager AttributeRegistry EscrowProtocol EscrowUser ResourceRegistry ResourceRegistryFactory RewardToken uSPon',
  ],
  ['error AddressEmptyCode(address target)', 'EscrowUser'],
  ['error AddressInsufficientBalance(address account)', 'EscrowUser'],
  ['error AlreadyPaused()', 'FizzRewardsManager ProviderRewardsManager'],
  ['error AlreadySet()', 'FizzAttributeRegistry FizzRegistry'],
  ['error AlreadySlashed()', 'FizzRewardsManager ProviderRewardsManager'],
  [
    'error ArrayMismatch()',
    'FizzAttributeRegistry FizzRewardsManager ProviderAttributeRegistry ProviderRewardsManager',
  ],
  ['error BiddingClosed()', 'Bid'],
  ['error BidPriceExceedsMaxPrice()', 'Bid'],
  ['error DifferentOwnerExists()', 'EscrowUser'],
  ['error DuplicateId()', 'FizzAttributeRegistry ProviderAttributeRegistry'],
  ['error ECDSAInvalidSignature()', 'ComputeLease EscrowUser OrderRequest uSPon'],
  [
    'error ECDSAInvalidSignatureLength(uint256 length)',
    'ComputeLease EscrowUser OrderRequest uSPon',
  ],
  ['error ECDSAInvalidSignatureS(bytes32 s)', 'ComputeLease EscrowUser OrderRequest uSPon'],
  ['error EmptyArray()', 'FizzAttributeRegistry ProviderAttributeRegistry'],
  ['error EmptyOperatorArray()', 'EscrowUser'],
  ['error EnforcedPause()', 'FizzRewardsManager ProviderRewardsManager uSPon'],
  ['error ERC1167FailedCreateClone()', 'ResourceRegistryFactory'],
  [
    'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
    'RewardToken TestToken uSPon',
  ],
  [
    'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
    'RewardToken TestToken uSPon',
  ],
  ['error ERC20InvalidApprover(address approver)', 'RewardToken TestToken uSPon'],
  ['error ERC20InvalidReceiver(address receiver)', 'RewardToken TestToken uSPon'],
  ['error ERC20InvalidSender(address sender)', 'RewardToken TestToken uSPon'],
  ['error ERC20InvalidSpender(address spender)', 'RewardToken TestToken uSPon'],
  ['error ERC2612ExpiredSignature(uint256 deadline)', 'uSPon'],
  ['error ERC2612InvalidSigner(address signer, address owner)', 'uSPon'],
  ['error ExceedsMaxSupply()', 'uSPon'],
  ['error ExpectedPause()', 'FizzRewardsManager ProviderRewardsManager uSPon'],
  ['error FailedInnerCall()', 'EscrowUser'],
  ['error FizzAlreadyRegistered()', 'FizzRegistry'],
  ['error FizzCantClaimRewards()', 'FizzRewardsManager'],
  ['error FizzNodeNotActive()', 'Bid'],
  ['error FizzNodeNotFound()', 'FizzAttributeRegistry FizzRegistry'],
  ['error FizzNotLinkedToProvider()', 'Bid'],
  ['error InactiveFizzNode()', 'FizzRegistry'],
  ['error InsufficientBalance()', 'OrderRequest'],
  ['error InsufficientBalance(uint256 available, uint256 required)', 'EscrowProtocol EscrowUser'],
  ['error InvalidAccountNonce(address account, uint256 currentNonce)', 'uSPon'],
  [
    'error InvalidAddress()',
    'Bid EscrowProtocol FizzAttributeRegistry FizzRegistry FizzRewardsManager OrderRequest ProviderAttributeRegistry ProviderRegistry ProviderRewardsManager',
  ],
  [
    'error InvalidAmount()',
    'EscrowProtocol EscrowUser FizzRewardsManager OrderRequest ProviderRewardsManager',
  ],
  ['error InvalidBlockNumber()', 'OrderRequest'],
  ['error InvalidInitialization()', 'ResourceRegistry'],
  ['error InvalidNonce()', 'ComputeLease EscrowUser OrderRequest'],
  ['error InvalidOperator()', 'EscrowUser'],
  ['error InvalidOrderState()', 'OrderRequest'],
  ['error InvalidOwnerAddress()', 'TokenRegistry'],
  ['error InvalidShortString()', 'uSPon'],
  ['error InvalidSignature()', 'ComputeLease EscrowUser OrderRequest'],
  ['error InvalidTokenAddress()', 'TokenRegistry'],
  ['error InvalidUnit()', 'FizzAttributeRegistry ProviderAttributeRegistry'],
  ['error LeaseAlreadyTerminated()', 'ComputeLease OrderRequest'],
  ['error LeaseNotActive()', 'Bid'],
  ['error MinimumDepositNotMet()', 'EscrowUser'],
  ['error NoPendingAttributes()', 'FizzAttributeRegistry ProviderAttributeRegistry'],
  ['error NoReward()', 'FizzRewardsManager ProviderRewardsManager'],
  ['error NoSlashedEras()', 'FizzRewardsManager ProviderRewardsManager'],
  ['error NotAuthorized()', 'OrderRequest'],
  ['error NotBidContract()', 'OrderRequest'],
  ['error NotFound()', 'FizzRewardsManager ProviderRewardsManager'],
  ['error NotInitializing()', 'ResourceRegistry'],
  ['error NotPaused()', 'FizzRewardsManager ProviderRewardsManager'],
  ['error NotWhitelisted()', 'FizzRegistry'],
  ['error OnlyTenantOrProvider()', 'ComputeLease'],
  ['error OrderNotActive()', 'Bid OrderRequest'],
  ['error OrderNotFound()', 'Bid OrderRequest'],
  ['error OrderNotMatched()', 'OrderRequest'],
  ['error OrderNotOpened()', 'OrderRequest'],
  ['error ProviderAlreadyRegistered()', 'ProviderRegistry'],
  ['error ProviderCantClaimRewards()', 'ProviderRewardsManager'],
  ['error ProviderHasActiveBid()', 'Bid'],
  ['error ProviderNotActive()', 'Bid FizzAttributeRegistry ProviderAttributeRegistry'],
  ['error ProviderNotFound()', 'ProviderAttributeRegistry ProviderRegistry'],
  ['error RecipientNotWhitelisted()', 'uSPon'],
  ['error ReentrancyGuardReentrantCall()', 'ComputeLease EscrowProtocol EscrowUser'],
  ['error RegistrationFeeNotPaid()', 'FizzRegistry'],
  ['error SafeERC20FailedOperation(address token)', 'EscrowUser'],
  ['error SignatureExpired()', 'ComputeLease EscrowUser OrderRequest'],
  ['error StatusUnchanged()', 'FizzRegistry ProviderRegistry'],
  ['error StringTooLong(string str)', 'uSPon'],
  ['error TokenAlreadyAccepted()', 'FizzRegistry ProviderRegistry'],
  ['error TokenAlreadyRegistered()', 'TokenRegistry'],
  ['error TokenNotAccepted()', 'Bid EscrowUser'],
  ['error TokenNotFound()', 'FizzRegistry ProviderRegistry'],
  ['error TokenNotRegistered()', 'TokenRegistry'],
  ['error TransferFailed()', 'EscrowUser'],
  ['error UnAuthorized()', 'FizzRewardsManager OrderRequest ProviderRewardsManager'],
  ['error UnauthorizedAccess()', 'EscrowProtocol EscrowUser'],
  ['error UnauthorizedRegistration()', 'ProviderRegistry'],
  ['error UnAuthourized()', 'Bid'],
  ['error UnregisteredToken()', 'FizzRegistry ProviderRegistry'],
  ['error UpdateOrderNotAccepted()', 'Bid'],
  ['error ZeroEra()', 'FizzRewardsManager ProviderRewardsManager'],
];

/** The fragments alone, for an ethers Interface. */
export function spheronErrorFragments(): string[] {
  return SPHERON_ABI_ERRORS.map(([fragment]) => fragment);
}
