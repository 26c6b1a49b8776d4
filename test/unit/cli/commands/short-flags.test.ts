import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// A short flag means one thing everywhere: `-f` is the spec file in every command (`logs -f`
// once meant follow), and no two short flags differ only in case, so a slip of the shift key
// cannot silently do something else. Reads the manifest the build generates.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, { flags: Record<string, { name: string; char?: string }> }>;
};
const shorts = Object.entries(manifest.commands).flatMap(([id, c]) =>
  Object.values(c.flags).flatMap((f) =>
    f.char === undefined ? [] : [{ id, name: f.name, char: f.char }],
  ),
);

describe('short flags', () => {
  it('GIVEN every command WHEN -f is defined THEN it is --file', () => {
    const other = shorts.filter((f) => f.char === 'f' && f.name !== 'file');
    expect(other).toEqual([]);
  });

  it('GIVEN every command WHEN a short flag is defined THEN it names the same long flag everywhere, and none differs from another only in case', () => {
    const meaning = new Map<string, Set<string>>();
    for (const f of shorts) {
      const key = f.char.toLowerCase();
      meaning.set(key, (meaning.get(key) ?? new Set()).add(`-${f.char} --${f.name}`));
    }
    const ambiguous = [...meaning.values()].filter((s) => s.size > 1).map((s) => [...s]);
    expect(ambiguous).toEqual([]);
  });

  it('GIVEN logs WHEN its flags are read THEN -f is the spec file and follow is --follow only', () => {
    const logs = manifest.commands['logs']?.flags;
    expect(logs?.['file']?.char).toBe('f');
    expect(logs?.['follow']?.char).toBeUndefined();
  });
});
