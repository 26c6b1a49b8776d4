import { readFileSync } from 'node:fs';
import { LeaseholdError, registerSecret } from '../../diag/index.js';

/** TLS options as node-postgres takes them (`ssl`), derived from libpq's `sslmode`. */
export type PgTls =
  | false
  | {
      readonly rejectUnauthorized: boolean;
      readonly ca?: string | undefined;
      readonly checkServerIdentity?: (() => undefined) | undefined;
    };

/**
 * Where the pg backend connects, from the environment only (never the spec or the state):
 * `LEASEHOLD_PG_URL`, else the standard `PG*` variables. `host`/`port`/`database` are what
 * messages may name; the password never leaves `config`.
 */
export interface PgTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly sslmode: string;
  /** node-postgres ClientConfig (holds the password: never print it). */
  readonly config: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly user: string;
    readonly password?: string | undefined;
    readonly ssl: PgTls;
    readonly connectionTimeoutMillis: number;
    readonly application_name: string;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/** `host:port/database`, the only way messages name a pg target. */
export function describePgTarget(t: Pick<PgTarget, 'host' | 'port' | 'database'>): string {
  return `${t.host}:${t.port}/${t.database}`;
}

/** Reads the pg target from `LEASEHOLD_PG_URL` or `PG*`; throws `state/pg-not-configured`. */
export function pgTargetFromEnv(env: Env): PgTarget {
  const url = env['LEASEHOLD_PG_URL'];
  if (url !== undefined && url !== '') return fromUrl(url, env);
  if (env['PGHOST'] === undefined && env['PGDATABASE'] === undefined)
    throw new LeaseholdError({
      code: 'state/pg-not-configured',
      summary: 'The pg backend has no connection settings',
      detail:
        'The stack uses the pg state backend, but neither LEASEHOLD_PG_URL nor PGHOST/PGDATABASE is set.',
      hint: 'Set LEASEHOLD_PG_URL=postgres://USER@HOST:5432/DB (password in PGPASSWORD or the URL).',
    });
  const user = env['PGUSER'] ?? env['USER'] ?? 'postgres';
  return build({
    host: env['PGHOST'] ?? 'localhost',
    port: Number(env['PGPORT'] ?? 5432),
    database: env['PGDATABASE'] ?? user,
    user,
    password: env['PGPASSWORD'],
    sslmode: env['PGSSLMODE'] ?? 'prefer',
    rootCert: env['PGSSLROOTCERT'],
    timeoutS: env['PGCONNECT_TIMEOUT'],
  });
}

function fromUrl(url: string, env: Env): PgTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new LeaseholdError({
      code: 'state/pg-bad-url',
      summary: 'LEASEHOLD_PG_URL is not a URL',
      detail:
        'LEASEHOLD_PG_URL must look like postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require.',
      hint: 'Fix LEASEHOLD_PG_URL (its value is not shown, as it may hold a password).',
    });
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new LeaseholdError({
      code: 'state/pg-bad-url',
      summary: 'LEASEHOLD_PG_URL is not a postgres URL',
      detail: `LEASEHOLD_PG_URL has the scheme ${u.protocol}; postgres: or postgresql: is needed.`,
      hint: 'Use postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
    });
  const q = u.searchParams;
  const user = decodeURIComponent(u.username) || env['PGUSER'] || 'postgres';
  const password = u.password === '' ? env['PGPASSWORD'] : decodeURIComponent(u.password);
  return build({
    host: q.get('host') ?? (u.hostname.replace(/^\[|\]$/g, '') || env['PGHOST'] || 'localhost'),
    port: Number(u.port || q.get('port') || env['PGPORT'] || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || env['PGDATABASE'] || user,
    user,
    password,
    sslmode: q.get('sslmode') ?? env['PGSSLMODE'] ?? 'prefer',
    rootCert: q.get('sslrootcert') ?? env['PGSSLROOTCERT'],
    timeoutS: q.get('connect_timeout') ?? env['PGCONNECT_TIMEOUT'],
  });
}

function build(o: {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
  sslmode: string;
  rootCert: string | undefined | null;
  timeoutS: string | undefined | null;
}): PgTarget {
  registerSecret(o.password);
  const timeout = Number(o.timeoutS ?? 10);
  return {
    host: o.host,
    port: o.port,
    database: o.database,
    user: o.user,
    sslmode: o.sslmode,
    config: {
      host: o.host,
      port: o.port,
      database: o.database,
      user: o.user,
      ...(o.password === undefined ? {} : { password: o.password }),
      ssl: tlsForSslmode(o.sslmode, o.rootCert ?? undefined, readFileSync),
      connectionTimeoutMillis: (Number.isFinite(timeout) && timeout > 0 ? timeout : 10) * 1000,
      application_name: 'leasehold',
    },
  };
}

/**
 * libpq's `sslmode` as node-postgres TLS options. node-postgres cannot fall back from TLS to
 * plain, so `allow` and `prefer` (libpq's default) connect without TLS; `require` encrypts
 * without checking the certificate unless a root certificate is given (then as `verify-ca`);
 * `verify-ca` checks the chain; `verify-full` the chain and the host name.
 */
export function tlsForSslmode(
  sslmode: string,
  rootCertFile: string | undefined,
  readFile: (path: string, enc: 'utf8') => string,
): PgTls {
  const ca = rootCertFile === undefined ? undefined : readFile(rootCertFile, 'utf8');
  switch (sslmode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return ca === undefined
        ? { rejectUnauthorized: false }
        : { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca };
    default:
      throw new LeaseholdError({
        code: 'state/pg-bad-sslmode',
        summary: 'Unknown sslmode',
        detail: `sslmode "${sslmode}" is not one of disable, allow, prefer, require, verify-ca, verify-full.`,
        hint: 'Set sslmode in LEASEHOLD_PG_URL (or PGSSLMODE) to one of those.',
      });
  }
}
