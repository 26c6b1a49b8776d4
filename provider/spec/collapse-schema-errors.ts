import type { ErrorObject } from 'ajv/dist/2020.js';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { listWords } from './describe-value.js';
import type { LocatedSchemaError } from './schema-error-to-diagnostic.js';
import { schemaErrorToDiagnostic, subject } from './schema-error-to-diagnostic.js';
import { formatPath } from './spec-path.js';

const isUnder = (child: ErrorObject, parent: ErrorObject): boolean =>
  child !== parent &&
  child.instancePath.startsWith(parent.instancePath) &&
  child.schemaPath.startsWith(`${parent.schemaPath}/`);

/** The names each `oneOf` branch requires, when every branch is a bare `required` (health probes). */
function requiredAlternatives(error: ErrorObject): string[] | undefined {
  const parent = error.parentSchema as { oneOf?: unknown } | undefined;
  const branches = Array.isArray(parent?.oneOf) ? (parent.oneOf as unknown[]) : [];
  const names = branches.map((b) => {
    const req = (b as { required?: unknown }).required;
    return Array.isArray(req) && req.length === 1 ? String(req[0]) : undefined;
  });
  return names.every((n) => n !== undefined) && names.length > 0 ? (names as string[]) : undefined;
}

function oneOfDiagnostic(located: LocatedSchemaError, names: readonly string[]): Diagnostic {
  const { error, path } = located;
  const passing = error.params['passingSchemas'];
  if (Array.isArray(passing)) {
    return errorDiag({
      code: 'spec/conflicting-fields',
      summary: 'Conflicting fields',
      detail: `${subject(path)} sets ${listWords(names, 'and')}; exactly one of them is allowed.`,
      hint: `Keep only one of ${listWords(names)}.`,
      path: formatPath(path),
    });
  }
  return errorDiag({
    code: 'spec/missing-field',
    summary: 'Missing required field',
    detail: `${subject(path)} sets none of ${listWords(names)}; exactly one is required.`,
    hint: `Add one of ${listWords(names)}.`,
    path: formatPath(path),
  });
}

/**
 * Collapses ajv's noise into one diagnostic per real problem: a `oneOf` over required fields
 * becomes one "missing"/"conflicting" diagnostic instead of a fan-out of branch errors, the inner
 * errors of `propertyNames` and the `discriminator` echo of a missing `type` are dropped.
 */
export function collapseSchemaErrors(errors: readonly LocatedSchemaError[]): Diagnostic[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, Diagnostic>();
  for (const located of errors) {
    const e = located.error;
    if (e.propertyName !== undefined) dropped.add(e);
    if (e.keyword === 'oneOf') {
      const names = requiredAlternatives(e);
      if (names === undefined) {
        dropped.add(e); // the branch errors below it say more than "must match one schema"
        continue;
      }
      for (const c of errors) if (isUnder(c.error, e)) dropped.add(c.error);
      replaced.set(e, oneOfDiagnostic(located, names));
    }
    if (e.keyword === 'discriminator' && e.params['error'] === 'tag') {
      const tag = String(e.params['tag']);
      const hasRequired = errors.some(
        (o) =>
          o.error.keyword === 'required' &&
          o.error.instancePath === e.instancePath &&
          o.error.params['missingProperty'] === tag,
      );
      if (hasRequired) dropped.add(e);
    }
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const located of errors) {
    if (dropped.has(located.error)) continue;
    const d = replaced.get(located.error) ?? schemaErrorToDiagnostic(located);
    const key = `${d.code}\u0000${d.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
