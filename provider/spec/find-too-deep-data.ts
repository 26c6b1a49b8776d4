import type { SpecPath } from './spec-path.js';

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

function pathOf(frame: Frame): SpecPath {
  const out: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) out.push(f.key);
  return out.reverse();
}

/**
 * The spec path of the first mapping or list nested more than `maxDepth` deep in plain data, in
 * document order. Data read through aliases may be shared or even cyclic; the walk stops at
 * `maxDepth`, so a cycle is reported as too deep instead of looping.
 */
export function findTooDeepData(data: unknown, maxDepth: number): SpecPath | undefined {
  const stack: Frame[] = [{ value: data, depth: 0, key: undefined, parent: undefined }];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    const { value } = f;
    if (typeof value !== 'object' || value === null) continue;
    const depth = f.depth + 1;
    if (depth > maxDepth) return pathOf(f);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, depth, key, parent: f });
    }
  }
  return undefined;
}
