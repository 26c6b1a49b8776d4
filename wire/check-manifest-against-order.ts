/**
 * A provider accepts a manifest only for what the order paid for: every service must be in the
 * order, and no replica may ask for more CPU, memory, storage or GPU than the order declared.
 */
import { errorDiag } from '../common/diag/index.js';
import type { Diagnostic, Diagnostics } from '../common/diag/index.js';
import type { Manifest, ManifestService } from './manifest.js';
import type { OrderSpec, SpecService } from './order-spec.js';

const q = (v: { val: string } | undefined): bigint => BigInt(v?.val ?? '0');

/** Compares a parsed manifest with the order's decoded spec; an empty result means it fits. */
export function checkManifestAgainstOrder(manifest: Manifest, spec: OrderSpec): Diagnostics {
  const diags: Diagnostic[] = [];
  const ordered = new Map(spec.services.map((s) => [s.name, s]));
  for (const group of manifest) {
    group.services.forEach((svc, i) => {
      const path = `0.services.${i}`;
      const want = ordered.get(svc.name);
      if (want === undefined) {
        diags.push(
          errorDiag({
            code: 'devnet-provider/manifest-service-not-ordered',
            summary: 'Manifest names a service the order does not have',
            detail: `Service "${svc.name}" is not in the order (ordered: ${[...ordered.keys()].join(', ') || 'none'}).`,
            hint: 'Send the manifest built from the same spec as the order.',
            path: `${path}.name`,
          }),
        );
        return;
      }
      diags.push(...exceeded(svc, want, path));
    });
  }
  return diags;
}

function exceeded(svc: ManifestService, want: SpecService, path: string): Diagnostic[] {
  const r = svc.resources;
  const storage = (r.storage ?? []).reduce((sum, s) => sum + q(s.size), 0n);
  const wantStorage = want.resources.storage.reduce((sum, s) => sum + BigInt(s.bytes), 0n);
  const checks: [string, bigint, bigint][] = [
    ['cpu millicores', q(r.cpu.units), BigInt(want.resources.cpuMillis)],
    ['memory bytes', q(r.memory.size), BigInt(want.resources.memoryBytes)],
    ['storage bytes', storage, wantStorage],
    ['gpu units', q(r.gpu?.units), BigInt(want.resources.gpuUnits)],
  ];
  return checks
    .filter(([, got, max]) => got > max)
    .map(([what, got, max]) =>
      errorDiag({
        code: 'devnet-provider/manifest-exceeds-order',
        summary: 'Manifest asks for more than the order',
        detail: `Service "${svc.name}" asks for ${got} ${what} per replica; the order allows ${max}.`,
        hint: 'Update the order first (updateInitialOrder), then send the larger manifest.',
        path: `${path}.resources`,
      }),
    );
}
