// Drives Leasehold as a library: plan a stack, apply it, print its endpoint, then (with
// --destroy) close everything. Run after `npm run build`:
//
//   node examples/library/deploy.mjs                # plan + apply examples/hello.yaml on the devnet
//   node examples/library/deploy.mjs --destroy      # …then destroy it again
//
// LEASEHOLD_EXAMPLE_SPEC and LEASEHOLD_EXAMPLE_STATE choose another spec and state file.
/* global AbortController */
import { fileURLToPath } from 'node:url';
import { apply, destroy, plan } from 'leasehold';

const file =
  process.env.LEASEHOLD_EXAMPLE_SPEC ?? fileURLToPath(new URL('../hello.yaml', import.meta.url));
const statePath = process.env.LEASEHOLD_EXAMPLE_STATE; // undefined: .leasehold/ beside the spec
const log = (line) => console.error(line);

// 1. Plan: what would change, and what it costs.
const planned = await plan({ file, statePath, log });
for (const c of planned.plan.changes) console.log(`plan: ${c.action} ${c.address}`);

// 2. Apply: a program approves by itself (or passes `confirm: async (plan) => …`).
const controller = new AbortController();
process.once('SIGINT', () => controller.abort()); // in-flight steps finish and are recorded
const res = await apply({
  file,
  statePath,
  log,
  autoApprove: true,
  signal: controller.signal,
  onEvent: (e) => console.log(`event: ${e.address} ${e.type}`),
});
if (res.status !== 'applied' && res.status !== 'no-changes') {
  for (const d of res.diagnostics) console.error(`${d.code}: ${d.summary} — ${d.detail ?? ''}`);
  process.exit(1);
}
console.log(`url: ${res.outputs['url']?.value ?? '(none)'}`);

// 3. Destroy, when asked.
if (process.argv.includes('--destroy')) {
  const gone = await destroy({ file, statePath, log, autoApprove: true });
  console.log(`destroy: ${gone.status}`);
  if (gone.status !== 'applied') process.exit(1);
}
