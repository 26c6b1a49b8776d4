import type { LeaseStatusView, OpenOrderView, ReplicaStatusView } from '../provider-api.js';
import { formatPerHourForPeople, formatTokenAmount } from '../../common/index.js';
import { providerLabel } from './render-apply-plain.js';
import type { Style } from './style.js';

/** Hours as `3d 4h`, `5.5h`, or `-` when unknown. */
export function formatRunway(hours: number | null): string {
  if (hours === null) return '-';
  if (hours >= 48) return `${Math.floor(hours / 24)}d ${Math.floor(hours % 24)}h`;
  return `${Math.round(hours * 10) / 10}h`;
}

/** Columns padded to their widest cell; the last column is not padded. */
function alignRows(rows: readonly (readonly string[])[]): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length)),
  );
  return rows.map((cells) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  '),
  );
}

/** A number with at most one decimal, or `-` when not observed. */
const metric = (v: number | null, unit: string): string =>
  v === null ? '-' : `${Math.round(v * 10) / 10}${unit}`;

function replicaCells(r: ReplicaStatusView): string[] {
  return [
    `  ${r.name}`,
    r.ready ? 'ready' : 'not ready',
    r.health,
    `cpu ${metric(r.cpuPercent, '%')}`,
    `${metric(r.rps, '')} req/s`,
    `restarts ${r.restarts}`,
  ];
}

function replicaStyle(r: ReplicaStatusView, style: Style): (s: string) => string {
  if (r.health === 'unhealthy') return style.red;
  if (r.health === 'healthy') return (s) => s;
  return style.yellow;
}

/**
 * `leasehold status` as a table: address, lease id, provider, region, price per hour in whole
 * tokens, ready x/y, endpoints and runway; an unreachable provider is flagged. Under each lease,
 * one line per replica: readiness, health, cpu, requests per second and restarts. Then the stack's
 * open orders no slot owns, with what each may cost once matched.
 */
export function renderStatus(
  leases: readonly LeaseStatusView[],
  style: Style,
  openOrders: readonly OpenOrderView[] = [],
): string {
  const tail = renderOpenOrders(openOrders, style);
  const body =
    leases.length === 0
      ? 'No leases. Run `leasehold apply` to create them.'
      : renderLeases(leases, style);
  return tail === '' ? body : `${body}\n\n${tail}`;
}

/**
 * The open orders, one line each, and what is true of them: Spheron cannot cancel an order, it
 * may still match and start charging, and the next refresh adopts a lease that matches.
 */
export function renderOpenOrders(openOrders: readonly OpenOrderView[], style: Style): string {
  if (openOrders.length === 0) return '';
  const rows = alignRows(
    openOrders.map((o) => [
      `  order ${o.orderId}`,
      o.address,
      `up to ${formatPerHourForPeople(BigInt(o.maxPerHour), o.decimals, o.token, 3)} if matched`,
    ]),
  );
  return [
    style.yellow(`Open orders (${openOrders.length}), not matched yet:`),
    ...rows,
    'Spheron cannot cancel an order: it may still match and start charging. If one matches, the',
    'next plan, apply or refresh adopts its lease into the state; a second lease for a slot, or',
    'one for a slot no longer declared, is then planned for closing.',
  ].join('\n');
}

function renderLeases(leases: readonly LeaseStatusView[], style: Style): string {
  const header = [
    'ADDRESS',
    'LEASE',
    'PROVIDER',
    'REGION',
    'PRICE/H',
    'READY',
    'ENDPOINTS',
    'RUNWAY',
  ];
  const rows = leases.map((l) => [
    l.address,
    l.leaseId,
    providerLabel(l.provider, l.providerName),
    l.region ?? '-',
    `${formatTokenAmount(BigInt(l.pricePerHour), l.decimals)} ${l.token}`,
    l.reachable ? `${l.ready}/${l.total}` : `?/${l.total} (unreachable)`,
    l.endpoints.length === 0 ? '-' : l.endpoints.join(' '),
    formatRunway(l.runwayHours),
  ]);
  const [head = '', ...body] = alignRows([header, ...rows]);
  const replicaLines = alignRows(leases.flatMap((l) => l.replicas.map(replicaCells)));
  const out = [style.bold(head)];
  let next = 0;
  leases.forEach((l, i) => {
    const text = body[i] ?? '';
    out.push(!l.reachable || l.ready < l.total ? style.yellow(text) : text);
    for (const r of l.replicas) out.push(replicaStyle(r, style)(replicaLines[next++] ?? ''));
  });
  return out.join('\n');
}
