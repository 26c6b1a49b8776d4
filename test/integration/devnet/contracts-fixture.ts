// Shared set-up of the contracts-*.test.ts suites: one automining anvil per test file, the devnet
// deployed on it, and signers for the tenant, the admin, the matcher and the providers.
import { Interface, JsonRpcProvider, Wallet, ZeroAddress } from 'ethers';
import type {
  ContractTransactionResponse,
  Log,
  LogDescription,
  TransactionReceipt,
  Contract,
} from 'ethers';
import type { AddressBook } from '../../../wire/address-book.js';
import { loadArtifact } from '../../../wire/artifacts.js';
import type { ContractName } from '../../../wire/artifacts.js';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import type { ConnectedContracts } from '../../../devnet/chain/connect-contracts.js';
import { deployContracts } from '../../../devnet/chain/deploy-contracts.js';
import {
  DEPLOYER,
  DEV_ACCOUNTS,
  DEV_WALLET,
  MATCHER,
  providerAccount,
} from '../../../wire/dev-accounts.js';
import { startAnvil } from '../../../devnet/chain/start-anvil.js';
import type { AnvilHandle } from '../../../devnet/chain/start-anvil.js';

/** A running devnet chain with its actors. */
export interface ChainFixture {
  readonly anvil: AnvilHandle;
  readonly rpc: JsonRpcProvider;
  readonly book: AddressBook;
  readonly usdt: string;
  readonly tenant: Actor;
  readonly admin: Actor;
  readonly matcher: Actor;
  readonly stranger: Actor;
  /** Providers 1 and 2 (dev accounts 3 and 4), registered with USDT accepted. */
  readonly providers: readonly Actor[];
  /** Provider 3's account, never registered. */
  readonly unregistered: Actor;
  stop(): Promise<void>;
}

/** One signer and the contracts bound to it. */
export interface Actor {
  readonly address: string;
  readonly wallet: Wallet;
  readonly c: ConnectedContracts;
}

/** Starts anvil (automine), deploys, registers providers 1–2 and deposits `deposit` USDT for the tenant. */
export async function startChainFixture(deposit: bigint): Promise<ChainFixture> {
  const anvil = await startAnvil({ blockTime: null });
  const book = await deployContracts({ rpcUrl: anvil.rpcUrl });
  const rpc = new JsonRpcProvider(anvil.rpcUrl, book.chainId, {
    staticNetwork: true,
    batchMaxCount: 1,
    cacheTimeout: -1,
    pollingInterval: 20,
  });
  const actor = (privateKey: string): Actor => {
    const wallet = new Wallet(privateKey, rpc);
    return { address: wallet.address, wallet, c: connectContracts(book, wallet) };
  };
  const usdt = book.tokens.find((t) => t.symbol === 'USDT')?.address ?? ZeroAddress;
  const providers = [1, 2].map((n) => actor(providerAccount(n).privateKey));
  for (const [i, p] of providers.entries()) {
    await send(
      p.c.ProviderRegistry.getFunction('addProvider')({
        walletAddress: p.address,
        paymentsAccepted: [usdt],
        spec: `{n:provider-${i + 1},r:us-east,a:[]}`,
        hostUri: `127.0.0.${11 + i}:8443`,
        certificate: `-----BEGIN CERTIFICATE-----\nprovider-${i + 1}\n-----END CERTIFICATE-----`,
        rewardWallet: ZeroAddress,
      }),
    );
  }
  const tenant = actor(DEV_WALLET.privateKey);
  await send(tenant.c.token('USDT').getFunction('approve')(book.contracts.EscrowUser, deposit));
  await send(tenant.c.EscrowUser.getFunction('deposit')(usdt, deposit));
  return {
    anvil,
    rpc,
    book,
    usdt,
    tenant,
    admin: actor(DEPLOYER.privateKey),
    matcher: actor(MATCHER.privateKey),
    stranger: actor(requireKey(9)),
    providers,
    unregistered: actor(providerAccount(3).privateKey),
    stop: async () => {
      rpc.destroy();
      await anvil.stop();
    },
  };
}

function requireKey(index: number): string {
  const a = DEV_ACCOUNTS[index];
  if (a === undefined) throw new Error(`no dev account ${index}`);
  return a.privateKey;
}

/** Awaits a contract transaction and its receipt; throws when it reverted. */
export async function send(tx: Promise<unknown>): Promise<TransactionReceipt> {
  const sent = (await tx) as ContractTransactionResponse;
  const receipt = await sent.wait();
  if (receipt === null || receipt.status !== 1) throw new Error(`transaction ${sent.hash} failed`);
  return receipt;
}

/** Mines `n` empty blocks. */
export async function mine(rpc: JsonRpcProvider, n: number): Promise<void> {
  await rpc.send('anvil_mine', [`0x${n.toString(16)}`]);
}

/** The contract's logs named `event` in a receipt, decoded. */
export function eventsOf(
  receipt: TransactionReceipt,
  contract: Contract,
  event: string,
): LogDescription[] {
  const target = String(contract.target).toLowerCase();
  return receipt.logs.flatMap((log: Log) => {
    if (log.address.toLowerCase() !== target) return [];
    const parsed = contract.interface.parseLog(log);
    return parsed !== null && parsed.name === event ? [parsed] : [];
  });
}

/** The order tuple fields a test needs; `spec` is the compressed order spec (§3.2). */
export interface OrderInput {
  readonly maxPrice: bigint;
  readonly numOfBlocks: bigint;
  readonly token: string;
  readonly spec?: string | undefined;
}

/** The OrderDetails tuple for createOrder/updateInitialOrder. */
export function orderDetails(o: OrderInput): Record<string, unknown> {
  return {
    maxPrice: o.maxPrice,
    numOfBlocks: o.numOfBlocks,
    token: o.token,
    spec: o.spec ?? '{n:web,pr:{a:[{k:region,v:us-east}]},s:[]}',
    version: 1,
    mode: 1,
    tier: [3, 4, 5, 6],
  };
}

/** Creates an order as the tenant and returns its id from the OrderCreated log. */
export async function createOrder(f: ChainFixture, o: OrderInput): Promise<bigint> {
  const receipt = await send(f.tenant.c.OrderRequest.getFunction('createOrder')(orderDetails(o)));
  const [ev] = eventsOf(receipt, f.tenant.c.OrderRequest, 'OrderCreated');
  if (ev === undefined) throw new Error('no OrderCreated log');
  return ev.args[0] as bigint;
}

/** Creates an order, has provider `who` bid `price` and the matcher match it; returns the order id. */
export async function openLease(
  f: ChainFixture,
  o: OrderInput,
  price: bigint,
  who = 0,
): Promise<bigint> {
  const id = await createOrder(f, o);
  const p = f.providers[who];
  if (p === undefined) throw new Error(`no provider ${who}`);
  await send(p.c.Bid.getFunction('placeBid')(id, price, 0n));
  await send(f.matcher.c.Bid.getFunction('matchOrder')(id, p.address, price));
  return id;
}

/** The tenant's (locked, unlocked) escrow balance of a token. */
export async function escrowOf(
  f: ChainFixture,
  user: string,
  token: string,
): Promise<[bigint, bigint]> {
  const d = (await f.tenant.c.EscrowUser.getFunction('getUserData')(user, token, false)) as [
    bigint,
    bigint,
  ];
  return [d[0], d[1]];
}

/** The ABI of a devnet contract as an ethers Interface. */
export function iface(name: ContractName): Interface {
  return new Interface(loadArtifact(name).abi);
}

/** Revert data of a failed call or send, as ethers reports it. */
export function revertData(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && typeof cur === 'object' && cur !== null; depth += 1) {
    const data = (cur as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x')) return data;
    const info = (cur as { info?: { error?: unknown } }).info;
    cur = (cur as { error?: unknown }).error ?? info?.error;
  }
  return undefined;
}
