import { formatAutoscaleEvent } from '../engine/autoscale-event.js';
import type { AutoscaleDecisionEvent } from '../provider-api.js';
import type { Style } from './style.js';

/** How to draw: Unicode blocks on a terminal, ASCII otherwise. */
export interface HistoryRenderOptions {
  readonly style: Style;
  readonly unicode: boolean;
  /** Chart columns at most (one per decision, the newest on the right). @default 60 */
  readonly width?: number | undefined;
  /** Chart rows. @default 6 */
  readonly height?: number | undefined;
}

/**
 * `autoscale history` for humans (pure): per instance, a chart of the replica count and one of the
 * first metric against its target over the recent decisions, then the decisions as lines.
 */
export function renderAutoscaleHistory(
  decisions: readonly AutoscaleDecisionEvent[],
  opts: HistoryRenderOptions,
): string {
  if (decisions.length === 0) return 'No autoscale decisions yet: run `leasehold autoscale`.';
  const width = opts.width ?? 60;
  const out: string[] = [];
  for (const resource of [...new Set(decisions.map((d) => d.resource))].sort()) {
    const mine = decisions.filter((d) => d.resource === resource).slice(-width);
    const first = mine.at(0)?.at ?? '';
    const last = mine.at(-1)?.at ?? '';
    out.push(opts.style.bold(`${resource}  ${first.slice(11, 19)} → ${last.slice(11, 19)}`));
    out.push(
      ...renderChart(
        'replicas',
        mine.map((d) => d.current),
        null,
        opts,
      ),
    );
    const metric = mine.find((d) => d.metrics.length > 0)?.metrics[0];
    if (metric !== undefined) {
      const values = mine.map((d) => d.metrics.find((m) => m.name === metric.name)?.value ?? null);
      out.push(...renderChart(metric.name, values, metric.target, opts));
    }
    out.push('');
  }
  out.push(...decisions.map((d) => formatAutoscaleEvent(d)));
  return out.join('\n');
}

/** A column chart of `values` (null = no value), with an optional target row marked. */
export function renderChart(
  label: string,
  values: readonly (number | null)[],
  target: number | null,
  opts: HistoryRenderOptions,
): string[] {
  const height = opts.height ?? 6;
  const top = Math.max(1, target ?? 0, ...values.map((v) => v ?? 0));
  const full = opts.unicode ? '█' : '#';
  const none = opts.unicode ? '·' : '.';
  const level = (v: number): number => Math.round((v / top) * height);
  const targetRow = target === null ? null : Math.max(1, level(target));
  const rows: string[] = [];
  const axis = String(round(top)).length;
  for (let row = height; row >= 1; row -= 1) {
    const cells = values
      .map((v) => {
        if (v !== null && level(v) >= row) return full;
        if (row === targetRow) return '-';
        return row === 1 && v === null ? none : ' ';
      })
      .join('');
    const tick =
      row === height ? String(round(top)) : row === targetRow ? String(round(target ?? 0)) : '';
    rows.push(`${tick.padStart(axis)} |${cells}`);
  }
  const title = target === null ? label : `${label} (target ${round(target)}, - marks it)`;
  return [opts.style.dim(title), ...rows, `${' '.repeat(axis)} +${'-'.repeat(values.length)}`];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
