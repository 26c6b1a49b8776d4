/** The diagnostics of provider-side apply (docs/errors/apply.md lists every code). */
import { errorDiag, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';

/** `apply/no-match`: the order got no lease within the match timeout. */
export function noMatchDiag(a: {
  address: string;
  orderId: string;
  timeoutMs: number;
  reason: string;
  hint: string;
}): Diagnostic {
  return errorDiag({
    code: 'apply/no-match',
    summary: 'No provider matched the order',
    detail:
      `Order ${a.orderId} of ${a.address} got no lease within ${Math.round(a.timeoutMs / 1000)} s: ${a.reason}. ` +
      'Spheron cannot cancel an open order, so it stays open on chain; the slot was removed from the state, ' +
      'and if the order is matched later the next refresh adopts the lease (or plan deletes it).',
    hint: a.hint,
    address: a.address,
  });
}

/**
 * `apply/manifest-rejected`: the provider refused the manifest (422) — a new lease is closed; an
 * updated one keeps running its old manifest (also when the provider could not commit the update
 * on chain, e.g. the escrow cannot lock its new terms).
 */
export function manifestRejectedDiag(a: {
  address: string;
  leaseId: string;
  provider: string;
  reason: string;
  closed: boolean;
}): Diagnostic {
  return errorDiag({
    code: 'apply/manifest-rejected',
    summary: 'Provider rejected the manifest',
    detail:
      `Provider ${a.provider} refused the manifest of lease ${a.leaseId} (${a.address}): ${a.reason.replace(/\.+$/, '')}. ` +
      (a.closed ? 'The lease was closed.' : 'The lease keeps running what it ran before.'),
    hint: a.closed
      ? 'Fix what the provider names in the instance spec, then run apply again.'
      : 'Fix what the provider names (the instance spec, or the escrow the update locks), then run apply again.',
    address: a.address,
  });
}

/** `apply/manifest-failed`: the manifest could not be delivered before the timeout. */
export function manifestFailedDiag(a: {
  address: string;
  leaseId: string;
  provider: string;
  attempts: number;
  lastError: string;
  closed: boolean;
}): Diagnostic {
  return errorDiag({
    code: 'apply/manifest-failed',
    summary: 'Manifest could not be delivered',
    detail:
      `The manifest of lease ${a.leaseId} (${a.address}) did not reach provider ${a.provider} after ${a.attempts} attempts; last error: ${a.lastError}. ` +
      (a.closed
        ? 'The lease was closed so it does not bill for nothing.'
        : 'The lease keeps running what it ran before.'),
    hint: 'Run apply again later: a new lease is ordered, possibly from another provider.',
    address: a.address,
  });
}

/** `apply/not-ready`: the replicas did not become ready in time; the lease is kept, tainted. */
export function notReadyDiag(a: {
  address: string;
  leaseId: string;
  ready: number;
  total: number;
  timeoutMs: number;
  lastError: string | null;
}): Diagnostic {
  return errorDiag({
    code: 'apply/not-ready',
    summary: 'Lease did not become ready in time',
    detail:
      `Lease ${a.leaseId} (${a.address}) had ${a.ready} of ${a.total} replicas ready after ${Math.round(a.timeoutMs / 1000)} s` +
      `${a.lastError === null ? '' : ` (last status error: ${a.lastError})`}. The lease is kept and marked tainted.`,
    hint: 'Check `leasehold logs` for the slot; the next apply replaces the tainted lease.',
    address: a.address,
  });
}

/** `apply/unhealthy`: the health check did not pass within the ready timeout. */
export function unhealthyDiag(a: { address: string; leaseId: string; reason: string }): Diagnostic {
  return errorDiag({
    code: 'apply/unhealthy',
    summary: 'Health check did not pass',
    detail: `Lease ${a.leaseId} (${a.address}) is running but its health check kept failing: ${a.reason}. The lease is kept and marked tainted.`,
    hint: 'Check the health check path and port against the workload, then run apply again.',
    address: a.address,
  });
}

/** `apply/update-refused`: the provider did not accept the in-place update. */
export function updateRefusedDiag(a: {
  address: string;
  leaseId: string;
  timeoutMs: number;
}): Diagnostic {
  return errorDiag({
    code: 'apply/update-refused',
    summary: 'Provider did not accept the update',
    detail: `Lease ${a.leaseId} (${a.address}) got no UpdateRequestAccepted within ${Math.round(a.timeoutMs / 1000)} s; it keeps running as before.`,
    hint: `Replace the slot instead: \`leasehold apply --replace '${a.address}'\`.`,
    address: a.address,
  });
}

/** `apply/interrupted`: Ctrl-C stopped the slot at a safe point; what was done is recorded. */
export function interruptedDiag(address: string, phase: string): Diagnostic {
  return errorDiag({
    code: 'apply/interrupted',
    summary: 'Apply was interrupted',
    detail: `${address} stopped ${phase}; everything sent so far is recorded in the state.`,
    hint: 'Run apply again: it resumes from what the chain says.',
    address,
  });
}

/** `apply/order-left-open`: a slot with an open order and no lease was dropped. */
export function orderLeftOpenDiag(address: string, orderId: string): Diagnostic {
  return warningDiag({
    code: 'apply/order-left-open',
    summary: 'Open order cannot be cancelled',
    detail: `Order ${orderId} of ${address} was never matched; Spheron cannot cancel an open order, so it stays open on chain.`,
    hint: 'Nothing to do now: if it is matched later, refresh adopts the lease and plan deletes it.',
    address,
  });
}
