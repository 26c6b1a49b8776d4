import type { PgQueryable } from './pg-types.js';

/** The schema version this Leasehold writes; a newer one in the database is refused. */
export const PG_SCHEMA_VERSION = 2;

/** Advisory-lock namespace (classid) of every Leasehold lock: "LHst" as an int4. */
export const LOCK_NAMESPACE = 0x4c487374;

/**
 * The migrations, in order; migration i brings the schema from version i to i+1. Each runs in
 * the same transaction as the version bump, under a transaction-level advisory lock, so two
 * processes that start on an empty database at once do not race.
 */
function migrations(s: string): readonly string[] {
  return [
    `CREATE TABLE ${s}.heads (
       stack text PRIMARY KEY,
       lineage text NOT NULL,
       serial bigint NOT NULL,
       version_id bigint NOT NULL
     );
     CREATE TABLE ${s}.versions (
       id bigserial PRIMARY KEY,
       stack text NOT NULL,
       serial bigint NOT NULL,
       lineage text NOT NULL,
       writer text NOT NULL,
       written_at timestamptz NOT NULL DEFAULT now(),
       content_hash text NOT NULL,
       encrypted boolean NOT NULL,
       summary text NOT NULL,
       body text NOT NULL
     );
     CREATE INDEX versions_stack_id ON ${s}.versions (stack, id DESC);
     CREATE TABLE ${s}.locks (
       stack text PRIMARY KEY,
       id text NOT NULL,
       operation text NOT NULL,
       who text NOT NULL,
       version text NOT NULL,
       created timestamptz NOT NULL,
       backend_pid integer NOT NULL
     );`,
    `CREATE TABLE ${s}.activity (
       id bigserial PRIMARY KEY,
       stack text NOT NULL,
       at timestamptz NOT NULL,
       entry jsonb NOT NULL
     );
     CREATE INDEX activity_stack_at ON ${s}.activity (stack, at);`,
  ];
}

/** `"leasehold"`: a schema name checked by the config, quoted for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates the schema and brings it to {@link PG_SCHEMA_VERSION}, recording each version in
 * `schema_version`. Cheap when current: one query. Returns the version found before.
 */
export async function ensurePgSchema(db: PgQueryable, schema: string): Promise<number> {
  const s = quoteIdent(schema);
  const current = await readVersion(db, s);
  if (current === PG_SCHEMA_VERSION) return current;
  if (current !== null && current > PG_SCHEMA_VERSION) throw new Error(`newer:${current}`);
  await db.query('BEGIN');
  try {
    await db.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NAMESPACE]);
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await db.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const res = await db.query(`SELECT coalesce(max(version), 0) AS v FROM ${s}.schema_version`);
    const from = Number((res.rows[0] as { v: unknown } | undefined)?.v ?? 0);
    const all = migrations(s);
    for (let v = from; v < all.length; v++) {
      await db.query(all[v] as string);
      await db.query(`INSERT INTO ${s}.schema_version (version) VALUES ($1)`, [v + 1]);
    }
    await db.query('COMMIT');
    return from;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function readVersion(db: PgQueryable, s: string): Promise<number | null> {
  try {
    const res = await db.query(`SELECT max(version) AS v FROM ${s}.schema_version`);
    const v = (res.rows[0] as { v: unknown } | undefined)?.v;
    return v === null || v === undefined ? null : Number(v);
  } catch (err) {
    // 42P01 undefined_table, 3F000 invalid_schema_name: not created yet.
    const code = (err as { code?: unknown }).code;
    if (code === '42P01' || code === '3F000') return null;
    throw err;
  }
}
