import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Flags and JSON output are contracts (STYLE §17): this pins every command's flags and aliases, so
// a breaking change shows up as a snapshot diff in review. Reads the manifest the build generates.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

interface ManifestFlag {
  readonly name: string;
  readonly char?: string;
  readonly type: string;
  readonly required?: boolean;
  readonly multiple?: boolean;
}
interface ManifestCommand {
  readonly id: string;
  readonly summary?: string;
  readonly examples?: readonly string[];
  readonly aliases: readonly string[];
  readonly flags: Readonly<Record<string, ManifestFlag>>;
  readonly args: Readonly<Record<string, { readonly name: string; readonly required?: boolean }>>;
  readonly enableJsonFlag?: boolean;
}

const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, ManifestCommand>;
};
const commands = Object.values(manifest.commands).sort((a, b) => a.id.localeCompare(b.id));

describe('CLI contract', () => {
  it('GIVEN every command WHEN listed THEN its flags, aliases and args match the pinned contract', () => {
    const contract = commands.map((c) => ({
      id: c.id,
      aliases: c.aliases,
      args: Object.values(c.args).map((a) => `${a.name}${a.required ? '' : '?'}`),
      flags: Object.values(c.flags)
        .map(
          (f) =>
            `--${f.name}${f.char ? `|-${f.char}` : ''}:${f.type}${f.required ? '!' : ''}${f.multiple ? '*' : ''}`,
        )
        .sort(),
    }));
    expect(contract).toMatchSnapshot();
  });

  it.each(commands.map((c) => [c.id, c] as const))(
    'GIVEN command %s THEN it has a summary, examples and --json',
    (_id, c) => {
      expect(c.summary?.length ?? 0).toBeGreaterThan(10);
      expect(c.examples?.length ?? 0).toBeGreaterThan(0);
      expect(c.flags['json']).toBeDefined();
    },
  );
});
