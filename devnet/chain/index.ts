// devnet/chain: the devnet contracts' artifacts, anvil, deployment and ethers bindings. Loads ethers
// statically (deploy-contracts, connect-contracts): import it lazily from anything on the --help path.
// Must not import the CLI core beyond cli/diag, nor provider/.
export { BOOK_CONTRACTS } from '../../wire/address-book.js';
export type { AddressBook, BookContract } from '../../wire/address-book.js';
export { CONTRACT_NAMES, loadArtifact } from '../../wire/artifacts.js';
export type { ContractArtifact, ContractName } from '../../wire/artifacts.js';
export { connectContracts } from './connect-contracts.js';
export type { ConnectedContracts } from './connect-contracts.js';
export {
  DEPLOYER,
  DEV_ACCOUNTS,
  DEV_MNEMONIC,
  DEV_WALLET,
  MATCHER,
  PROVIDER_ACCOUNTS,
  providerAccount,
} from '../../wire/dev-accounts.js';
export type { DevAccount } from '../../wire/dev-accounts.js';
export { deployContracts } from './deploy-contracts.js';
export type { DeployContractsOptions } from './deploy-contracts.js';
export {
  DEVNET_TOKENS,
  DEV_WALLET_MINT,
  MAX_BLOCKS,
  MIN_BLOCKS,
  MIN_DEPOSIT,
  ZERO_ADDRESS,
  planDeployment,
} from './deploy-plan.js';
export type { PlanDeploymentInput, PlannedDeploy } from './deploy-plan.js';
export { packageRoot } from '../../common/package-root.js';
export { anvilArgs, anvilBinary, startAnvil } from './start-anvil.js';
export type { AnvilHandle, StartAnvilOptions } from './start-anvil.js';
