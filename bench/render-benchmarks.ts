import type { BenchSection } from './measure.js';

/** Renders the benchmark results as the markdown of docs/benchmarks.md. */
export function renderBenchmarks(
  sections: readonly BenchSection[],
  meta: { machine: string; date: Date },
): string {
  const out = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` — do not edit by hand. Medians of repeated runs; every number was measured',
    `on ${meta.machine}, on ${meta.date.toISOString().slice(0, 10)}.`,
    '',
  ];
  for (const s of sections) {
    out.push(
      `## ${s.title}`,
      '',
      '| measurement | median | target | met |',
      '| --- | ---: | --- | --- |',
    );
    for (const r of s.rows) {
      const met = r.pass === null ? '—' : r.pass ? 'yes' : '**no**';
      const value = `${r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)} ${r.unit}`;
      out.push(
        `| ${r.name}${r.note ? ` (${r.note})` : ''} | ${value} | ${r.target || '—'} | ${met} |`,
      );
    }
    out.push('');
    if (s.notes !== undefined && s.notes.length > 0) out.push(...s.notes, '');
  }
  return out.join('\n');
}
