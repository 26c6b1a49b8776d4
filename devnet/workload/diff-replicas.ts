/**
 * How a new manifest changes one service's replicas (pure), as a Kubernetes Deployment does: a
 * count change keeps the replicas that exist and adds or removes the difference, so a scale-out
 * or scale-in never interrupts the replicas that stay; a change of what each replica runs (image,
 * env, command, ports, resources) replaces them all.
 */
import type { ManifestService } from '../../wire/manifest.js';

/** One service's replicas before, or as the new manifest wants them. */
export interface ReplicaSet {
  /** What each replica runs: {@link replicaTemplate} of its service. */
  readonly template: string;
  readonly count: number;
}

/** Replica indices to stop and to start; every other index before `count` keeps running. */
export interface DiffReplicasResult {
  /** Replicas 0 … keep−1 keep running untouched (same listeners, same counters). */
  readonly keep: number;
  readonly stop: readonly number[];
  readonly start: readonly number[];
}

/** The replicas to keep, stop and start to go from `prior` (null: none yet) to `next`. */
export function diffReplicas(prior: ReplicaSet | null, next: ReplicaSet): DiffReplicasResult {
  const same = prior !== null && prior.template === next.template;
  const keep = same ? Math.min(prior.count, next.count) : 0;
  return {
    keep,
    stop: range(keep, prior?.count ?? 0),
    start: range(keep, next.count),
  };
}

/** Everything of a service but its count, as one comparable string (keys sorted at every level). */
export function replicaTemplate(svc: ManifestService): string {
  const rest: Record<string, unknown> = { ...svc };
  delete rest['count'];
  return JSON.stringify(sortKeys(rest));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
