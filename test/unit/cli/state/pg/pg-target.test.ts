import { describe, expect, it } from '@jest/globals';
import {
  describePgTarget,
  pgTargetFromEnv,
  tlsForSslmode,
} from '../../../../../cli/state/pg/pg-target.js';
import { LeaseholdError } from '../../../../../cli/diag/index.js';

const noFile = (): string => {
  throw new Error('no file expected');
};

describe('pgTargetFromEnv', () => {
  it('GIVEN LEASEHOLD_PG_URL THEN host, port, database and user come from it, the password only into the config', () => {
    const t = pgTargetFromEnv({
      LEASEHOLD_PG_URL: 'postgres://ci:s3cr%40t@db.internal:6543/team?sslmode=disable',
    });
    expect(describePgTarget(t)).toBe('db.internal:6543/team');
    expect(t.user).toBe('ci');
    expect(t.config.password).toBe('s3cr@t');
    expect(t.config.ssl).toBe(false);
  });

  it('GIVEN only PG* variables THEN they are used', () => {
    const t = pgTargetFromEnv({
      PGHOST: 'pg1',
      PGPORT: '5433',
      PGDATABASE: 'state',
      PGUSER: 'bot',
      PGPASSWORD: 'pw12345',
    });
    expect(describePgTarget(t)).toBe('pg1:5433/state');
    expect(t.config.password).toBe('pw12345');
  });

  it('GIVEN nothing THEN state/pg-not-configured; a bad URL is refused without echoing it', () => {
    expect(() => pgTargetFromEnv({})).toThrow(LeaseholdError);
    try {
      pgTargetFromEnv({ LEASEHOLD_PG_URL: 'http://u:hunter22@h/db' });
    } catch (err) {
      expect((err as LeaseholdError).code).toBe('state/pg-bad-url');
      expect((err as LeaseholdError).message).not.toContain('hunter22');
    }
  });
});

describe('tlsForSslmode', () => {
  it('GIVEN each sslmode THEN TLS follows it (libpq semantics, no TLS fallback in node-postgres)', () => {
    expect(tlsForSslmode('disable', undefined, noFile)).toBe(false);
    expect(tlsForSslmode('prefer', undefined, noFile)).toBe(false);
    expect(tlsForSslmode('require', undefined, noFile)).toEqual({ rejectUnauthorized: false });
    const ca = tlsForSslmode('require', '/ca.pem', () => 'CA');
    expect(ca).toMatchObject({ rejectUnauthorized: true, ca: 'CA' });
    expect(tlsForSslmode('verify-ca', '/ca.pem', () => 'CA')).toMatchObject({
      rejectUnauthorized: true,
      ca: 'CA',
    });
    const full = tlsForSslmode('verify-full', undefined, noFile);
    expect(full).toMatchObject({ rejectUnauthorized: true });
    expect(full === false ? null : full.checkServerIdentity).toBeUndefined();
    expect(() => tlsForSslmode('bogus', undefined, noFile)).toThrow(/sslmode/);
  });
});
