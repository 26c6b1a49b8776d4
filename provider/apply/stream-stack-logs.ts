/**
 * `leasehold logs ADDRESS`: the logs of every lease of a resource (`instance.web`) or of one slot
 * (`instance.web[0]`), streamed from each provider in parallel until done or aborted.
 */
import { errorDiag, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../cli/diag/index.js';
import type { StackState } from '../../cli/state/state-types.js';
import { slotAddress } from '../resources/instance/slot-address.js';
import type { ApplyDeps } from './slot-context.js';

/** Inputs of {@link streamStackLogs}. */
export interface StreamStackLogsInput {
  readonly state: StackState;
  readonly address: string;
  readonly tail: number;
  readonly follow: boolean;
  /** The lease's events (`/events`) instead of its logs. */
  readonly events?: boolean | undefined;
  readonly startup?: boolean | undefined;
  readonly onLine: (line: { readonly replica: string; readonly message: string }) => void;
  readonly signal: AbortSignal;
}

/** Streams the logs; a provider that cannot be reached is a warning, an unknown address an error. */
export async function streamStackLogs(
  deps: ApplyDeps,
  input: StreamStackLogsInput,
): Promise<{ diagnostics: Diagnostics }> {
  const targets = input.state.resources.flatMap((r) =>
    r.leases
      .filter((l) => l.leaseId !== null && l.provider !== null)
      .map((l) => ({
        address: slotAddress(r.address, l.key),
        resource: r.address,
        service: r.name,
        lease: l,
      }))
      .filter((t) => t.address === input.address || t.resource === input.address),
  );
  if (targets.length === 0) return { diagnostics: [unknownAddress(input)] };
  const providers = await deps.marketplace.readProviders(
    targets.map((t) => t.lease.provider ?? ''),
  );
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    targets.map(async (t, i) => {
      const p = providers[i];
      const leaseId = t.lease.leaseId ?? t.lease.orderId;
      const res =
        p === null || p === undefined
          ? ({ ok: false, kind: 'unreachable', message: 'provider not registered' } as const)
          : await deps.providerClient[input.events === true ? 'events' : 'logs'](
              { address: p.address, hostUri: p.hostUri, certificate: p.certificate },
              BigInt(leaseId),
              {
                service: t.service,
                follow: input.follow,
                tail: input.tail,
                startup: input.startup,
                signal: input.signal,
                onLine: (line) => input.onLine(splitLine(line)),
              },
            );
      if (!res.ok)
        diagnostics.push(
          unreachable(t.address, leaseId, res.kind === 'http' ? `HTTP ${res.status}` : res.message),
        );
    }),
  );
  return { diagnostics };
}

/** `[web-0] GET / 200` → replica `web-0`, message `GET / 200`. */
export function splitLine(line: string): { replica: string; message: string } {
  const m = /^\[([^\]]*)\] ?(.*)$/s.exec(line);
  return m === null ? { replica: '', message: line } : { replica: m[1] ?? '', message: m[2] ?? '' };
}

function unknownAddress(input: StreamStackLogsInput): Diagnostic {
  const known = input.state.resources.filter((r) => r.leases.length > 0).map((r) => r.address);
  return errorDiag({
    code: 'logs/unknown-address',
    summary: 'No lease at this address',
    detail: `"${input.address}" names no lease in the state (resources with leases: ${known.join(', ') || 'none'}).`,
    hint: 'Give a resource (instance.web) or slot (instance.web[0]) address from `leasehold status`.',
    address: input.address,
  });
}

function unreachable(address: string, leaseId: string, why: string): Diagnostic {
  return warningDiag({
    code: 'logs/provider-unreachable',
    summary: 'Provider did not serve the logs',
    detail: `The provider of lease ${leaseId} (${address}) did not serve its logs: ${why}.`,
    hint: 'Check `leasehold status`; try again when the provider is reachable.',
    address,
  });
}
