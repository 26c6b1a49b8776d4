import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { withDevnetLock } from '../../../../devnet/supervisor/devnet-lock.js';

const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'lh-lock-')), 'devnet.lock');

describe('withDevnetLock', () => {
  it('GIVEN a free lock WHEN running THEN the lock holds our pid during fn and is gone after', async () => {
    const file = fresh();
    const seen = await withDevnetLock({ file }, async () => readFileSync(file, 'utf8'));
    expect(seen).toBe(String(process.pid));
    expect(existsSync(file)).toBe(false);
  });

  it('GIVEN two concurrent callers WHEN both run THEN their critical sections never overlap', async () => {
    const file = fresh();
    let inside = 0;
    let maxInside = 0;
    const section = async (): Promise<void> => {
      inside += 1;
      maxInside = Math.max(maxInside, inside);
      await new Promise((r) => setTimeout(r, 50));
      inside -= 1;
    };
    await Promise.all([withDevnetLock({ file }, section), withDevnetLock({ file }, section)]);
    expect(maxInside).toBe(1);
  });

  it('GIVEN a lock left by a dead process WHEN running THEN it is taken over', async () => {
    const file = fresh();
    writeFileSync(file, '2147483646');
    await expect(withDevnetLock({ file }, async () => 'ran')).resolves.toBe('ran');
  });

  it('GIVEN a lock held by a live process WHEN the deadline passes THEN it throws and fn never runs', async () => {
    const file = fresh();
    writeFileSync(file, String(process.ppid));
    let waitedFor = 0;
    let ran = false;
    await expect(
      withDevnetLock({ file, timeoutMs: 300, onWait: (pid) => (waitedFor = pid) }, async () => {
        ran = true;
      }),
    ).rejects.toThrow(/timed out/);
    expect(ran).toBe(false);
    expect(waitedFor).toBe(process.ppid);
    expect(existsSync(file)).toBe(true);
  });

  it('GIVEN fn throws WHEN running THEN the lock is still released', async () => {
    const file = fresh();
    await expect(
      withDevnetLock({ file }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(file)).toBe(false);
  });
});
