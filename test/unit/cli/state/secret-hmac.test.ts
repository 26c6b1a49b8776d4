import { describe, expect, it } from '@jest/globals';
import { claimState, ensureSecretSalt } from '../../../../cli/engine/apply-state-mutations.js';
import { emptyState } from '../../../../cli/state/empty-state.js';
import {
  newSecretSalt,
  secretHmac,
  secretHmacs,
  withoutSecretHmacs,
} from '../../../../cli/state/secret-hmac.js';
import { validateStateSchema } from '../../../../cli/state/validate-state-schema.js';
import { sampleState } from './state-fixtures.js';

const SALT = 'ab'.repeat(32);
const OTHER_SALT = 'cd'.repeat(32);
const network = { name: 'local', chainId: 31337 };

describe('secretHmac', () => {
  it.each(['s3cret-value', 'deadbeefdeadbeef', 'a', 'hmac-sha256:', '0'.repeat(64)])(
    'GIVEN the value %j WHEN its HMAC is taken THEN it neither equals nor contains the value',
    (value) => {
      const h = secretHmac({ salt: SALT, name: 'WEB_API_KEY', value });
      expect(h).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect(h).not.toBe(value);
      if (value.length >= 4) expect(h.slice('hmac-sha256:'.length)).not.toContain(value);
    },
  );

  it('GIVEN the same salt, name and value THEN the same HMAC; another salt, name or value THEN another', () => {
    const base = { salt: SALT, name: 'WEB_API_KEY', value: 'v1-value' };
    const h = secretHmac(base);
    expect(secretHmac({ ...base })).toBe(h);
    expect(secretHmac({ ...base, salt: OTHER_SALT })).not.toBe(h);
    expect(secretHmac({ ...base, name: 'DB_PASSWORD' })).not.toBe(h);
    expect(secretHmac({ ...base, value: 'v2-value' })).not.toBe(h);
  });

  it('GIVEN values by variable WHEN hashed with a salt THEN one HMAC each; without a salt THEN none', () => {
    const values = new Map([
      ['A', 'one-value'],
      ['B', 'two-value'],
    ]);
    const out = secretHmacs(SALT, values);
    expect([...out.keys()]).toEqual(['A', 'B']);
    expect(out.get('A')).toBe(secretHmac({ salt: SALT, name: 'A', value: 'one-value' }));
    expect(secretHmacs(undefined, values).size).toBe(0);
  });
});

describe('the salt of a lineage', () => {
  it('GIVEN two new salts THEN each is 32 random bytes in hex, and they differ', () => {
    const a = newSecretSalt();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newSecretSalt()).not.toBe(a);
  });

  it('GIVEN a state applied for the first time WHEN claimed and salted THEN it gets a lineage and a salt; each lineage its own; a salted state keeps its salt', () => {
    const first = () =>
      ensureSecretSalt(claimState(emptyState({ stack: 'shop', network, lineage: '' }), null));
    const a = first();
    const b = first();
    expect(a.secretSalt).toMatch(/^[0-9a-f]{64}$/);
    expect(a.lineage).not.toBe(b.lineage);
    expect(a.secretSalt).not.toBe(b.secretSalt);
    expect(ensureSecretSalt(a)).toBe(a);
    expect(validateStateSchema(a)).toBeNull();
  });

  it('GIVEN a state written before salts existed WHEN salted THEN it gets one and keeps its lineage', () => {
    const old = sampleState();
    expect(old.secretSalt).toBeUndefined();
    const salted = ensureSecretSalt(old);
    expect(salted.lineage).toBe(old.lineage);
    expect(salted.secretSalt).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('withoutSecretHmacs', () => {
  it('GIVEN a state with a salt and lease HMACs WHEN shown THEN neither is in it, and it is still schema-valid', () => {
    const s = sampleState();
    const hmac = secretHmac({ salt: SALT, name: 'API_KEY', value: 'v1-value' });
    const withHmacs = {
      ...s,
      secretSalt: SALT,
      resources: s.resources.map((r) => ({
        ...r,
        leases: r.leases.map((l) => ({ ...l, secretHmacs: { API_KEY: hmac } })),
      })),
    };
    expect(validateStateSchema(withHmacs)).toBeNull();
    const shown = JSON.stringify(withoutSecretHmacs(withHmacs));
    expect(shown).not.toContain(SALT);
    expect(shown).not.toContain(hmac);
    expect(shown).not.toContain('secretHmacs');
    expect(withoutSecretHmacs(withHmacs)).toEqual(s);
  });
});
