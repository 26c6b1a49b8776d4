import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// README's Status line says what is there now: every command it counts as here exists, and none
// it lists under "Not yet" does (it once called the shipped autoscaler "being built next").
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<string, unknown>;
};
const commands = new Set(Object.keys(manifest.commands).map((id) => id.split(':')[0]));
const status = /^> Status: ((?:.*\n)+?)(?!>)/m.exec(readme)?.[1]?.replace(/\n> /g, ' ').trim();
const ticked = (text: string): string[] =>
  [...text.matchAll(/`([a-z]+)(?:\/([a-z]+))?`/g)]
    .flatMap((m) => [m[1], m[2]])
    .flatMap((c) => (c === undefined ? [] : [c]));

describe('README status line', () => {
  it('GIVEN the Status line WHEN read THEN it has a "Not yet" part', () => {
    expect(status).toMatch(/Not yet: /);
  });

  it('GIVEN the commands named as here WHEN checked against the CLI THEN each exists', () => {
    const here = (status ?? '').split('Not yet: ')[0] ?? '';
    expect(ticked(here).filter((c) => !commands.has(c))).toEqual([]);
  });

  it('GIVEN the commands named as not yet WHEN checked against the CLI THEN none exists yet', () => {
    const notYet = (status ?? '').split('Not yet: ')[1] ?? '';
    expect(ticked(notYet).filter((c) => commands.has(c))).toEqual([]);
    expect(status).not.toMatch(/being built next/);
  });
});
