// `npm run bench`: runs every benchmark section and rewrites docs/benchmarks.md with the medians,
// the targets and the machine they were measured on.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApplyBench } from './apply.bench.js';
import { runAutoscaleBench } from './autoscale.bench.js';
import { runCliBench } from './cli.bench.js';
import { runDevnetBench } from './devnet.bench.js';
import { runPlanBench } from './plan.bench.js';
import { runStatePgBench } from './state-pg.bench.js';
import type { BenchSection } from './measure.js';
import { renderBenchmarks } from './render-benchmarks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// LEASEHOLD_BENCH=plan (or cli,devnet, or state-pg) runs only those sections and leaves docs/benchmarks.md as it
// is, since a partial run must not drop the other sections' rows.
const selected = (process.env['LEASEHOLD_BENCH'] ?? '').split(',').filter((s) => s !== '');
const all = {
  cli: runCliBench,
  devnet: runDevnetBench,
  plan: runPlanBench,
  apply: runApplyBench,
  autoscale: runAutoscaleBench,
  'state-pg': runStatePgBench,
} as const;
const chosen = Object.entries(all).filter(([k]) => selected.length === 0 || selected.includes(k));
const sections: BenchSection[] = [];
// The machine may be shared: its load at the start and the end goes beside the figures.
const loadAtStart = loadavg()[0] ?? 0;
// Sections run one after another: each starts (and stops) its own devnet.
for (const [, bench] of chosen) {
  const section = await bench(root);
  sections.push(section);
  for (const r of section.rows)
    process.stdout.write(`${section.title}: ${r.name} = ${r.value.toFixed(1)} ${r.unit}\n`);
  for (const line of section.notes ?? []) process.stdout.write(`${line}\n`);
  process.stdout.write(`(load average now ${(loadavg()[0] ?? 0).toFixed(1)})\n`);
}
if (selected.length > 0) process.exit(0);
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (${load})`;
writeFileSync(
  join(root, 'docs', 'benchmarks.md'),
  renderBenchmarks(sections, { machine, date: new Date() }),
);
process.stdout.write('Wrote docs/benchmarks.md\n');
