/** A path into an attribute value: object keys and array indexes. */
export type AttrPath = readonly (string | number)[];

/** The dotted form the Plan uses (`secrets.0.name`). */
export function dottedPath(path: AttrPath): string {
  return path.join('.');
}

/**
 * Whether `path` lies under one of the dotted patterns (`secrets.*`, `credentials.password`): a
 * pattern matches its own path and everything beneath it, and `*` matches any one segment.
 */
export function isUnderPattern(path: AttrPath, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const segs = pattern.split('.');
    if (segs.length > path.length) return false;
    return segs.every((s, i) => s === '*' || s === String(path[i]));
  });
}
