import type { SpecPath } from './spec-path.js';

/** Maps a field of a merged instance to where it was written: the instance, or `defaults`. */
export type InstancePath = (sub: SpecPath) => SpecPath;

/**
 * Builds the path mapper for one instance, so a bad value inherited from `defaults` is reported
 * at `defaults…`, where the user can fix it, not at an instance that never wrote it.
 */
export function instancePath(raw: unknown, name: string): InstancePath {
  return (sub) =>
    getIn(raw, sub) === undefined ? ['defaults', ...sub] : ['instances', name, ...sub];
}

function getIn(v: unknown, path: SpecPath): unknown {
  let cur: unknown = v;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
