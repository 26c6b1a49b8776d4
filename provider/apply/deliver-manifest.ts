/**
 * Sends a slot's manifest to its matched provider with retry (a provider may not have seen the lease yet, or be briefly down). The secret values are
 * in the manifest sent and nowhere else: the recorded hash is of the manifest with references, and
 * the record keeps only the values' salted HMACs (to notice a rotated secret at the next plan).
 */
import { redact } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { toCompactManifest } from '../../wire/compact-manifest.js';
import { encodeManifest } from '../marketplace/encode-manifest.js';
import { orderProtocol } from '../marketplace/encode-order.js';
import { secretSources } from '../resources/instance/changed-secrets.js';
import type { ProviderEndpoint } from '../marketplace/marketplace-types.js';
import { manifestFailedDiag, manifestRejectedDiag } from './apply-diagnostics.js';
import { sendManifestWithRetry } from './send-manifest-with-retry.js';
import type { ApplyDeps, SlotSpec } from './slot-context.js';

/** Inputs of {@link deliverManifest}. */
export interface DeliverManifestInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly spec: SlotSpec;
  /** The matched lease (leaseId and provider set). */
  readonly record: LeaseRecord;
  /** A new lease is closed when its manifest fails; an updated one keeps running. */
  readonly closeOnFailure: boolean;
}

/** Delivered (the record with its manifest hash), or failed with the diagnostic. */
export type DeliverManifestResult =
  | { readonly kind: 'sent'; readonly record: LeaseRecord; readonly endpoint: ProviderEndpoint }
  | { readonly kind: 'failed'; readonly closed: boolean; readonly diagnostic: Diagnostic };

/** The provider endpoint of a lease, read from the registry (host and pinned certificate). */
export async function providerEndpoint(
  deps: ApplyDeps,
  provider: string,
): Promise<ProviderEndpoint> {
  const [info] = await deps.marketplace.readProviders([provider]);
  return {
    address: provider,
    hostUri: info?.hostUri ?? '',
    certificate: info?.certificate ?? null,
  };
}

/** Sends the manifest; on refusal or give-up closes a new lease and reports. */
export async function deliverManifest(input: DeliverManifestInput): Promise<DeliverManifestResult> {
  const { deps, req, spec, record } = input;
  const leaseId = record.leaseId ?? record.orderId;
  const provider = record.provider ?? '';
  const endpoint = await providerEndpoint(deps, provider);
  const { manifest, manifestHash } = encodeManifest({
    ...spec,
    secretValues: Object.fromEntries(req.secrets),
  });
  const at = (): string => deps.now().toISOString();
  const address = req.change.address;
  // A v2 order takes the compact manifest (POST on create, PUT on update); the hash stays that
  // of the Akash-style form, so state compares the same whichever version carried it.
  const v2 = orderProtocol(spec.model.placement) === 'v2';
  const res = await sendManifestWithRetry({
    client: deps.providerClient,
    provider: endpoint,
    leaseId: BigInt(leaseId),
    manifest: v2 ? toCompactManifest(manifest) : manifest,
    send: { version: v2 ? 2 : 1, update: !input.closeOnFailure },
    timeoutMs: req.timeouts.manifestMs,
    signal: req.signal,
    onRetry: (attempt, reason) =>
      req.emit({ type: 'manifest-retry', address, at: at(), leaseId, attempt, reason }),
  });
  if (res.kind === 'sent') {
    req.emit({ type: 'manifest-sent', address, at: at(), leaseId, attempt: res.attempts });
    return {
      kind: 'sent',
      record: withSecretHmacs({ ...record, manifestHash, updatedAt: at() }, spec, req.secretHmacs),
      endpoint,
    };
  }
  const closed = input.closeOnFailure ? await closeQuietly(deps, req, leaseId) : false;
  const secrets = [...req.secrets.values()];
  const base = { address, leaseId, provider, closed };
  return {
    kind: 'failed',
    closed,
    diagnostic:
      res.kind === 'rejected'
        ? manifestRejectedDiag({ ...base, reason: redact(res.reason, secrets) })
        : manifestFailedDiag({
            ...base,
            attempts: res.attempts,
            lastError: redact(res.lastError, secrets),
          }),
  };
}

/**
 * The record of a lease that just received the manifest, with the HMACs of the secret values it
 * carried; a value apply gave no HMAC for is left unknown (an older record's HMAC no longer holds).
 */
function withSecretHmacs(
  record: LeaseRecord,
  spec: SlotSpec,
  hmacs: ReadonlyMap<string, string> | undefined,
): LeaseRecord {
  const { secretHmacs: _old, ...rest } = record;
  const sent: [string, string][] = [];
  for (const { fromEnv } of secretSources(spec.model)) {
    const h = hmacs?.get(fromEnv);
    if (h !== undefined && !sent.some(([name]) => name === fromEnv)) sent.push([fromEnv, h]);
  }
  if (sent.length === 0) return rest;
  return { ...rest, secretHmacs: Object.fromEntries(sent.sort(([a], [b]) => (a < b ? -1 : 1))) };
}

async function closeQuietly(
  deps: ApplyDeps,
  req: ApplySlotRequest,
  leaseId: string,
): Promise<boolean> {
  const handle = await req.journal({
    operation: 'close-lease',
    address: req.change.resource,
    key: req.change.key ?? '0',
    orderId: leaseId,
    txHash: null,
  });
  await deps.marketplace.closeLease(BigInt(leaseId));
  await handle.clear();
  req.emit({
    type: 'lease-closed',
    address: req.change.address,
    at: deps.now().toISOString(),
    leaseId,
    released: null,
  });
  return true;
}
