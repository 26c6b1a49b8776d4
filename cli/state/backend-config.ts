import { LeaseholdError } from '../diag/index.js';

/** The state backend a stack uses: the local file (default) or PostgreSQL. */
export type BackendConfig =
  | { readonly type: 'local' }
  | {
      readonly type: 'pg';
      /** Schema holding Leasehold's tables. @default "leasehold" */
      readonly schema: string;
      /** State versions kept per stack. @default 100 */
      readonly keep: number;
    };

/** The spec's `backend` block as the model carries it (no connection details, ever). */
export interface SpecBackend {
  readonly type: string;
  readonly schema?: string | undefined;
  readonly keep?: number | undefined;
}

/** Where a backend choice comes from, lowest precedence first. */
export interface ResolveBackendInput {
  readonly spec?: SpecBackend | null | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--backend-config key=value`, repeatable: `type=pg`, `schema=ops`, `keep=50`. */
  readonly overrides?: readonly string[] | undefined;
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

function bad(detail: string): LeaseholdError {
  return new LeaseholdError({
    code: 'state/bad-backend-config',
    summary: 'Invalid state backend configuration',
    detail,
    hint: 'Use `backend: { type: pg, schema: leasehold, keep: 100 }` in the spec, LEASEHOLD_BACKEND=pg|local, or --backend-config type=pg.',
  });
}

/**
 * The backend to use (pure): the spec's `backend` block, overridden by `LEASEHOLD_BACKEND`
 * (the type), overridden by `--backend-config` pairs. No block and no override: `local`.
 * Connection strings are never part of it: they come from the environment when connecting.
 */
export function resolveBackendConfig(input: ResolveBackendInput): BackendConfig {
  const fields: Record<string, string> = {};
  if (input.spec !== null && input.spec !== undefined) {
    fields['type'] = input.spec.type;
    if (input.spec.schema !== undefined) fields['schema'] = input.spec.schema;
    if (input.spec.keep !== undefined) fields['keep'] = String(input.spec.keep);
  }
  const envType = input.env['LEASEHOLD_BACKEND'];
  if (envType !== undefined && envType !== '') fields['type'] = envType;
  for (const pair of input.overrides ?? []) {
    const m = /^([a-z]+)=(.*)$/.exec(pair);
    if (m?.[1] === undefined || m[2] === undefined)
      throw bad(`--backend-config "${pair}" is not KEY=VALUE.`);
    if (!['type', 'schema', 'keep'].includes(m[1]))
      throw bad(
        `--backend-config has no key "${m[1]}" (known: type, schema, keep). Connection settings come from LEASEHOLD_PG_URL or PG* variables only.`,
      );
    fields[m[1]] = m[2];
  }
  const type = fields['type'] ?? 'local';
  if (type === 'local') return { type: 'local' };
  if (type !== 'pg') throw bad(`Backend type "${type}" is not known (local or pg).`);
  const schema = fields['schema'] ?? 'leasehold';
  if (!SCHEMA_RE.test(schema))
    throw bad(
      `Schema "${schema}" is not a plain lowercase identifier (letters, digits, _; at most 63).`,
    );
  const keep = Number(fields['keep'] ?? 100);
  if (!Number.isInteger(keep) || keep < 1 || keep > 100000)
    throw bad(`keep "${fields['keep'] ?? ''}" must be an integer from 1 to 100000.`);
  return { type: 'pg', schema, keep };
}
