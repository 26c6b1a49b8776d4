import type { DevnetInfo } from './devnet-info.js';
import type { DevnetStatus } from './read-devnet-status.js';

/** `devnet.json` without the control token: what commands print and return under --json. */
export type PublicDevnetInfo = Omit<DevnetInfo, 'control'> & { readonly controlUrl: string };

/** Drops the control token (a local credential) from the info before it reaches any output. */
export function toPublicDevnetInfo(info: DevnetInfo): PublicDevnetInfo {
  const { control, ...rest } = info;
  return { ...rest, controlUrl: control.url };
}

/** The human form of `devnet up`: where to connect and with which wallet. */
export function renderDevnetInfo(info: PublicDevnetInfo, started: boolean): string {
  const lines = [
    started ? 'Local devnet started.' : 'Local devnet is already running.',
    `  RPC URL     ${info.rpcUrl}`,
    `  Chain id    ${info.chainId}`,
    `  Block time  ${info.blockTime === null ? 'automine' : `${info.blockTime} s`}`,
    `  Dev wallet  ${info.devWallet.address}`,
    `  Dev key     ${info.devWallet.privateKey}  (${info.devWallet.note})`,
    '  Contracts',
    ...Object.entries(info.addressBook.contracts).map(([name, a]) => `    ${name.padEnd(17)}${a}`),
    '  Tokens',
    ...info.addressBook.tokens.map(
      (t) => `    ${t.symbol.padEnd(17)}${t.address} (${t.decimals} decimals)`,
    ),
    '  Providers',
    ...info.providers.map(
      (p) => `    ${p.name.padEnd(17)}${p.region.padEnd(12)} tier ${p.tier}  https://${p.hostUri}`,
    ),
  ];
  return lines.join('\n');
}

/** The human form of `devnet status`. */
export function renderDevnetStatus(status: DevnetStatus): string {
  if (!status.running) return `Local devnet is not running (home ${status.home}).`;
  const lines = [
    `Local devnet is running (pid ${status.pid}).`,
    `  RPC URL        ${status.rpcUrl}`,
    `  Chain id       ${status.chainId}`,
    `  Block          ${status.blockNumber}`,
    `  Active leases  ${status.activeLeases.length === 0 ? 'none' : status.activeLeases.join(', ')}`,
    `  Open orders    ${status.openOrders.length === 0 ? 'none' : status.openOrders.join(', ')}`,
    '  Providers',
    ...status.providers.map(
      (p) =>
        `    ${p.name.padEnd(14)}${p.region.padEnd(12)} tier ${p.tier}  https://${p.hostUri}  ${p.activeLeases.length} lease(s)`,
    ),
  ];
  return lines.join('\n');
}
