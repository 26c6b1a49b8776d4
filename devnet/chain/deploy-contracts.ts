import { ContractFactory, Interface, JsonRpcProvider, Wallet, getCreateAddress } from 'ethers';
import type { TransactionRequest } from 'ethers';
import { LeaseholdError } from '../../common/diag/index.js';
import type { AddressBook } from '../../wire/address-book.js';
import { loadArtifact } from '../../wire/artifacts.js';
import { DEPLOYER, DEV_WALLET, MATCHER } from '../../wire/dev-accounts.js';
import { DEVNET_TOKENS, DEV_WALLET_MINT, planDeployment } from './deploy-plan.js';

/** Options of {@link deployContracts}. */
export interface DeployContractsOptions {
  readonly rpcUrl: string;
}

const MINT_GAS = 120_000n;

/**
 * Deploys the whole marketplace (tokens, registry, escrow, providers, orders, leases, bids,
 * Multicall3) from dev account 1, grants the matcher role to dev account 2 and mints every token to
 * the development wallet. All transactions are signed with consecutive nonces and sent at once;
 * under interval mining a block is mined on demand so the deploy never waits for the block time.
 */
export async function deployContracts(opts: DeployContractsOptions): Promise<AddressBook> {
  const provider = new JsonRpcProvider(opts.rpcUrl, undefined, {
    batchMaxCount: 1,
    cacheTimeout: -1,
  });
  try {
    const chainId = Number(await provider.send('eth_chainId', []));
    const deployer = new Wallet(DEPLOYER.privateKey);
    const nonce0 = await provider.getTransactionCount(deployer.address, 'pending');
    const fees = await feeFields(provider);
    // Keys come from the plan's shape, which does not depend on the addresses it is given.
    const keys = planDeployment({ at: () => DEPLOYER.address, admin: '', matcher: '' }).map(
      (p) => p.key,
    );
    const at = (key: string): string =>
      getCreateAddress({ from: deployer.address, nonce: nonce0 + indexOf(keys, key) });
    const plan = planDeployment({ at, admin: deployer.address, matcher: MATCHER.address });
    const deploys = await Promise.all(
      plan.map((p) => deployRequest(provider, deployer.address, p.contract, p.args)),
    );
    const token = new Interface(loadArtifact('TestToken').abi);
    const mints: TransactionRequest[] = DEVNET_TOKENS.map((t) => ({
      to: at(t.symbol),
      data: token.encodeFunctionData('mint', [DEV_WALLET.address, DEV_WALLET_MINT]),
      gasLimit: MINT_GAS,
    }));
    const txs = [...deploys, ...mints].map((tx, i) => ({
      ...tx,
      ...fees,
      chainId,
      nonce: nonce0 + i,
      type: 2,
    }));
    const hashes: string[] = [];
    for (const tx of txs)
      hashes.push(
        await provider.send('eth_sendRawTransaction', [await deployer.signTransaction(tx)]),
      );
    const deployBlock = await confirmAll(provider, hashes);
    return {
      chainId,
      contracts: {
        TokenRegistry: at('TokenRegistry'),
        EscrowUser: at('EscrowUser'),
        ProviderRegistry: at('ProviderRegistry'),
        OrderRequest: at('OrderRequest'),
        Bid: at('Bid'),
        ComputeLease: at('ComputeLease'),
        Multicall3: at('Multicall3'),
      },
      tokens: DEVNET_TOKENS.map((t) => ({ symbol: t.symbol, address: at(t.symbol), decimals: 6 })),
      matcher: MATCHER.address,
      deployBlock,
    };
  } finally {
    provider.destroy();
  }
}

function indexOf(keys: readonly string[], key: string): number {
  const i = keys.indexOf(key);
  if (i < 0) throw new Error(`deployment plan has no "${key}"`);
  return i;
}

async function deployRequest(
  provider: JsonRpcProvider,
  from: string,
  name: Parameters<typeof loadArtifact>[0],
  args: readonly unknown[],
): Promise<TransactionRequest> {
  const { abi, bytecode } = loadArtifact(name);
  const tx = await new ContractFactory(abi, bytecode).getDeployTransaction(...args);
  // Constructors only store values, so each estimate is independent of the others' deployment.
  const gas = await provider.estimateGas({ from, data: tx.data });
  return { data: tx.data, gasLimit: (gas * 12n) / 10n };
}

async function feeFields(
  provider: JsonRpcProvider,
): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> {
  const block = await provider.getBlock('latest');
  const base = block?.baseFeePerGas ?? 1_000_000_000n;
  const tip = 1_000_000_000n;
  return { maxFeePerGas: base * 3n + tip, maxPriorityFeePerGas: tip };
}

/** Mines on demand until every transaction has a receipt; returns the first one's block. */
async function confirmAll(provider: JsonRpcProvider, hashes: readonly string[]): Promise<number> {
  const automine = (await provider.send('anvil_getAutomine', []).catch(() => true)) === true;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const receipts = await Promise.all(hashes.map((h) => provider.getTransactionReceipt(h)));
    if (receipts.every((r) => r !== null)) {
      const failed = receipts.findIndex((r) => r?.status !== 1);
      if (failed >= 0)
        throw deployError(
          `transaction ${failed + 1} of ${hashes.length} (${hashes[failed] ?? ''}) reverted`,
        );
      return receipts[0]?.blockNumber ?? 0;
    }
    if (!automine) await provider.send('evm_mine', []);
    else await new Promise((r) => setTimeout(r, 20));
  }
  throw deployError(`not all ${hashes.length} transactions were mined`);
}

function deployError(detail: string): LeaseholdError {
  return new LeaseholdError({
    code: 'devnet/deploy-failed',
    summary: 'The devnet contracts could not be deployed',
    detail: `${detail}.`,
    hint: 'Run `leasehold devnet reset` to start from an empty chain.',
  });
}
