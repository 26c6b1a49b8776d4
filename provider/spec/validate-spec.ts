import { hasErrors } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { StackSpec } from './spec-types.js';
import { validateSchema } from './validate-schema.js';
import { validateSemantics } from './validate-semantics.js';

/** Schema, then (only when the schema passes) semantic rules: every problem with its spec path. */
export function validateSpec(data: unknown): Diagnostic[] {
  const schema = validateSchema(data);
  if (hasErrors(schema)) return schema;
  return [...schema, ...validateSemantics(data as StackSpec)];
}
