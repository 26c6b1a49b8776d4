import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// oclif fills a missing positional argument from piped stdin, so `echo yes | leasehold apply
// --auto-approve` read "yes" as a saved plan file. Only an argument names a file or an address:
// every argument of every command sets `ignoreStdin`.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
const commandsDir = join(root, 'cli/commands');

function commandFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return commandFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

interface CommandClass {
  readonly args?: Readonly<Record<string, { readonly ignoreStdin?: boolean }>>;
}

describe('command arguments and stdin', () => {
  it.each(commandFiles(commandsDir).map((f) => [relative(commandsDir, f), f] as const))(
    'GIVEN command file %s WHEN its args are read THEN none is filled from stdin',
    async (_name, file) => {
      const mod = (await import(file)) as { default: CommandClass };
      const readsStdin = Object.entries(mod.default.args ?? {})
        .filter(([, a]) => a.ignoreStdin !== true)
        .map(([n]) => n);
      expect(readsStdin).toEqual([]);
    },
  );
});
