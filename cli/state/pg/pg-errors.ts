import { LeaseholdError } from '../../diag/index.js';
import { describePgTarget } from './pg-target.js';
import type { PgTarget } from './pg-target.js';

type Where = Pick<PgTarget, 'host' | 'port' | 'database' | 'user'>;

function codeOf(err: unknown): string | undefined {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** The connection-level failures (server gone, restarted, network cut) — the state may be intact. */
export function isPgConnectionLoss(err: unknown): boolean {
  const code = codeOf(err);
  const msg = err instanceof Error ? err.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' || // admin_shutdown
    code === '57P02' ||
    code === '57P03' || // cannot_connect_now (starting up)
    /Connection terminated|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect/i.test(
      msg,
    )
  );
}

/**
 * Normalizes a node-postgres failure at connect time into one clear error naming the host and
 * database — never the URL or the password (pg's own messages carry neither).
 */
export function pgConnectError(err: unknown, t: Where): LeaseholdError {
  if (err instanceof LeaseholdError) return err;
  const code = codeOf(err);
  const where = describePgTarget(t);
  if (code === '28P01' || code === '28000')
    return new LeaseholdError({
      code: 'state/pg-auth-failed',
      summary: 'PostgreSQL refused the credentials',
      detail: `Connecting to ${where} as ${t.user} failed: the password (or authentication method) was rejected.`,
      hint: 'Check the password in LEASEHOLD_PG_URL or PGPASSWORD.',
      cause: err,
    });
  if (code === '3D000')
    return new LeaseholdError({
      code: 'state/pg-database-missing',
      summary: 'PostgreSQL database does not exist',
      detail: `The server at ${t.host}:${t.port} has no database "${t.database}".`,
      hint: `Create it (\`createdb ${t.database}\`) or point LEASEHOLD_PG_URL at an existing database.`,
      cause: err,
    });
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    code === 'ETIMEDOUT' ||
    code === '57P03' ||
    isPgConnectionLoss(err)
  )
    return new LeaseholdError({
      code: 'state/pg-unreachable',
      summary: 'PostgreSQL server cannot be reached',
      detail: `Could not connect to ${where}${code === undefined ? '' : ` (${code})`}.`,
      hint: 'Check the host and port in LEASEHOLD_PG_URL (or PGHOST/PGPORT) and that the server runs.',
      cause: err,
    });
  return pgError(err, t, 'connecting to');
}

/** Any other failure of a statement, with the server's SQLSTATE and message (they hold no secret). */
export function pgError(err: unknown, t: Where, doing: string): LeaseholdError {
  if (err instanceof LeaseholdError) return err;
  const code = codeOf(err);
  const msg = err instanceof Error ? err.message : String(err);
  if (isPgConnectionLoss(err))
    return new LeaseholdError({
      code: 'state/pg-connection-lost',
      summary: 'Lost the connection to PostgreSQL',
      detail: `While ${doing} ${describePgTarget(t)}: ${msg}.`,
      hint: 'Check that the server runs, then run the command again.',
      cause: err,
    });
  return new LeaseholdError({
    code: 'state/pg-error',
    summary: 'PostgreSQL reported an error',
    detail: `While ${doing} ${describePgTarget(t)}: ${msg}${code === undefined ? '' : ` (SQLSTATE ${code})`}.`,
    hint: 'Check that the role may create a schema and tables in this database, or pre-create the schema.',
    cause: err,
  });
}
