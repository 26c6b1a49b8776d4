import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';
import { parsePath } from '../../../../provider/spec/spec-path.js';
import type { SpecPath } from '../../../../provider/spec/spec-path.js';
import { validateSpec } from '../../../../provider/spec/validate-spec.js';

// Randomly mutated valid specs must come back as diagnostics, never as an exception: the
// validator is the first thing a user's typo meets.
const text = readFileSync(new URL('../../../fixtures/valid/full.yaml', import.meta.url), 'utf8');
const base = parse(text) as unknown;

function pathsOf(node: unknown, at: SpecPath = []): SpecPath[] {
  if (typeof node !== 'object' || node === null) return [at];
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : Object.entries(node);
  return [at, ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))];
}
const ALL_PATHS = pathsOf(base);

type Container = Record<string | number, unknown>;
type Mutation = (parent: Container, key: string | number) => void;

function nest(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { deep: v };
  return v;
}

const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -0, 0, -1),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('x'.repeat(100_000), '${instance.', '${}', '0x', '1Gi', 'Pods', '__proto__'),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((p, k) => {
    if (Array.isArray(p)) p.splice(Number(k), 1);
    else delete p[k];
  }),
  weird.map<Mutation>((v) => (p, k) => {
    p[k] = v;
  }),
  fc.tuple(fc.string({ maxLength: 12 }), weird).map<Mutation>(([name, v]) => (p) => {
    if (!Array.isArray(p)) p[name] = v;
  }),
  fc.integer({ min: 1, max: 300 }).map<Mutation>((depth) => (p, k) => {
    p[k] = nest(depth, p[k]);
  }),
  fc.constant<Mutation>((p, k) => {
    const v = p[k];
    p[k] = Array.isArray(v)
      ? { ...v }
      : typeof v === 'object' && v !== null
        ? Object.values(v)
        : [v];
  }),
);

function mutate(paths: readonly number[], muts: readonly Mutation[]): unknown {
  const spec = structuredClone(base) as Container;
  paths.forEach((pick, i) => {
    const path = ALL_PATHS[pick % ALL_PATHS.length] ?? [];
    if (path.length === 0) return;
    let parent: unknown = spec;
    for (const seg of path.slice(0, -1)) parent = (parent as Container | null)?.[seg];
    const key = path[path.length - 1];
    if (typeof parent === 'object' && parent !== null && key !== undefined)
      muts[i]?.(parent as Container, key);
  });
  return spec;
}

function assertWellFormed(diags: readonly Diagnostic[]): void {
  expect(Array.isArray(diags)).toBe(true);
  for (const d of diags) {
    expect(d.code).toMatch(/^spec\/[a-z-]+$/);
    expect(d.summary.length).toBeGreaterThan(0);
    expect(typeof d.detail).toBe('string');
    expect((d.detail ?? '').length).toBeLessThan(2_000);
  }
}

describe('validateSpec under random mutation', () => {
  it('GIVEN a valid spec with random structural mutations WHEN validated and located THEN it never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(mutation, { minLength: 4, maxLength: 4 }),
        (paths, muts) => {
          const spec = mutate(paths, muts);
          const diags = validateSpec(spec);
          assertWellFormed(diags);
          const parsed = parseYamlSpec(stringify(spec), 'fuzz.yaml', '.');
          if (parsed.data === null) {
            // Nested past the depth limit: the text is refused before validation, located.
            expect(parsed.diagnostics.map((d) => d.code)).toEqual(['spec/nesting-too-deep']);
            expect(parsed.diagnostics[0]?.source?.line).toBeGreaterThanOrEqual(1);
            return;
          }
          for (const d of diags) {
            if (d.path !== undefined)
              expect(parsed.locate(parsePath(d.path))?.line).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('GIVEN the YAML text with random edits WHEN parsed and validated THEN diagnostics, never a throw', () => {
    const edit = fc.tuple(
      fc.nat({ max: text.length }),
      fc.nat({ max: 20 }),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let t = text;
        for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
        const parsed = parseYamlSpec(t, 'fuzz.yaml', '.');
        assertWellFormed(parsed.diagnostics);
        const diags = parsed.data === null ? [] : validateSpec(parsed.data);
        assertWellFormed(diags);
        for (const d of diags) if (d.path !== undefined) parsed.locate(parsePath(d.path));
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN the mutations WHEN one is applied THEN the valid spec does turn invalid (the fuzz bites)', () => {
    const spec = mutate(
      [ALL_PATHS.findIndex((p) => p.join('.') === 'stack')],
      [(p, k) => (p[k] = 42)],
    );
    expect(validateSpec(spec).map((d) => d.code)).toEqual(['spec/wrong-type']);
    expect(validateSpec(structuredClone(base))).toEqual([]);
  });
});
