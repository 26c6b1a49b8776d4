import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import type { CheckStackResult } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';
import { mutatedExample, readExamples } from '../../../support/mutate-yaml.js';

// The examples, broken the way people break YAML (lines deleted, duplicated, swapped; tabs, quotes,
// colons, brackets, anchors and odd unicode typed in; the file cut short), through the in-process
// loader that `leasehold validate` runs: every outcome is a model or located diagnostics, never an
// exception — and never one that is not a LeaseholdError.
const examplesDir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const TOKENS = knownTokens('local') ?? [];

function load(name: string, text: string): CheckStackResult {
  const file = examplesDir + name;
  return checkStack(parseYamlSpec(text, file, dirname(file)), TOKENS);
}

function assertWellFormed(res: CheckStackResult): void {
  const errors = res.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  expect(res.model === null).toBe(errors.length > 0);
  for (const d of res.diagnostics) {
    expect(d.code).toMatch(/^spec\/[a-z]+(-[a-z]+)*$/);
    expect(d.summary.length).toBeGreaterThan(0);
    expect(`${d.summary} ${d.detail ?? ''}`).not.toMatch(/call stack|Unexpected error|\n\s+at /);
    if (d.source !== undefined) expect(d.source.line).toBeGreaterThanOrEqual(1);
  }
}

describe('the examples under random text mutation', () => {
  it('GIVEN the examples unchanged THEN each loads into a model (the base of the fuzz is valid)', () => {
    const examples = readExamples();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const { name, text } of examples) expect(load(name, text).diagnostics).toEqual([]);
  });

  it('GIVEN one of the mutations (a tab as indentation) THEN the example turns invalid (the fuzz bites)', () => {
    const [{ name, text }] = readExamples() as [{ name: string; text: string }];
    const res = load(name, text.replace(/\n {2}(\S)/, '\n\t$1'));
    expect(res.model).toBeNull();
    expect(res.diagnostics[0]?.hint).toContain('Indent with spaces');
  });

  it('GIVEN mutated examples WHEN loaded in process THEN a model or diagnostics, never a foreign exception', () => {
    let invalid = 0;
    fc.assert(
      fc.property(mutatedExample, ({ name, text }) => {
        let res: CheckStackResult;
        try {
          res = load(name, text);
        } catch (err) {
          // A Leasehold error is a handled outcome; anything else is a bug the user would see as
          // "Unexpected error".
          expect(err).toBeInstanceOf(LeaseholdError);
          return;
        }
        assertWellFormed(res);
        if (res.model === null) invalid += 1;
      }),
      { numRuns: 200 },
    );
    // Most edits break something: a fuzz that only ever produced valid specs would test nothing.
    expect(invalid).toBeGreaterThan(40);
  });
});
