import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Every stable error code the code can produce is documented (STYLE §12): docs/errors.md and the
// area pages it links. A new code without a line in the docs fails here.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p, ext);
    return ext.test(p) ? [p] : [];
  });
}

// Any quoted `area/kebab-name` of a known area: codes also travel through helpers (`diag('spec/…')`).
const AREAS =
  'spec|model|cdk|convert|icl|state|plan|import|core|resources|marketplace|network|wallet|escrow|apply|health|scaling|autoscale|devnet|init|cli|internal|input';
const CODE = new RegExp(`['\`"]((?:${AREAS})\\/[a-z0-9]+(?:-[a-z0-9]+)*)['\`"]`, 'g');
const sources = ['cli', 'provider', 'devnet', 'wire', 'common'].flatMap((d) =>
  files(join(root, d), /\.ts$/),
);
const used = new Map<string, string>();
for (const f of sources) {
  for (const m of readFileSync(f, 'utf8').matchAll(CODE)) used.set(m[1] ?? '', relative(root, f));
}
const docs = [join(root, 'docs/errors.md'), ...files(join(root, 'docs/errors'), /\.md$/)]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('error codes', () => {
  it('GIVEN the sources WHEN codes are collected THEN there are many (the pattern still matches)', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it('GIVEN every code the code can produce THEN each appears in docs/errors.md or an area page', () => {
    const missing = [...used]
      .filter(([code]) => !docs.includes(`\`${code}\``))
      .map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });
});
