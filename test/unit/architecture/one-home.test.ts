import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// STYLE §27: a rule two places compute is written once and imported. These are the twins a review
// found; each has one home now, and a second copy fails here.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const SOURCES = ['common', 'cli', 'provider', 'devnet', 'wire', 'bench'].flatMap((d) =>
  tsFiles(join(root, d)),
);
const TESTS = tsFiles(join(root, 'test'));

/** Files (relative) whose text matches `pattern`. */
const where = (files: readonly string[], pattern: RegExp): string[] =>
  files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));

describe('one home per rule', () => {
  it('GIVEN sources and tests WHEN comments are read THEN none cites a numbered decision kept elsewhere', () => {
    // A reason is stated where it applies, not cited by number from a list that is not in the repo.
    const citation = new RegExp(['\\bdecisions?', '\\d'].join(' '), 'i');
    expect(where([...SOURCES, ...TESTS], citation)).toEqual([]);
  });

  it('GIVEN the sources WHEN the plain-record check is looked for THEN only common/is-record.ts writes it', () => {
    const check = /typeof (\w+) === 'object' && \1 !== null && !Array\.isArray\(\1\)/;
    expect(where(SOURCES, check)).toEqual(['common/is-record.ts']);
  });

  it('GIVEN the sources WHEN token-amount formatters are looked for THEN only common/units has one', () => {
    const formatter = /export function format\w*(Token|BaseUnits|Tokens)\w*\(/;
    expect(where(SOURCES, formatter)).toEqual(['common/units/format-token-amount.ts']);
  });

  it('GIVEN the tests WHEN polling helpers are looked for THEN only test/support/wait-for.ts defines one', () => {
    const helper = /(?:async function|const) (?:waitFor|until|poll)\w*\s*(?:<[^>]*>)?\s*[(=]/;
    expect(where(TESTS, helper)).toEqual(['test/support/wait-for.ts']);
  });

  it('GIVEN the sources WHEN per-hour ↔ per-block arithmetic is looked for THEN only the pricing module does it', () => {
    const perBlock =
      /function (?:blocksPerHour|blocksFor|perHourOfPrice|perHourCost|maxPricePerBlock|numOfBlocks|escrowToLock)\b/;
    expect(where(SOURCES, perBlock).filter((f) => !f.startsWith('wire/block-pricing'))).toEqual([]);
  });
});
