import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

/**
 * Text mutations of YAML specs for fuzzing the loader the way people break files: lines deleted,
 * duplicated or swapped, tabs, quotes, colons, brackets, anchors and odd unicode typed in, the
 * file cut short. Shared by the in-process fuzz (many runs) and the CLI sample (a handful).
 */

/** The example specs, by file name: every one of them is valid as shipped. */
export function readExamples(): { readonly name: string; readonly text: string }[] {
  const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
}

/** One edit of a spec's text. */
export type TextEdit = (text: string) => string;

const INSERTS = [
  '\t',
  '\t\t',
  '"',
  "'",
  ':',
  ': ',
  ' : ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '&a ',
  '*a',
  '<<: *a',
  '!',
  '!!str ',
  '|',
  '>-',
  '---\n',
  '...\n',
  '? ',
  '%YAML 1.2\n',
  '${',
  '\\',
  '\r',
  '\u0000',
  '\u00a0',
  '\u202e',
  '\ufeff',
  'é',
  '日本',
  '🙂',
  '\ud800',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  // Deep enough to overflow a recursive parser or validator, not just to pass the depth limit.
  '['.repeat(5_000),
  '{a: '.repeat(2_000),
  '- '.repeat(3_000),
  '1e400',
  '0x',
  '~',
];

const lines = (text: string): string[] => text.split('\n');
const pick = (n: number, length: number): number => (length === 0 ? 0 : n % length);

const deleteLine = fc.nat().map<TextEdit>((i) => (t) => {
  const ls = lines(t);
  ls.splice(pick(i, ls.length), 1);
  return ls.join('\n');
});

const duplicateLine = fc.nat().map<TextEdit>((i) => (t) => {
  const ls = lines(t);
  const at = pick(i, ls.length);
  ls.splice(at, 0, ls[at] ?? '');
  return ls.join('\n');
});

const swapLines = fc.tuple(fc.nat(), fc.nat()).map<TextEdit>(([i, j]) => (t) => {
  const ls = lines(t);
  const [a, b] = [pick(i, ls.length), pick(j, ls.length)];
  [ls[a], ls[b]] = [ls[b] ?? '', ls[a] ?? ''];
  return ls.join('\n');
});

const insertText = fc
  .tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 4 })))
  .map<TextEdit>(([i, col, ins]) => (t) => {
    const ls = lines(t);
    const at = pick(i, ls.length);
    const line = ls[at] ?? '';
    const c = pick(col, line.length + 1);
    ls[at] = line.slice(0, c) + ins + line.slice(c);
    return ls.join('\n');
  });

const indentWithTab = fc.nat().map<TextEdit>((i) => (t) => {
  const ls = lines(t);
  const at = pick(i, ls.length);
  ls[at] = (ls[at] ?? '').replace(/^ {2}/, '\t');
  return ls.join('\n');
});

const truncate = fc.nat().map<TextEdit>((n) => (t) => t.slice(0, pick(n, t.length + 1)));

/** One random edit: delete, duplicate or swap lines, insert a troublesome token, tab, truncate. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  deleteLine,
  duplicateLine,
  swapLines,
  { arbitrary: insertText, weight: 3 },
  indentWithTab,
  truncate,
);

/** A valid example spec with one to four random edits applied. */
export const mutatedExample: fc.Arbitrary<{ readonly name: string; readonly text: string }> = fc
  .tuple(fc.constantFrom(...readExamples()), fc.array(textEdit, { minLength: 1, maxLength: 4 }))
  .map(([example, edits]) => ({
    name: example.name,
    text: edits.reduce((t, e) => e(t), example.text),
  }));
