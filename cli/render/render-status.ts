import type { LeaseStatusView } from '../provider-api.js';
import type { Style } from './style.js';

/** Hours as `3d 4h`, `5.5h`, or `-` when unknown. */
export function formatRunway(hours: number | null): string {
  if (hours === null) return '-';
  if (hours >= 48) return `${Math.floor(hours / 24)}d ${Math.floor(hours % 24)}h`;
  return `${Math.round(hours * 10) / 10}h`;
}

/**
 * `leasehold status` as a table: address, lease id, provider, region, price per hour (base units
 * of the token), ready x/y, endpoints and runway; an unreachable provider is flagged.
 */
export function renderStatus(leases: readonly LeaseStatusView[], style: Style): string {
  if (leases.length === 0) return 'No leases. Run `leasehold apply` to create them.';
  const header = [
    'ADDRESS',
    'LEASE',
    'PROVIDER',
    'REGION',
    'PRICE/H (BASE UNITS)',
    'READY',
    'ENDPOINTS',
    'RUNWAY',
  ];
  const rows = leases.map((l) => [
    l.address,
    l.leaseId,
    l.provider.length > 12 ? `${l.provider.slice(0, 10)}…` : l.provider,
    l.region ?? '-',
    `${l.pricePerHour} ${l.token}`,
    l.reachable ? `${l.ready}/${l.total}` : `?/${l.total} (unreachable)`,
    l.endpoints.length === 0 ? '-' : l.endpoints.join(' '),
    formatRunway(l.runwayHours),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const body = rows.map((r, i) => {
    const l = leases[i];
    const text = line(r);
    return l !== undefined && (!l.reachable || l.ready < l.total) ? style.yellow(text) : text;
  });
  return [style.bold(line(header)), ...body].join('\n');
}
