/**
 * What points back at this Leasehold install: the `$schema` line of the specs Leasehold writes
 * (the install root itself is common/package-root.ts's, the one home of that lookup).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { packageRoot } from '../../common/package-root.js';

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
  const own = join(packageRoot(), SPEC_SCHEMA);
  const rel = relative(dir, own);
  return rel.startsWith('..') || isAbsolute(rel) ? own : `./${rel}`;
}
