import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createStateBackend } from '../../../../../cli/state/create-state-backend.js';
import { LeaseholdError } from '../../../../../cli/diag/index.js';
import type { StateBackend } from '../../../../../cli/state/state-types.js';
import { sampleState } from '../state-fixtures.js';

const KEY = 'orange-submarine-42';
const NEW = 'violet-airship-2027';

async function local(
  dir: string,
  env: Record<string, string>,
  writePlain = false,
): Promise<StateBackend> {
  return createStateBackend({ config: { type: 'local' }, dir, stack: 'shop', env, writePlain });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof LeaseholdError ? err.code : String(err);
  }
  return 'no error';
}

const file = (dir: string): string => join(dir, '.leasehold', 'shop.state.json');

describe('encryption at rest (local backend)', () => {
  it('GIVEN a plain state and a key WHEN written THEN it turns encrypted (AES-256-GCM, no plaintext on disk) and reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-enc-'));
    await (await local(dir, {})).write(sampleState());
    expect(await readFile(file(dir), 'utf8')).toContain('0x70997970');
    const b = await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY });
    const s = await b.read();
    await b.write({ ...s!, serial: 4 });
    const text = await readFile(file(dir), 'utf8');
    expect(text).toContain('"cipher":"aes-256-gcm"');
    expect(text).not.toContain('0x70997970');
    expect(text).not.toContain(KEY);
    expect((await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).read())?.serial).toBe(4);
  });

  it('GIVEN an encrypted state WHEN read with no key or a wrong key THEN a clear error and the file is untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-enc-'));
    await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).write(sampleState());
    const before = await readFile(file(dir), 'utf8');
    expect(await codeOf((await local(dir, {})).read())).toBe('state/encrypted');
    expect(
      await codeOf((await local(dir, { LEASEHOLD_STATE_PASSPHRASE: 'wrong-key-000' })).read()),
    ).toBe('state/decrypt-failed');
    expect(await readFile(file(dir), 'utf8')).toBe(before);
  });

  it('GIVEN a rotation WHEN the old key is _PREVIOUS THEN it reads, and the next write re-encrypts under the new key only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-enc-'));
    await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).write(sampleState());
    const rot = await local(dir, {
      LEASEHOLD_STATE_PASSPHRASE: NEW,
      LEASEHOLD_STATE_PASSPHRASE_PREVIOUS: KEY,
    });
    const s = await rot.read();
    await rot.write({ ...s!, serial: 4 });
    expect(await codeOf((await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).read())).toBe(
      'state/decrypt-failed',
    );
    expect((await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: NEW })).read())?.serial).toBe(4);
  });

  it('GIVEN a key file THEN it works like the passphrase; `writePlain` (state decrypt) is the only way back to plain text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-enc-'));
    const keyFile = join(dir, 'state.key');
    await writeFile(keyFile, `${KEY}\n`);
    await (await local(dir, { LEASEHOLD_STATE_KEY_FILE: keyFile })).write(sampleState());
    expect((await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).read())?.serial).toBe(3);
    const dec = await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY }, true);
    const s = await dec.read();
    await dec.write({ ...s!, serial: 4 });
    expect(JSON.parse(await readFile(file(dir), 'utf8')).serial).toBe(4);
  });

  it('GIVEN the sealed header WHEN its meta is altered THEN the key no longer opens it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-enc-'));
    await (await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).write(sampleState());
    const env = JSON.parse(await readFile(file(dir), 'utf8'));
    env.meta.serial = 99;
    await writeFile(file(dir), JSON.stringify(env));
    expect(await codeOf((await local(dir, { LEASEHOLD_STATE_PASSPHRASE: KEY })).read())).toBe(
      'state/decrypt-failed',
    );
  });
});
