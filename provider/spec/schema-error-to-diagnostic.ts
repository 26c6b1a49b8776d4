import { isRecord } from '../../common/index.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { isSensitivePath, listWords, quoteValue, typeName, typeOf } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './spec-path.js';
import type { SpecPath } from './spec-path.js';

/** An ajv error whose data location is already a spec path. */
export interface LocatedSchemaError {
  readonly error: ErrorObject;
  readonly path: SpecPath;
}

type Schema = Record<string, unknown>;

const asSchema = (v: unknown): Schema => (isRecord(v) ? v : {});

/** The field, quoted, or "The stack" at the root. */
export function subject(path: SpecPath): string {
  return path.length === 0 ? 'The stack' : `\`${formatPath(path)}\``;
}

function examplesOf(schema: Schema): string[] {
  const ex = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
  return ex.filter((e) => typeof e !== 'object').map(String);
}

function firstSentence(schema: Schema): string {
  const d = typeof schema['description'] === 'string' ? schema['description'] : '';
  return (d.split(/(?<=\.)\s/)[0] ?? d).replace(/\.$/, '');
}

function unknownField({ error, path }: LocatedSchemaError): Diagnostic {
  const key = String(error.params['additionalProperty']);
  const allowed = Object.keys(asSchema(asSchema(error.parentSchema)['properties']));
  const guess = didYouMean(key, allowed);
  const where = path.length === 0 ? 'the stack' : `\`${formatPath(path)}\``;
  return errorDiag({
    code: 'spec/unknown-field',
    summary: 'Unknown field',
    detail: `${quoteValue(key, [])} is not a field of ${where}; allowed fields are ${listWords(allowed, 'and')}.`,
    hint: guess === undefined ? `Remove ${quoteValue(key, [])}.` : `Did you mean \`${guess}\`?`,
    path: formatPath([...path, key]),
  });
}

function missingField({ error, path }: LocatedSchemaError): Diagnostic {
  const name = String(error.params['missingProperty']);
  const prop = asSchema(asSchema(asSchema(error.parentSchema)['properties'])[name]);
  const example = examplesOf(prop)[0];
  return errorDiag({
    code: 'spec/missing-field',
    summary: 'Missing required field',
    detail: `${subject(path)} has no \`${name}\`, which is required.`,
    hint:
      example === undefined
        ? `Add \`${name}\`.`
        : `Add \`${name}\`, for example \`${name}: ${example}\`.`,
    path: formatPath([...path, name]),
  });
}

function wrongTypeHint(error: ErrorObject, expected: string, types: readonly string[]): string {
  const schema = asSchema(error.parentSchema);
  if ('fromEnv' in asSchema(schema['properties'])) {
    return 'Read it from an environment variable, `{ fromEnv: VARIABLE_NAME }`; never write the value into the spec.';
  }
  const wantsText = types.includes('a string');
  if (wantsText && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
    return 'Put the value in quotes, so that YAML reads it as text.';
  }
  const examples = examplesOf(schema);
  return examples.length > 0
    ? `Write it like ${listWords(examples)}.`
    : `Change it to ${expected}.`;
}

function wrongType({ error, path }: LocatedSchemaError): Diagnostic {
  const raw = error.params['type'];
  const types = (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).map(typeName);
  const expected =
    types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1) ?? ''}` : types.join('');
  const found = typeName(typeOf(error.data));
  const scalar = error.data !== null && typeof error.data !== 'object';
  const quoted = scalar && !isSensitivePath(path) ? ` (${quoteValue(error.data, path)})` : '';
  return errorDiag({
    code: 'spec/wrong-type',
    summary: 'Wrong type',
    detail: `${subject(path)} is ${found}${quoted}; it must be ${expected}.`,
    hint: wrongTypeHint(error, expected, types),
    path: formatPath(path),
  });
}

function invalidValue({ error, path }: LocatedSchemaError): Diagnostic {
  const allowed: unknown[] =
    error.keyword === 'const'
      ? [error.params['allowedValue']]
      : ((error.params['allowedValues'] as unknown[]) ?? []);
  const words = allowed.map(String);
  const value = error.data;
  const guess = typeof value === 'string' ? didYouMean(value, words) : undefined;
  let hint = words.length === 1 ? `Use \`${words[0] ?? ''}\`.` : `Use one of ${listWords(words)}.`;
  if (guess !== undefined) hint = `Did you mean \`${guess}\`?`;
  if (value === 'Pods' && words.includes('Replicas'))
    hint = 'Use `Replicas` (Kubernetes HPA calls it `Pods`).';
  return errorDiag({
    code: 'spec/invalid-value',
    summary: 'Value not allowed',
    detail: `${subject(path)} is ${quoteValue(value, path)}; allowed ${words.length === 1 ? 'value is' : 'values are'} ${listWords(words, 'and')}.`,
    hint,
    path: formatPath(path),
  });
}

function invalidFormat({ error, path }: LocatedSchemaError): Diagnostic {
  const schema = asSchema(error.parentSchema);
  const examples = examplesOf(schema);
  const rule = firstSentence(schema);
  const secret = isSensitivePath(path);
  return errorDiag({
    code: 'spec/invalid-format',
    summary: 'Invalid format',
    detail: `${subject(path)} is ${quoteValue(error.data, path)}, which is not valid here${rule === '' ? '' : `: ${rule}`}.`,
    hint:
      examples.length > 0 && !secret
        ? `Use a value like ${listWords(examples)}.`
        : `Write it as the description says (pattern \`${String(error.params['pattern'])}\`).`,
    path: formatPath(path),
  });
}

const COMPARISON: Record<string, string> = {
  '>=': 'at least',
  '>': 'more than',
  '<=': 'at most',
  '<': 'less than',
};

const plural = (n: string, one: string, many: string): string => (n === '1' ? one : many);

function outOfRange({ error, path }: LocatedSchemaError): Diagnostic {
  const limit = String(error.params['limit']);
  const kw = error.keyword;
  const bound = kw.startsWith('min') ? 'at least' : 'at most';
  let found = `is ${quoteValue(error.data, path)}`;
  let rule = `be ${COMPARISON[String(error.params['comparison'])] ?? bound} ${limit}`;
  let hint = `Set it to ${rule.slice(3)}.`;
  if (kw === 'minItems' || kw === 'maxItems') {
    const n = String(Array.isArray(error.data) ? error.data.length : 0);
    found = `has ${n} ${plural(n, 'item', 'items')}`;
    rule = `have ${bound} ${limit} ${plural(limit, 'item', 'items')}`;
    hint = `Give it ${rule.slice(5)}.`;
  } else if (kw === 'minProperties' || kw === 'maxProperties') {
    const n = String(Object.keys(asSchema(error.data)).length);
    found = `has ${n} ${plural(n, 'entry', 'entries')}`;
    rule = `have ${bound} ${limit} ${plural(limit, 'entry', 'entries')}`;
    hint = `Give it ${rule.slice(5)}.`;
  } else if (kw === 'minLength' || kw === 'maxLength') {
    rule = `be ${bound} ${limit} ${plural(limit, 'character', 'characters')} long`;
    hint = `Make it ${rule.slice(3)}.`;
  }
  return errorDiag({
    code: 'spec/out-of-range',
    summary: 'Value out of range',
    detail: `${subject(path)} ${found}; it must ${rule}.`,
    hint,
    path: formatPath(path),
  });
}

function duplicateItem({ error, path }: LocatedSchemaError): Diagnostic {
  const i = Number(error.params['i']);
  const j = Number(error.params['j']);
  const item: unknown = Array.isArray(error.data) ? error.data[i] : undefined;
  return errorDiag({
    code: 'spec/duplicate-item',
    summary: 'Duplicate list item',
    detail: `${subject(path)} lists ${quoteValue(item, path)} twice (items ${Math.min(i, j)} and ${Math.max(i, j)}).`,
    hint: 'Remove the duplicate.',
    path: formatPath([...path, Math.max(i, j)]),
  });
}

function invalidName({ error, path }: LocatedSchemaError): Diagnostic {
  const name = String(error.params['propertyName']);
  const env = path.at(-1) === 'env';
  const envLike = env || path.at(-1) === 'secrets';
  const rule = env
    ? 'letters, digits, underscores, dots and dashes, starting with a letter or underscore'
    : envLike
      ? 'letters, digits and underscores, not starting with a digit'
      : 'lowercase letters, digits and dashes, starting with a letter, at most 63 characters';
  const fixed = env
    ? name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^([^A-Za-z_])/, '_$1')
    : envLike
      ? name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1')
      : name
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-')
          .replace(/^[^a-z]+/, '')
          .slice(0, 63);
  return errorDiag({
    code: 'spec/invalid-name',
    summary: 'Invalid name',
    detail: `${quoteValue(name, [])} is not a valid name in ${subject(path)}: names use ${rule}.`,
    hint:
      fixed === '' || fixed === name ? `Rename it using ${rule}.` : `Rename it to \`${fixed}\`.`,
    path: formatPath([...path, name]),
  });
}

function unknownDiscriminator({ error, path }: LocatedSchemaError): Diagnostic {
  const tag = String(error.params['tag']);
  const branches = asSchema(error.parentSchema)['oneOf'];
  const allowed = (Array.isArray(branches) ? branches : []).map((b) =>
    String(asSchema(asSchema(asSchema(b)['properties'])[tag])['const']),
  );
  const tagPath = [...path, tag];
  if (error.params['error'] !== 'mapping') {
    return wrongType({
      error: { ...error, params: { type: 'string' }, data: asSchema(error.data)[tag] },
      path: tagPath,
    });
  }
  return invalidValue({
    error: {
      ...error,
      keyword: 'enum',
      params: { allowedValues: allowed },
      data: error.params['tagValue'],
    },
    path: tagPath,
  });
}

function generic({ error, path }: LocatedSchemaError): Diagnostic {
  return errorDiag({
    code: 'spec/invalid-value',
    summary: 'Value not allowed',
    detail: `${subject(path)} ${error.message ?? 'is not valid'}.`,
    hint: 'Change the value to match the schema (schemas/spec.schema.json).',
    path: formatPath(path),
  });
}

const HANDLERS: Record<string, (e: LocatedSchemaError) => Diagnostic> = {
  additionalProperties: unknownField,
  required: missingField,
  type: wrongType,
  enum: invalidValue,
  const: invalidValue,
  pattern: invalidFormat,
  minimum: outOfRange,
  maximum: outOfRange,
  exclusiveMinimum: outOfRange,
  exclusiveMaximum: outOfRange,
  minItems: outOfRange,
  maxItems: outOfRange,
  minProperties: outOfRange,
  maxProperties: outOfRange,
  minLength: outOfRange,
  maxLength: outOfRange,
  uniqueItems: duplicateItem,
  propertyNames: invalidName,
  discriminator: unknownDiscriminator,
};

/** Turns one ajv error into the diagnostic a user reads (code, summary, detail, hint, path). */
export function schemaErrorToDiagnostic(located: LocatedSchemaError): Diagnostic {
  return (HANDLERS[located.error.keyword] ?? generic)(located);
}
