// Devnet helpers for the plan integration tests: leases created THROUGH THE CONTRACTS (createOrder
// with a tagged spec, the matcher's OrderMatched, a manifest PUT) — there is no Leasehold apply yet.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import type { StackState } from '../../../cli/state/state-types.js';
import { DEV_WALLET } from '../../../wire/dev-accounts.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { createMarketplace } from '../../../provider/marketplace/create-marketplace.js';
import { encodeManifest } from '../../../provider/marketplace/encode-manifest.js';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import type {
  Marketplace,
  ProviderClient,
} from '../../../provider/marketplace/marketplace-types.js';
import { createProviderClient } from '../../../provider/marketplace/provider-client.js';
import { fromBook } from '../../../provider/network/resolve-network.js';
import type { ResolvedNetwork } from '../../../provider/network/network-types.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';

/** A fresh temp dir. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** The chain clients of the dev wallet on a running devnet. */
export interface Chain {
  readonly network: ResolvedNetwork;
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  readonly tenant: string;
}

/** Connects the dev wallet's marketplace and provider clients to the devnet. */
export async function connectChain(info: DevnetInfo): Promise<Chain> {
  const network = fromBook({
    name: 'local',
    rpcUrl: info.rpcUrl,
    secondsPerBlock: info.blockTime ?? 1,
    blockTimeSource: 'devnet',
    book: info.addressBook,
    devWallet: true,
  });
  const marketplace = await createMarketplace({
    network,
    signer: (p) => new Wallet(DEV_WALLET.privateKey, p),
  });
  const providerClient = createProviderClient({
    signer: new Wallet(DEV_WALLET.privateKey),
    now: () => new Date(),
  });
  return { network, marketplace, providerClient, tenant: DEV_WALLET.address.toLowerCase() };
}

/** Approves and deposits `amount` base units of `symbol` into escrow. */
export async function deposit(chain: Chain, symbol: string, amount: bigint): Promise<void> {
  const token = chain.network.tokens.find((t) => t.symbol === symbol);
  if (token === undefined) throw new Error(`no token ${symbol}`);
  await chain.marketplace.approve(token.address, amount);
  await chain.marketplace.deposit(token.address, amount);
}

/** Options of {@link createLease}. */
export interface CreateLeaseInput {
  readonly stack: string;
  readonly instance: string;
  readonly model: InstanceModel;
  readonly slot: {
    readonly key: string;
    readonly replicas: number;
    readonly region: string | null;
  };
  readonly secretValues?: Readonly<Record<string, string>> | undefined;
  /** Skip the manifest (a lease the provider has not been told what to run). */
  readonly manifest?: boolean | undefined;
}

/**
 * One lease as apply would make it, through the contracts: createOrder with the tagged spec, the
 * matcher's OrderMatched, then the manifest PUT to the matched provider.
 */
export async function createLease(chain: Chain, input: CreateLeaseInput): Promise<bigint> {
  const details = encodeOrder({ ...input, network: chain.network });
  const created = await chain.marketplace.createOrder(details);
  const match = await chain.marketplace.waitForMatch(created.orderId, {
    fromBlock: created.blockNumber,
    timeoutMs: 60_000,
    pollMs: 200,
  });
  if (match === null) throw new Error(`order ${created.orderId} was not matched`);
  if (input.manifest === false) return created.orderId;
  const [provider] = await chain.marketplace.readProviders([match.provider]);
  if (provider === null || provider === undefined) throw new Error('matched provider unknown');
  const { manifest } = encodeManifest({ ...input, secretValues: input.secretValues ?? {} });
  const endpoint = {
    address: provider.address,
    hostUri: provider.hostUri,
    certificate: provider.certificate,
  };
  for (let i = 0; ; i++) {
    const res = await chain.providerClient.sendManifest(endpoint, created.orderId, manifest);
    if (res.ok && res.value.status < 300) return created.orderId;
    if (i >= 20) throw new Error(`manifest for ${created.orderId} refused: ${JSON.stringify(res)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Writes a spec file and returns its directory. */
export function writeSpec(dir: string, yaml: string): string {
  writeFileSync(join(dir, 'leasehold.yaml'), yaml);
  return dir;
}

/**
 * The state apply would have written after creating these leases: refresh adopts them, then each
 * instance records the model attributes it was applied with.
 */
export function asApplied(
  state: StackState,
  model: { readonly resources: readonly { address: string; attributes: unknown; hash: string }[] },
): StackState {
  return {
    ...state,
    serial: state.serial + 1,
    resources: state.resources.map((r) => {
      const m = model.resources.find((x) => x.address === r.address);
      return m === undefined ? r : { ...r, attributes: m.attributes, modelHash: m.hash };
    }),
  };
}
