import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

// Compiles schemas/cli/*.schema.json so e2e tests can check real --json output against the
// published contract (STYLE §17).
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'schemas/cli');

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
for (const f of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(dir, f), 'utf8')) as object);
}

/** The validator of `schemas/cli/<name>.schema.json` (or a `#/$defs/...` fragment of it). */
export function cliSchema(name: string, fragment = ''): ValidateFunction {
  const id = `https://leasehold.dev/schemas/cli/${name}.schema.json${fragment}`;
  const fn = ajv.getSchema(id);
  if (fn === undefined) throw new Error(`no schema ${id}`);
  return fn;
}
