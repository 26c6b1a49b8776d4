/**
 * Spec paths: the segments that lead to a value (`['instances', 'web', 'ports', 0, 'port']`) and
 * their printed form (`instances.web.ports[0].port`), which is what diagnostics carry in `path`.
 */

export type SpecPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Prints a path: dots between plain keys, `[n]` for indexes, `["odd key"]` for anything else. */
export function formatPath(path: SpecPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads a printed path back into segments; the inverse of `formatPath`. */
export function parsePath(text: string): SpecPath {
  const segs: (string | number)[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[3] !== undefined) segs.push(JSON.parse(m[3]) as string);
  }
  return segs;
}
