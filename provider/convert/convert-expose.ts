import type { PortSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { isYamlMap, stringList, toList } from './yaml-values.js';

const KNOWN = new Set(['port', 'as', 'proto', 'accept', 'to', 'http_options']);

function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}

/**
 * `expose` → ports. `to: [{global: true}]` makes a port global; anything else (no `to`, or only
 * `service:` entries) is not global, as in Akash where a port is isolated by default.
 * Service-to-service routing, IP endpoints and `http_options` are not modelled and each gets a
 * warning. `extraKnown` names dialect keys warned about by the caller (ICL's fizz port ranges).
 */
export function exposeToPorts(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
  extraKnown: ReadonlySet<string> = new Set(),
): PortSpec[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const out: PortSpec[] = [];
  toList(raw).forEach((item, i) => {
    const p = exposeEntryToPort(item, [...at, i], ctx, extraKnown);
    if (p !== undefined) out.push(p);
  });
  return out;
}

function exposeEntryToPort(
  item: unknown,
  at: SpecPath,
  ctx: ConvertContext,
  extraKnown: ReadonlySet<string>,
): PortSpec | undefined {
  if (!isYamlMap(item) || !isPort(item['port'])) {
    ctx.error(
      invalidValue('Each `expose` entry needs `port`, a whole number from 1 to 65535.', at),
    );
    return undefined;
  }
  ctx.warnUnknownKeys(item, new Set([...KNOWN, ...extraKnown]), at, 'expose');
  const port = item['port'];
  const as = item['as'];
  if (as !== undefined && !isPort(as)) {
    ctx.error(
      invalidValue(`\`as\` must be a port from 1 to 65535; found \`${String(as)}\`.`, [
        ...at,
        'as',
      ]),
    );
  }
  const proto = typeof item['proto'] === 'string' ? item['proto'].toLowerCase() : undefined;
  if (proto !== undefined && proto !== 'tcp' && proto !== 'udp') {
    ctx.error(invalidValue(`\`proto\` must be tcp or udp; found \`${proto}\`.`, [...at, 'proto']));
  }
  const accept = stringList(item['accept']);
  if (isYamlMap(item['http_options'])) warnHttpOptions(item['http_options'], at, ctx);
  return {
    port,
    ...(isPort(as) && as !== port ? { as } : {}),
    ...(proto === 'udp' ? { proto: 'udp' as const } : {}),
    global: readTargets(item['to'], [...at, 'to'], ctx),
    ...(accept !== undefined && accept.length > 0 ? { accept } : {}),
  };
}

/** True when any `to` entry is `global: true`; warns about the targets that are not modelled. */
function readTargets(raw: unknown, at: SpecPath, ctx: ConvertContext): boolean {
  let global = false;
  toList(raw).forEach((t, i) => {
    if (!isYamlMap(t)) return;
    if (t['global'] === true || t['global'] === 'true') global = true;
    if (typeof t['service'] === 'string') {
      ctx.warn({
        code: 'convert/service-routing-dropped',
        summary: 'Service-to-service routing is not modelled',
        detail: `Access from service \`${t['service']}\` is not carried over: Leasehold instances are separate leases and reach each other through their global ports.`,
        hint: 'Make the port global and point the other instance at its endpoint, or keep both in one image.',
        at: [...at, i, 'service'],
      });
    }
    if (typeof t['ip'] === 'string') {
      ctx.warn({
        code: 'convert/ip-endpoint-dropped',
        summary: 'Leased IP endpoint is not modelled',
        detail: `The IP endpoint \`${t['ip']}\` is not carried over; the port is exposed on the provider's shared address instead.`,
        hint: 'Reach the instance through its provider host and port, or ask for IP leases as a feature.',
        at: [...at, i, 'ip'],
      });
    }
  });
  return global;
}

function warnHttpOptions(
  opts: Readonly<Record<string, unknown>>,
  at: SpecPath,
  ctx: ConvertContext,
): void {
  const names = Object.keys(opts).sort();
  ctx.warn({
    code: 'convert/http-options-dropped',
    summary: 'HTTP ingress options are not modelled',
    detail: `These \`http_options\` were not carried over: ${names.join(', ')}; the provider's ingress defaults apply.`,
    hint: 'Check that the service works with the default body size, timeouts and retries.',
    at: [...at, 'http_options'],
  });
}
