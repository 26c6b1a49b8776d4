import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Returns the directory of Leasehold's own package.json, from source (ts-jest) or from dist/. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && isLeasehold(candidate)) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `package.json named "leasehold" not found above ${fileURLToPath(import.meta.url)}`,
      );
    dir = parent;
  }
}

function isLeasehold(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { name?: unknown }).name === 'leasehold'
    );
  } catch {
    // An unreadable or half-written package.json on the way up is simply not ours.
    return false;
  }
}
