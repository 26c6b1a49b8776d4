/**
 * What each contract custom error means to a person: a stable code, a summary and a hint they can
 * act on. Keyed by error name — an overload (mainnet's `InsufficientBalance()` beside
 * `InsufficientBalance(uint256,uint256)`) means the same thing, so it shares the entry. Covers every
 * error of Spheron's mainnet and testnet ABIs (wire/spheron-abi-errors.ts) and of the devnet's
 * contracts; revert-catalogue.test.ts fails when one has no entry.
 *
 * Many errors come from calls Leasehold never makes (registry administration, rewards, token
 * minting). They still get an entry: a mis-pointed address book, or a contract that calls another
 * one, can surface them, and "check the address book" is then the useful advice.
 */

/** How a revert is reported. */
export interface RevertMeaning {
  /** Stable code, `marketplace/<kebab>`, listed in docs/errors/marketplace.md. */
  readonly code: string;
  readonly summary: string;
  readonly hint: string;
}

const REFRESH = 'Run `leasehold refresh` to reconcile the state with the chain, then retry.';
const BOOK =
  'Leasehold never sends this call: check that the network address book points each contract at the right address, or report it with LEASEHOLD_DEBUG=1.';
const ADMIN = (what: string): string =>
  `This is ${what}, an administrator's operation Leasehold never performs. ${BOOK}`;
const SIGNATURE =
  'Leasehold sends no signed (meta-transaction) calls; check the address book points at the right contracts, or report it with LEASEHOLD_DEBUG=1.';
const DEPOSIT = 'Deposit more into escrow with `leasehold escrow deposit AMOUNT --token SYMBOL`.';
const WALLET_TOKENS =
  'Your wallet holds too few of the token: send tokens to it (`leasehold wallet balance` shows what it holds; `leasehold devnet fund ADDRESS` on the devnet).';
const UNKNOWN_TOKEN =
  'Pay with a token the network accepts: `uSPON` on the Spheron networks, `SPON` for fizz orders (`leasehold wallet balance` lists them).';

const m = (code: string, summary: string, hint: string): RevertMeaning => ({ code, summary, hint });

/** Every known custom error, by name. */
export const REVERT_CATALOGUE: Readonly<Record<string, RevertMeaning>> = {
  // Escrow and tokens.
  InsufficientBalance: {
    code: 'marketplace/insufficient-balance',
    summary: 'Escrow balance too low',
    hint: DEPOSIT,
  },
  MinimumDepositNotMet: {
    code: 'marketplace/minimum-deposit-not-met',
    summary: 'Deposit below the minimum',
    hint: 'Deposit at least the minimum amount (1 uSPON on mainnet): `leasehold escrow deposit 1 --token uSPON`.',
  },
  InvalidAmount: {
    code: 'marketplace/invalid-amount',
    summary: 'Amount refused by the contract',
    hint: 'Use a positive amount (zero is refused), in whole tokens: `leasehold escrow deposit 25 --token uSPON`.',
  },
  TokenNotAccepted: {
    code: 'marketplace/token-not-accepted',
    summary: 'Token not accepted',
    hint: `${UNKNOWN_TOKEN} A fizz order (\`placement.mode: fizz\`) must pay in SPON.`,
  },
  TransferFailed: m(
    'marketplace/transfer-failed',
    'Token transfer failed',
    `Approve the escrow to spend the amount and check the wallet holds it. ${WALLET_TOKENS}`,
  ),
  SafeERC20FailedOperation: m(
    'marketplace/transfer-failed',
    'Token transfer failed',
    `Approve the escrow to spend the amount and check the wallet holds it. ${WALLET_TOKENS}`,
  ),
  ERC20InsufficientBalance: m(
    'marketplace/insufficient-tokens',
    'Wallet token balance too low',
    WALLET_TOKENS,
  ),
  AddressInsufficientBalance: m(
    'marketplace/insufficient-tokens',
    'Wallet token balance too low',
    WALLET_TOKENS,
  ),
  ERC20InsufficientAllowance: m(
    'marketplace/insufficient-allowance',
    'Token allowance too low',
    'The escrow may not spend that much of your tokens yet; `leasehold escrow deposit` approves the amount first — run it again, and do not change the allowance from another tool meanwhile.',
  ),
  ERC20InvalidApprover: m(
    'marketplace/invalid-token-party',
    'Token call with a zero address',
    BOOK,
  ),
  ERC20InvalidReceiver: m(
    'marketplace/invalid-token-party',
    'Token call with a zero address',
    BOOK,
  ),
  ERC20InvalidSender: m('marketplace/invalid-token-party', 'Token call with a zero address', BOOK),
  ERC20InvalidSpender: m('marketplace/invalid-token-party', 'Token call with a zero address', BOOK),
  RecipientNotWhitelisted: m(
    'marketplace/recipient-not-whitelisted',
    'Token transfers restricted',
    'uSPON moves only between whitelisted addresses: deposit it into the escrow (`leasehold escrow deposit`) rather than sending it elsewhere, or ask Spheron to whitelist the recipient.',
  ),
  ExceedsMaxSupply: m(
    'marketplace/exceeds-max-supply',
    'Token supply cap reached',
    ADMIN('token minting'),
  ),
  InvalidOperator: m(
    'marketplace/invalid-operator',
    'Escrow operator refused',
    'Leasehold moves escrow for its own wallet only; the operator flag must be off. Report it with LEASEHOLD_DEBUG=1.',
  ),
  EmptyOperatorArray: m(
    'marketplace/invalid-operator',
    'Escrow operator refused',
    ADMIN('operator setup'),
  ),
  DifferentOwnerExists: m(
    'marketplace/different-owner-exists',
    'Escrow account owned by another wallet',
    'The escrow account is tied to another owner wallet: use that wallet (LEASEHOLD_PRIVATE_KEY or `--keystore`).',
  ),
  // Orders, bids and leases.
  OrderNotFound: m('marketplace/order-not-found', 'Order not found', REFRESH),
  LeaseNotFound: m('marketplace/lease-not-found', 'Lease not found', REFRESH),
  InvalidOrderState: m(
    'marketplace/invalid-order-state',
    'Order not in a state that allows this',
    `The order moved on (matched, closed, or an update is pending) before the call was mined. ${REFRESH}`,
  ),
  OrderNotActive: m(
    'marketplace/order-not-active',
    'Order no longer active',
    `The order was closed or its lease ended. ${REFRESH}`,
  ),
  OrderNotMatched: m(
    'marketplace/order-not-matched',
    'Order not matched yet',
    'Wait for a provider to match the order (`leasehold status`), or close it and order again with a higher price.',
  ),
  OrderNotOpened: m(
    'marketplace/order-not-opened',
    'Order not open',
    `Only an open order can be changed this way. ${REFRESH}`,
  ),
  LeaseAlreadyTerminated: m(
    'marketplace/lease-already-terminated',
    'Lease already closed',
    `Someone (you, another process, or the provider) closed it first. ${REFRESH}`,
  ),
  LeaseNotActive: m('marketplace/lease-not-active', 'Lease not active', REFRESH),
  OnlyTenantOrProvider: m(
    'marketplace/not-lease-party',
    'Only the tenant or the provider may do this',
    "Use the wallet that created the lease's order (LEASEHOLD_PRIVATE_KEY or `--keystore`).",
  ),
  InvalidBlockNumber: m(
    'marketplace/invalid-duration',
    'Lease duration out of range',
    'Choose a lease duration within the marketplace limits (`duration` in the spec, default 24h).',
  ),
  InvalidTier: m(
    'marketplace/invalid-tier',
    'Tier refused',
    'Use tiers the network knows: `placement.tiers` in the spec (`secured`, `community`, `secured-1` …).',
  ),
  BidPriceExceedsMaxPrice: m(
    'marketplace/bid-above-max-price',
    'Bid above the order price',
    'A provider bid above your maximum; raise `pricing.maxPerHour` in the spec to accept such bids.',
  ),
  BiddingClosed: m('marketplace/bidding-closed', 'Bidding closed', REFRESH),
  UpdateOrderNotAccepted: m(
    'marketplace/update-not-accepted',
    'Update not accepted by the provider',
    'The provider has not accepted the update (yet): wait and apply again, or raise its price.',
  ),
  NoPendingUpdate: m('marketplace/no-pending-update', 'No pending update', REFRESH),
  BidNotFound: m('marketplace/bid-not-found', 'Bid not found', REFRESH),
  ProviderHasActiveBid: m('marketplace/provider-has-active-bid', 'Provider already bid', BOOK),
  ProviderNotActive: m(
    'marketplace/provider-not-active',
    'Provider not active',
    'The provider is paused or deregistered: exclude it under `placement.providers` in the spec and apply again.',
  ),
  FizzNodeNotActive: m(
    'marketplace/fizz-node-not-active',
    'Fizz node not active',
    'The fizz node is offline or paused: order again to reach another node, or use `placement.mode: provider`.',
  ),
  FizzNotLinkedToProvider: m(
    'marketplace/fizz-not-linked',
    'Fizz node not linked to the provider',
    'The fizz node does not serve through that provider: order again so another node or provider bids, or use `placement.mode: provider`.',
  ),
  // Access control: the contract refused the caller.
  NotAuthorized: m(
    'marketplace/not-authorized',
    'Caller not authorized',
    "Use the wallet that owns the order or lease (LEASEHOLD_PRIVATE_KEY or `--keystore`); if it is yours, check the address book's contract addresses.",
  ),
  UnAuthorized: m(
    'marketplace/not-authorized',
    'Caller not authorized',
    "Use the wallet that owns the order or lease (LEASEHOLD_PRIVATE_KEY or `--keystore`); if it is yours, check the address book's contract addresses.",
  ),
  UnAuthourized: m(
    'marketplace/not-authorized',
    'Caller not authorized',
    "Use the wallet that owns the order or lease (LEASEHOLD_PRIVATE_KEY or `--keystore`); if it is yours, check the address book's contract addresses.",
  ),
  UnauthorizedAccess: m(
    'marketplace/not-authorized',
    'Caller not authorized',
    "Use the wallet that owns the escrow account; if it is yours, check the address book's contract addresses.",
  ),
  NotBidContract: m('marketplace/not-authorized', 'Caller not authorized', BOOK),
  AccessControlUnauthorizedAccount: m('marketplace/not-authorized', 'Caller lacks a role', BOOK),
  OwnableUnauthorizedAccount: m('marketplace/not-authorized', 'Caller is not the owner', BOOK),
  AccessControlBadConfirmation: m('marketplace/not-authorized', 'Role renounce refused', BOOK),
  UnauthorizedRegistration: m(
    'marketplace/not-authorized',
    'Registration refused',
    ADMIN('provider registration'),
  ),
  NotWhitelisted: m('marketplace/not-authorized', 'Not whitelisted', ADMIN('fizz registration')),
  // Signed (meta-transaction) calls.
  InvalidSignature: m('marketplace/invalid-signature', 'Signature refused', SIGNATURE),
  ECDSAInvalidSignature: m('marketplace/invalid-signature', 'Signature refused', SIGNATURE),
  ECDSAInvalidSignatureLength: m('marketplace/invalid-signature', 'Signature refused', SIGNATURE),
  ECDSAInvalidSignatureS: m('marketplace/invalid-signature', 'Signature refused', SIGNATURE),
  ERC2612InvalidSigner: m('marketplace/invalid-signature', 'Permit signature refused', SIGNATURE),
  ERC2612ExpiredSignature: m(
    'marketplace/invalid-signature',
    'Permit signature expired',
    SIGNATURE,
  ),
  SignatureExpired: m('marketplace/invalid-signature', 'Signature expired', SIGNATURE),
  InvalidNonce: m('marketplace/invalid-signature', 'Signature nonce already used', SIGNATURE),
  InvalidAccountNonce: m(
    'marketplace/invalid-signature',
    'Signature nonce already used',
    SIGNATURE,
  ),
  // Registries: tokens, providers, fizz nodes, attributes.
  InvalidAddress: m(
    'marketplace/invalid-address',
    'Zero or invalid address',
    "An address argument was refused (often the zero address): check the token and the address book's contracts.",
  ),
  UnregisteredToken: m('marketplace/token-not-accepted', 'Token not registered', UNKNOWN_TOKEN),
  TokenNotRegistered: m('marketplace/token-not-accepted', 'Token not registered', UNKNOWN_TOKEN),
  TokenNotFound: m('marketplace/token-not-accepted', 'Token not found', UNKNOWN_TOKEN),
  InvalidTokenAddress: m('marketplace/token-not-accepted', 'Invalid token address', UNKNOWN_TOKEN),
  TokenAlreadyRegistered: m(
    'marketplace/registry-admin',
    'Token already registered',
    ADMIN('token registry'),
  ),
  TokenAlreadyAdded: m(
    'marketplace/registry-admin',
    'Token already added',
    ADMIN('token registry'),
  ),
  TokenAlreadyAccepted: m(
    'marketplace/registry-admin',
    'Token already accepted',
    ADMIN('a token update'),
  ),
  InvalidOwnerAddress: m(
    'marketplace/registry-admin',
    'Invalid owner address',
    ADMIN('token registry'),
  ),
  ProviderNotFound: m(
    'marketplace/provider-not-found',
    'Provider not registered',
    'That address is not a registered provider: check the provider named in `placement`, or drop it.',
  ),
  ProviderAlreadyRegistered: m(
    'marketplace/registry-admin',
    'Provider already registered',
    ADMIN('provider registration'),
  ),
  ProviderAlreadyExists: m(
    'marketplace/registry-admin',
    'Provider already registered',
    ADMIN('provider registration'),
  ),
  FizzNodeNotFound: m(
    'marketplace/fizz-node-not-found',
    'Fizz node not registered',
    'The fizz node is not registered on this network: order again to reach another node, or use `placement.mode: provider`.',
  ),
  InactiveFizzNode: m(
    'marketplace/fizz-node-not-active',
    'Fizz node not active',
    'The fizz node is offline or paused: order again to reach another node, or use `placement.mode: provider`.',
  ),
  FizzAlreadyRegistered: m(
    'marketplace/registry-admin',
    'Fizz node already registered',
    ADMIN('fizz registration'),
  ),
  RegistrationFeeNotPaid: m(
    'marketplace/registry-admin',
    'Registration fee not paid',
    ADMIN('fizz registration'),
  ),
  StatusUnchanged: m(
    'marketplace/registry-admin',
    'Status unchanged',
    ADMIN('a registry status change'),
  ),
  InvalidStatus: m(
    'marketplace/registry-admin',
    'Invalid status',
    ADMIN('a registry status change'),
  ),
  AlreadySet: m('marketplace/registry-admin', 'Value already set', ADMIN('a registry update')),
  ArrayMismatch: m(
    'marketplace/registry-admin',
    'Array lengths differ',
    ADMIN('a registry update'),
  ),
  DuplicateId: m('marketplace/registry-admin', 'Duplicate id', ADMIN('an attribute update')),
  EmptyArray: m('marketplace/registry-admin', 'Empty list', ADMIN('an attribute update')),
  InvalidUnit: m('marketplace/registry-admin', 'Invalid unit', ADMIN('an attribute update')),
  NoPendingAttributes: m(
    'marketplace/registry-admin',
    'No pending attributes',
    ADMIN('an attribute approval'),
  ),
  ERC1167FailedCreateClone: m(
    'marketplace/registry-admin',
    'Clone creation failed',
    ADMIN('a registry deployment'),
  ),
  InvalidInitialization: m(
    'marketplace/registry-admin',
    'Already initialized',
    ADMIN('a contract initialization'),
  ),
  NotInitializing: m(
    'marketplace/registry-admin',
    'Not initializing',
    ADMIN('a contract initialization'),
  ),
  // Rewards managers (providers and fizz nodes claim rewards; tenants never do).
  AlreadyPaused: m('marketplace/rewards-admin', 'Already paused', ADMIN('rewards administration')),
  NotPaused: m('marketplace/rewards-admin', 'Not paused', ADMIN('rewards administration')),
  AlreadySlashed: m(
    'marketplace/rewards-admin',
    'Already slashed',
    ADMIN('rewards administration'),
  ),
  NoSlashedEras: m('marketplace/rewards-admin', 'No slashed eras', ADMIN('rewards administration')),
  ZeroEra: m('marketplace/rewards-admin', 'Era zero', ADMIN('rewards administration')),
  NotFound: m(
    'marketplace/rewards-admin',
    'Reward record not found',
    ADMIN('rewards administration'),
  ),
  NoReward: m(
    'marketplace/no-reward',
    'No reward to claim',
    'Rewards are claimed by providers and fizz nodes once an era has earned some; a tenant has none. Try after the next era.',
  ),
  ProviderCantClaimRewards: m(
    'marketplace/no-reward',
    'Provider cannot claim rewards',
    'Rewards are claimed by active providers once an era has earned some; a tenant has none.',
  ),
  FizzCantClaimRewards: m(
    'marketplace/no-reward',
    'Fizz node cannot claim rewards',
    'Rewards are claimed by active fizz nodes once an era has earned some; a tenant has none.',
  ),
  EnforcedPause: m(
    'marketplace/contract-paused',
    'Contract paused',
    'Spheron paused the contract (maintenance or an incident): wait and retry; Spheron announces pauses on its status channels.',
  ),
  ExpectedPause: m(
    'marketplace/contract-paused',
    'Contract not paused',
    ADMIN('pause administration'),
  ),
  // Generic failures of the contracts' libraries.
  ReentrancyGuardReentrantCall: m(
    'marketplace/reentrant-call',
    'Reentrant call refused',
    'A contract re-entered itself, which no Leasehold call does: report it with LEASEHOLD_DEBUG=1.',
  ),
  FailedInnerCall: m(
    'marketplace/inner-call-failed',
    'A call inside the contract failed',
    'Usually a token transfer the token refused: check the wallet balance and allowance (`leasehold wallet balance`), then retry.',
  ),
  AddressEmptyCode: m(
    'marketplace/inner-call-failed',
    'Called address has no code',
    "A token or contract address has no contract at it on this chain: check the token list and the address book's contracts for this network.",
  ),
  StringTooLong: m('marketplace/registry-admin', 'String too long', ADMIN('token metadata')),
  InvalidShortString: m(
    'marketplace/registry-admin',
    'Invalid short string',
    ADMIN('token metadata'),
  ),
  CallFailed: m(
    'marketplace/inner-call-failed',
    'A batched read failed',
    "One call of a Multicall3 batch reverted: check the network's Multicall3 and contract addresses, or report it with LEASEHOLD_DEBUG=1.",
  ),
};

/** The meaning of an error name; null for a name Leasehold does not know. */
export function revertMeaning(name: string): RevertMeaning | null {
  return Object.hasOwn(REVERT_CATALOGUE, name) ? (REVERT_CATALOGUE[name] ?? null) : null;
}
