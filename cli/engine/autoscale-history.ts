import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  AutoscaleDecisionEvent,
  AutoscaleHistory,
  AutoscaleResourceHistory,
  CycleDecision,
} from '../provider-api.js';
import { isCode, writeFileAtomic } from '../state/write-file-atomic.js';

/** Decisions kept in the history file: enough for `history` and its chart, bounded in size. */
export const MAX_DECISIONS = 500;
const MAX_RECOMMENDATIONS = 2000;
const MAX_EVENTS = 200;
const RECOMMENDATION_AGE_MS = 2 * 3_600_000;
const HOUR_MS = 3_600_000;

/** The history file and leader lock of a stack: beside its state file. */
export function autoscalePaths(
  stateLocation: string,
  stack: string,
): {
  readonly history: string;
  readonly leader: string;
} {
  const dir = dirname(stateLocation);
  return {
    history: join(dir, `${stack}.autoscale.json`),
    leader: join(dir, `${stack}.leader.json`),
  };
}

/** An empty history of `stack`. */
export function emptyAutoscaleHistory(stack: string): AutoscaleHistory {
  return { formatVersion: 1, stack, resources: {}, decisions: [] };
}

/**
 * Reads the history file; a missing file is an empty history, and an unreadable one too (it is a
 * cache of recent cycles, not a source of truth — the worst loss is one window of memory).
 */
export async function readAutoscaleHistory(file: string, stack: string): Promise<AutoscaleHistory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) return emptyAutoscaleHistory(stack);
    throw err;
  }
  try {
    const v = JSON.parse(text) as Partial<AutoscaleHistory>;
    if (v.formatVersion !== 1 || v.stack !== stack || typeof v.resources !== 'object')
      return emptyAutoscaleHistory(stack);
    return {
      formatVersion: 1,
      stack,
      resources: v.resources ?? {},
      decisions: Array.isArray(v.decisions) ? v.decisions : [],
    };
  } catch {
    return emptyAutoscaleHistory(stack);
  }
}

/** Writes the history atomically (temp file, fsync, rename), as state is written. */
export async function writeAutoscaleHistory(file: string, h: AutoscaleHistory): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(h) + '\n');
}

/** One decision and what became of it this cycle. */
export interface RecordedDecision {
  readonly decision: CycleDecision;
  readonly event: AutoscaleDecisionEvent;
  /** The count change was applied (an event is recorded for cooldown and rate policies). */
  readonly scaled: boolean;
  /** The replacements were attempted (they count against the hourly budget even if they failed). */
  readonly replaced: boolean;
}

/**
 * The history after a cycle (pure, bounded): recommendations appended, applied count changes and
 * attempted replacements recorded, the provider's memory kept, the decision events appended;
 * everything no rule can look at any more is dropped.
 */
export function recordAutoscaleCycle(
  history: AutoscaleHistory,
  cycle: readonly RecordedDecision[],
  now: number,
): AutoscaleHistory {
  const resources: Record<string, AutoscaleResourceHistory> = { ...history.resources };
  for (const { decision: d, scaled, replaced } of cycle) {
    const prior = resources[d.resource] ?? {
      recommendations: [],
      events: [],
      replacements: [],
      memory: null,
    };
    resources[d.resource] = {
      recommendations: [
        ...prior.recommendations,
        ...(d.recommendation === null ? [] : [d.recommendation]),
      ]
        .filter((r) => r.at > now - RECOMMENDATION_AGE_MS)
        .slice(-MAX_RECOMMENDATIONS),
      events: [
        ...prior.events,
        ...(scaled ? [{ at: now, from: d.current, to: d.desired }] : []),
      ].slice(-MAX_EVENTS),
      replacements: [...prior.replacements, ...(replaced ? d.replace : [])].filter(
        (r) => r.at > now - HOUR_MS || r.excludeUntil > now,
      ),
      memory: d.memory,
    };
  }
  return {
    ...history,
    resources,
    decisions: [...history.decisions, ...cycle.map((c) => c.event)].slice(-MAX_DECISIONS),
  };
}

/**
 * Providers kept out of each slot now (pure): the new replacements' providers plus every earlier
 * exclusion of the slot that has not expired, so a flapping slot never returns to a bad provider.
 */
export function activeExclusions(
  history: AutoscaleHistory,
  decisions: readonly CycleDecision[],
  now: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (slot: string, provider: string): void => {
    const list = out[slot] ?? [];
    if (provider !== '' && !list.includes(provider)) list.push(provider);
    out[slot] = list;
  };
  for (const d of decisions) {
    for (const r of d.replace) {
      add(r.slot, r.provider);
      for (const old of history.resources[d.resource]?.replacements ?? [])
        if (old.slot === r.slot && old.excludeUntil > now) add(r.slot, old.provider);
    }
  }
  return out;
}
