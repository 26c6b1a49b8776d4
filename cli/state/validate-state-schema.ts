import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as AjvModule from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

const SCHEMA_FILE = join('schemas', 'state.schema.json');

/** Absolute path of `schemas/state.schema.json`, found from this module in the sources or in dist/. */
export function stateSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`${SCHEMA_FILE} not found above ${fileURLToPath(import.meta.url)}`);
}

let cached: ValidateFunction | undefined;

function compile(): ValidateFunction {
  // Required lazily so that commands which never read state (`--help`) never load ajv.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof AjvModule;
  const ajv = new Ajv2020({
    allErrors: false,
    strict: true,
    allowUnionTypes: true,
    validateSchema: false,
    code: { optimize: false },
  });
  const schema = JSON.parse(readFileSync(stateSchemaPath(), 'utf8')) as AjvModule.AnySchemaObject;
  return ajv.compile(schema);
}

/** The first schema problem of a parsed state file: where (JSON pointer) and what. */
export interface StateSchemaProblem {
  readonly jsonPath: string;
  readonly problem: string;
}

/**
 * Checks parsed state data against `schemas/state.schema.json` (compiled once, on first use);
 * returns the first problem, or null when the data is a valid state.
 */
export function validateStateSchema(data: unknown): StateSchemaProblem | null {
  cached ??= compile();
  if (cached(data)) return null;
  const first = cached.errors?.[0];
  if (first === undefined) return { jsonPath: '', problem: 'does not match the state schema' };
  const extra =
    first.keyword === 'additionalProperties'
      ? ` ("${String((first.params as { additionalProperty?: unknown }).additionalProperty)}")`
      : '';
  return { jsonPath: first.instancePath, problem: `${first.message ?? 'is invalid'}${extra}` };
}
