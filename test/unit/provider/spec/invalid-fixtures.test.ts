import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';
import { parsePath } from '../../../../provider/spec/spec-path.js';
import type { StackSpec } from '../../../../provider/spec/spec-types.js';
import { validateSchema } from '../../../../provider/spec/validate-schema.js';
import { validateSemantics } from '../../../../provider/spec/validate-semantics.js';

// Every invalid fixture goes through the same steps as `leasehold validate`: parse, schema,
// semantics (only on schema-valid data), then locate each diagnostic from its path.
const dir = new URL('../../../fixtures/invalid/', import.meta.url).pathname;

interface Expected {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly path?: string;
  readonly summary: string;
  readonly detail: string;
  readonly hint: string;
}

const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<
  string,
  Expected[]
>;
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function run(file: string): Expected[] {
  const parsed = parseYamlSpec(readFileSync(dir + file, 'utf8'), dir + file, dir);
  let diags: Diagnostic[] = [...parsed.diagnostics];
  if (parsed.data !== null) {
    const schema = validateSchema(parsed.data);
    diags = [...diags, ...schema];
    if (schema.length === 0) diags = [...diags, ...validateSemantics(parsed.data as StackSpec)];
  }
  return diags.map((d) => {
    const src = d.source ?? (d.path === undefined ? undefined : parsed.locate(parsePath(d.path)));
    if (src === undefined) throw new Error(`${file}: ${d.code} has no source`);
    expect(src.file).toBe(dir + file);
    return {
      severity: d.severity,
      code: d.code,
      line: src.line,
      column: src.column,
      ...(d.path === undefined ? {} : { path: d.path }),
      summary: d.summary,
      detail: d.detail ?? '',
      hint: d.hint ?? '',
    };
  });
}

describe('invalid spec fixtures', () => {
  it('GIVEN the fixture folder WHEN listed THEN it holds at least 40 specs, each with expectations', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)(
    'GIVEN %s WHEN validated THEN exactly the expected diagnostics, located',
    (file) => {
      const got = run(file);
      expect(got).toEqual(expected[file]);
      expect(
        got.some((d) => d.severity === 'error' || d.code === 'spec/spread-without-replicas'),
      ).toBe(true);
      for (const d of got) {
        expect(d.code).toMatch(/^spec\/[a-z]+(-[a-z]+)*$/);
        expect(d.summary).not.toMatch(/\.$/);
        expect(`${d.detail} ${d.hint}`).not.toMatch(/\n|\bat \S+:\d+/);
      }
    },
  );

  it('GIVEN specs with secret values written in place WHEN validated THEN no message repeats them', () => {
    for (const [file, secret] of [
      ['19-credentials-password-literal.yaml', 'hunter2-very-secret'],
      ['22-secret-literal.yaml', 'sk-live-abcdef123456'],
    ] as const) {
      const text = JSON.stringify(run(file));
      expect(text).not.toContain(secret);
    }
  });
});
