/**
 * How a network's providers are trusted over TLS (docs/networks.md#provider-tls):
 * - `pin`: the certificate each provider registered on chain is the only one accepted (default);
 * - `tofu`: trust on first use — the certificate a provider first presents is recorded in
 *   `$LEASEHOLD_HOME/known-provider-certificates.json`, and a different one later is refused;
 * - `insecure`: no verification at all (what the SDK's own proxy does), with a warning.
 * The profile declares it; `LEASEHOLD_PROVIDER_TLS` overrides it, as `LEASEHOLD_RPC_URL` and
 * `LEASEHOLD_RPC_RATE_LIMIT` override the profile's RPC settings.
 */
import { LeaseholdError } from '../../cli/diag/index.js';

/** A provider TLS policy. */
export type ProviderTlsPolicy = 'pin' | 'tofu' | 'insecure';

/** Every policy, in order of strictness. */
export const PROVIDER_TLS_POLICIES: readonly ProviderTlsPolicy[] = ['pin', 'tofu', 'insecure'];

/** The policy of a network that declares none. */
export const DEFAULT_PROVIDER_TLS: ProviderTlsPolicy = 'pin';

const isPolicy = (v: string): v is ProviderTlsPolicy =>
  (PROVIDER_TLS_POLICIES as readonly string[]).includes(v);

/** The policy in force: `LEASEHOLD_PROVIDER_TLS` wins, else the profile's, else `pin`. */
export function tlsPolicyInForce(
  declared: ProviderTlsPolicy | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ProviderTlsPolicy {
  const raw = env['LEASEHOLD_PROVIDER_TLS']?.trim();
  if (raw === undefined || raw === '') return declared ?? DEFAULT_PROVIDER_TLS;
  if (isPolicy(raw)) return raw;
  throw new LeaseholdError({
    code: 'network/provider-tls-invalid',
    summary: 'LEASEHOLD_PROVIDER_TLS is not a TLS policy',
    detail: `LEASEHOLD_PROVIDER_TLS is "${raw}"; it must be one of ${PROVIDER_TLS_POLICIES.join(', ')}.`,
    hint: "Set it to `pin` (the certificate registered on chain), `tofu` (trust on first use) or `insecure`, or unset it to use the network profile's policy.",
  });
}
