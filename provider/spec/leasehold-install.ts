/**
 * Where this Leasehold is installed, for what points back at it: the `file:` dependency of a CDK
 * scaffold and the `$schema` line of the specs Leasehold writes. Reads only this package's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The install root (the directory of Leasehold's package.json) and its version. */
export interface LeaseholdInstall {
  readonly root: string;
  readonly version: string;
}

let cached: LeaseholdInstall | undefined;

/** The nearest package.json named `leasehold` above this file (in `dist/` or the sources). */
export function leaseholdInstall(): LeaseholdInstall {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'leasehold' && typeof pkg.version === 'string') {
        cached = { root: dir, version: pkg.version };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('leasehold: no package.json named leasehold above ' + dir);
    dir = parent;
  }
}

/** The spec schema inside a Leasehold install. */
const SPEC_SCHEMA = join('schemas', 'spec.schema.json');

/**
 * What a spec written into `dir` puts after `$schema=` so that it names a file that exists: the
 * project's own `node_modules/leasehold` copy when it has one (portable, fit to commit), else this
 * install's schema — relative when it lies below `dir`, absolute otherwise.
 */
export function specSchemaRef(dir: string): string {
  const local = join('node_modules', 'leasehold', SPEC_SCHEMA);
  if (existsSync(join(dir, local))) return `./${local}`;
  const own = join(leaseholdInstall().root, SPEC_SCHEMA);
  const rel = relative(dir, own);
  return rel.startsWith('..') || isAbsolute(rel) ? own : `./${rel}`;
}
