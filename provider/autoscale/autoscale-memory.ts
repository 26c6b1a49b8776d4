import type { ProbeOutcome } from '../health/health-types.js';
import type { PromSample } from '../metrics/parse-prometheus.js';

/** What the controller remembers of one instance's replicas between cycles (history `memory`). */
export interface AutoscaleMemory {
  /** Recent probe outcomes per replica id, oldest first. */
  readonly probes: Readonly<Record<string, readonly ProbeOutcome[]>>;
  /** The last successful scrape per replica id, only the series the policy reads. */
  readonly scrapes: Readonly<
    Record<string, { readonly at: number; readonly samples: readonly PromSample[] }>
  >;
  /** When each replica was first seen ready (ms), for providers that report no start time. */
  readonly readySince: Readonly<Record<string, number>>;
  /** Last seen restart count per replica id: a rise is a restart signal. */
  readonly restarts: Readonly<Record<string, number>>;
}

/** An empty memory. */
export const EMPTY_MEMORY: AutoscaleMemory = {
  probes: {},
  scrapes: {},
  readySince: {},
  restarts: {},
};

/**
 * Reads the memory stored in the history file (pure): anything not in the expected shape is
 * dropped, so a hand-edited or older file costs one cycle of memory, never a crash.
 */
export function parseAutoscaleMemory(v: unknown): AutoscaleMemory {
  if (typeof v !== 'object' || v === null) return EMPTY_MEMORY;
  const o = v as Record<string, unknown>;
  return {
    probes: record(o['probes'], (x) => (Array.isArray(x) ? x.filter(isProbe) : null)),
    scrapes: record(o['scrapes'], (x) => {
      if (typeof x !== 'object' || x === null) return null;
      const s = x as { at?: unknown; samples?: unknown };
      if (typeof s.at !== 'number' || !Array.isArray(s.samples)) return null;
      return { at: s.at, samples: s.samples.filter(isSample) };
    }),
    readySince: record(o['readySince'], (x) => (typeof x === 'number' ? x : null)),
    restarts: record(o['restarts'], (x) => (typeof x === 'number' ? x : null)),
  };
}

function record<T>(v: unknown, read: (x: unknown) => T | null): Record<string, T> {
  if (typeof v !== 'object' || v === null) return {};
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) {
    const r = read(x);
    if (r !== null) out[k] = r;
  }
  return out;
}

function isProbe(x: unknown): x is ProbeOutcome {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as { ok?: unknown; at?: unknown };
  return typeof p.ok === 'boolean' && typeof p.at === 'number';
}

function isSample(x: unknown): x is PromSample {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as { name?: unknown; value?: unknown; labels?: unknown };
  return typeof s.name === 'string' && typeof s.value === 'number' && typeof s.labels === 'object';
}
