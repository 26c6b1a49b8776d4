import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';
import { DEFAULT_SPEC_LIMITS } from '../../../../provider/spec/spec-limits.js';
import type { SpecLimits } from '../../../../provider/spec/spec-limits.js';

// Bad input of every kind, through the same in-process steps as `leasehold validate` (parse, the
// limits, schema, semantics, normalization): each case pins the first problem's code, where it
// is (line:column, or '-' for whole-file limits) and the fix its hint names. The invalid-fixtures
// test covers the schema and semantic rules one by one; this table is about input that is broken,
// hostile or simply too big.
const FILE = '/p/leasehold.yaml';
const TOKENS = knownTokens('local') ?? [];

function check(text: string, over: Partial<SpecLimits> = {}): Diagnostic[] {
  const limits = { ...DEFAULT_SPEC_LIMITS, ...over };
  return checkStack(parseYamlSpec(text, FILE, '/p', limits), TOKENS, { limits }).diagnostics;
}

const HEAD = 'stack: demo\ninstances:\n  web:\n';
const PRICE = '    pricing: { maxPerHour: "1", token: USDT }\n';
const web = (body: string): string => HEAD + body + PRICE;
// `args` sits at depth 4 (top mapping, instances, web, args), so n brackets reach depth 3 + n.
const deepArgs = (n: number, anchor = ''): string =>
  `${anchor}${HEAD}    image: nginx\n    args: ${'['.repeat(n)}${']'.repeat(n)}\n${PRICE}`;
const instances = (n: number): string =>
  'stack: demo\ninstances:\n' +
  Array.from({ length: n }, (_, i) => `  i${i}: { image: x }`).join('\n') +
  '\n';
const BOMB = ['stack: demo', 'a: &a [x, x, x, x, x, x, x, x, x, x]']
  .concat(
    Array.from({ length: 6 }, (_, i) => {
      const [prev, cur] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      return `${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`;
    }),
  )
  .join('\n');
const MERGES = (n: number): string =>
  `stack: demo\nbase: &base { image: nginx }\ninstances:\n${Array.from({ length: n }, (_, i) => `  i${i}: { <<: *base }`).join('\n')}\n`;
const LONG_ARGS = Array.from({ length: 120 }, (_, i) => `a${i}`).join(', ');

type Case = readonly [
  name: string,
  text: string,
  code: string,
  at: string,
  hint: string,
  limits?: Partial<SpecLimits>,
];

const TOO_DEEP = 'LEASEHOLD_MAX_SPEC_DEPTH=128';
const TAB = 'Indent with spaces';
const INDENT = 'Indent with spaces and start the keys of one mapping in the same column';
const NOT_MAP = 'Start the file with `stack: <name>`';

// One row per case, kept on one line each so the table reads as a table.
// prettier-ignore
const CASES: readonly Case[] = [
  // Limits: each names the variable that raises it.
  ['4 instances over a limit of 3', instances(4), 'spec/too-many-instances', '-', 'LEASEHOLD_MAX_INSTANCES=4', { maxInstances: 3 }],
  ['5,001 instances over the default', instances(5001), 'spec/too-many-instances', '-', 'LEASEHOLD_MAX_INSTANCES=5001'],
  ['flow nesting one past the limit', deepArgs(62), 'spec/nesting-too-deep', '5:72', TOO_DEEP],
  ['10,000 nested brackets', deepArgs(10_000), 'spec/nesting-too-deep', '5:72', TOO_DEEP],
  ['deep brackets with an anchor (located path)', deepArgs(100, 'x: &x 1\n'), 'spec/nesting-too-deep', '6:72', TOO_DEEP],
  ['70 compact block sequences', web(`    image: nginx\n    args:\n      ${'- '.repeat(70)}x\n`), 'spec/nesting-too-deep', '6:129', TOO_DEEP],
  ['70 indented block mappings', `stack: demo\ninstances:\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} 1\n`, 'spec/nesting-too-deep', '66:129', TOO_DEEP],
  ['nesting past a lowered limit', web('    image: nginx\n    env: { A: { B: c } }\n'), 'spec/nesting-too-deep', '5:15', 'LEASEHOLD_MAX_SPEC_DEPTH=8', { maxDepth: 4 }],
  ['an alias inside its own anchor', 'stack: demo\ninstances: &all\n  web:\n    image: nginx\n    env: *all\n', 'spec/nesting-too-deep', '3:3', TOO_DEEP],
  ['aliases stacking past the limit', `stack: demo\nx: &x ${'['.repeat(40)}${']'.repeat(40)}\ninstances:\n  web:\n    args: ${'['.repeat(40)}*x${']'.repeat(40)}\n`, 'spec/nesting-too-deep', '2:28', TOO_DEEP],
  ['a billion-laughs alias bomb', BOMB, 'spec/too-many-aliases', '3:8', 'LEASEHOLD_MAX_YAML_ALIASES=1000'],
  ['merges past a lowered alias budget', MERGES(3), 'spec/too-many-aliases', '4:13', 'LEASEHOLD_MAX_YAML_ALIASES=20', { maxAliases: 2 }],
  // Unterminated strings: at the opening quote, not at the end of the file.
  ['an unterminated double-quoted string', web('    image: "nginx:1.27\n    count: 2\n'), 'spec/yaml-syntax', '4:12', 'Close the string with a matching `"`'],
  ['an unterminated single-quoted string', web("    image: 'nginx:1.27\n    count: 2\n"), 'spec/yaml-syntax', '4:12', "write a quote inside it as `''`"],
  ['an unterminated string with an escaped quote', web('    image: "ng\\"inx\n'), 'spec/yaml-syntax', '4:12', 'write a quote inside it as `\\"`'],
  ['an unterminated stack name', 'stack: "demo\ninstances:\n  web:\n    image: nginx\n', 'spec/yaml-syntax', '1:8', 'Close the string'],
  ['an unterminated string in a flow list', web('    image: nginx\n    args: ["serve, --port]\n'), 'spec/yaml-syntax', '5:12', 'Close the string'],
  // Tabs as indentation.
  ['a tab indenting an instance', 'stack: demo\ninstances:\n\tweb:\n\t\timage: nginx\n', 'spec/yaml-syntax', '3:1', TAB],
  ['a tab indenting one key', web('    image: nginx\n\tcount: 2\n'), 'spec/yaml-syntax', '5:1', TAB],
  ['a tab before a list item', web('    image: nginx\n    args:\n\t- serve\n'), 'spec/yaml-syntax', '6:1', TAB],
  ['spaces then a tab', web('    image: nginx\n  \t  count: 2\n'), 'spec/yaml-syntax', '5:3', TAB],
  ['a tab in a CRLF file', 'stack: demo\r\ninstances:\r\n  web:\r\n\timage: nginx\r\n', 'spec/yaml-syntax', '4:1', TAB],
  // Other YAML mistakes.
  ['an alias with no anchor', web('    image: *img\n'), 'spec/yaml-syntax', '4:12', 'Define the anchor (`&img`)'],
  ['a second document', 'stack: demo\n---\ninstances: {}\n', 'spec/yaml-syntax', '2:1', 'remove the second `---`'],
  ['a duplicate key', web('    image: nginx\n    image: httpd\n'), 'spec/duplicate-key', '5:5', 'Remove or rename one'],
  ['a list instead of a mapping', '- stack: demo\n- instances: {}\n', 'spec/not-a-mapping', '1:1', NOT_MAP],
  ['an empty file', '', 'spec/not-a-mapping', '1:1', NOT_MAP],
  ['a comment-only file', '# nothing here\n', 'spec/not-a-mapping', '1:1', NOT_MAP],
  ['a bare scalar', 'just some text\n', 'spec/not-a-mapping', '1:1', NOT_MAP],
  ['an unclosed flow list', web('    image: nginx\n    args: [serve, --port\n'), 'spec/yaml-syntax', '6:5', INDENT],
  ['an unclosed flow mapping', web('    image: nginx\n    env: { A: b\n'), 'spec/yaml-syntax', '6:5', INDENT],
  ['misaligned keys', web('    image: nginx\n   count: 2\n'), 'spec/yaml-syntax', '5:1', INDENT],
  ['a stray closing bracket', web('    image: nginx\n    args: [a]]\n'), 'spec/yaml-syntax', '5:14', 'Fix the YAML at this position'],
  ['a bad escape in double quotes', web('    image: "C:\\qimage"\n'), 'spec/yaml-syntax', '4:15', 'write a backslash as `\\\\`'],
  ['a value starting with @', web('    image: @nginx\n'), 'spec/yaml-syntax', '4:12', 'Quote a value that starts with `@`'],
  ['a value starting with a backtick', web('    image: `nginx`\n'), 'spec/yaml-syntax', '4:12', 'Quote a value'],
  ['an unquoted colon in a value', web('    image: nginx: 1.27\n'), 'spec/yaml-syntax', '4:12', 'quote a value that contains `: `'],
  ['an unknown tag', web('    image: !custom nginx\n'), 'spec/yaml-warning', '4:12', 'Fix the YAML at this position'],
  // Well-formed YAML that is not a valid spec.
  ['no stack', 'instances:\n  web:\n    image: nginx\n', 'spec/missing-field', '1:1', 'Add `stack`'],
  ['instances as a list', 'stack: demo\ninstances:\n  - web\n', 'spec/wrong-type', '2:1', 'Change it to a mapping'],
  ['a misspelt field', web('    imgae: nginx\n'), 'spec/missing-field', '3:3', 'Add `image`'],
  ['a count in words', web('    image: nginx\n    count: two\n'), 'spec/wrong-type', '5:5', 'Write it like `2`'],
  ['a memory unit typo', web('    image: nginx\n    resources: { memory: 512MB }\n'), 'spec/invalid-format', '5:18', '`512Mi`'],
  ['a port out of range', web('    image: nginx\n    ports: [{ port: 70000 }]\n'), 'spec/out-of-range', '5:15', 'at most 65535'],
  ['an instance name with capitals', `stack: demo\ninstances:\n  Web:\n    image: nginx\n${PRICE}`, 'spec/invalid-name', '3:3', 'Rename it to `web`'],
  ['an instance name with unicode', `stack: demo\ninstances:\n  café:\n    image: nginx\n${PRICE}`, 'spec/invalid-name', '3:3', 'Rename it'],
  ['a NUL character in the stack name', `stack: de\u0000mo\ninstances:\n  web:\n    image: nginx\n${PRICE}`, 'spec/invalid-format', '1:1', 'Use a value like `web`'],
  ['a mistake at column 622 of a long line', web(`    image: nginx\n    args: [${LONG_ARGS}, { x: 1 }]\n`), 'spec/wrong-type', '5:622', 'Change it to a string'],
];

describe('bad input', () => {
  it('GIVEN the table THEN it holds at least 40 cases with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
  });

  it.each(CASES)(
    'GIVEN %s WHEN checked THEN the first problem is located with its code and fix',
    // A rest parameter: jest reads a sixth declared parameter as a `done` callback.
    (...[, text, code, at, hint, limits]: Case) => {
      const diags = check(text, limits);
      const first = diags[0];
      expect(first).toBeDefined();
      expect({
        code: first?.code,
        at: first?.source === undefined ? '-' : `${first.source.line}:${first.source.column}`,
      }).toEqual({ code, at });
      expect(first?.hint).toContain(hint);
      for (const d of diags) {
        expect(d.code).toMatch(/^spec\/[a-z]+(-[a-z]+)*$/);
        expect(`${d.summary} ${d.detail ?? ''}`).not.toMatch(
          /call stack|Unexpected error|\n\s+at /,
        );
        expect(d.source === undefined || d.source.file === FILE).toBe(true);
      }
    },
  );

  it('GIVEN a whole-file limit WHEN exceeded THEN the message names the file, the count and the limit', () => {
    const [d] = check(instances(4), { maxInstances: 3 });
    expect(d?.detail).toBe(
      '`/p/leasehold.yaml` declares 4 instances; Leasehold checks at most 3 in one stack. Nothing was validated.',
    );
  });

  it('GIVEN input exactly at each limit WHEN checked THEN no limit is reported', () => {
    const limitCodes = /too-many|too-deep|too-large/;
    const at = (text: string, over: Partial<SpecLimits> = {}): string[] =>
      check(text, over)
        .map((d) => d.code)
        .filter((c) => limitCodes.test(c));
    expect(at(instances(3), { maxInstances: 3 })).toEqual([]);
    // Depth 64 exactly, on the fast path and on the located path (an anchor forces it).
    expect(at(deepArgs(61))).toEqual([]);
    expect(at(deepArgs(61, 'x: &x 1\n'))).toEqual([]);
    expect(at(deepArgs(62, 'x: &x 1\n'))).toEqual(['spec/nesting-too-deep']);
    // yaml counts one step more than the uses of an anchor of plain values.
    expect(at(MERGES(2), { maxAliases: 3 })).toEqual([]);
    expect(at(MERGES(3), { maxAliases: 3 })).toEqual(['spec/too-many-aliases']);
  });
});
