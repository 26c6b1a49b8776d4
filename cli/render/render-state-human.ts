import type { StackState } from '../state/state-types.js';
import { formatTokenAmount } from '../../common/index.js';
import type { Style } from './style.js';

/**
 * The current state for `leasehold show` without a plan file: each resource with its leases, then
 * outputs (sensitive ones masked). Secrets are references in state, so nothing else needs masking.
 */
export function renderStateHuman(state: StackState | null, location: string, style: Style): string {
  if (state === null || state.resources.length === 0)
    return `No state at ${location}: nothing has been applied or imported for this stack.`;
  const out = [
    style.bold(
      `# Stack ${state.stack} on ${state.network.name} (serial ${state.serial}, lineage ${state.lineage})`,
    ),
    '',
  ];
  for (const r of state.resources) {
    out.push(style.bold(`# ${r.address}`));
    if (r.leases.length === 0) out.push('    (no leases)');
    for (const l of r.leases) {
      const id = l.leaseId === null ? `order ${l.orderId} (open)` : `lease ${l.leaseId}`;
      const price =
        l.acceptedPrice === null
          ? ''
          : `, ${formatTokenAmount(BigInt(l.acceptedPrice), 18)} base units per block`;
      out.push(
        `    [${JSON.stringify(l.key)}] ${id}, ${l.status}, ${l.replicas} replica(s) on ${l.provider ?? 'no provider yet'}${price}`,
      );
      for (const e of l.endpoints) out.push(`        ${e}`);
    }
    out.push('');
  }
  const outputs = Object.entries(state.outputs);
  if (outputs.length > 0) {
    out.push('Outputs:', '');
    for (const [name, o] of outputs)
      out.push(`${name} = ${o.sensitive ? '(sensitive value)' : JSON.stringify(o.value)}`);
  }
  return out.join('\n').trimEnd();
}
