import { describe, expect, it } from '@jest/globals';
import { errorDiag } from '../../../../cli/diag/index.js';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import type { ParsedSource } from '../../../../provider/spec/parsed-source.js';
import type { SpecPath } from '../../../../provider/spec/spec-path.js';

const tokens = knownTokens('local') ?? [];

/** A source whose locator reports the path it was asked for as the line count, to check the wiring. */
function source(
  data: unknown,
  diagnostics: ParsedSource['diagnostics'] = [],
): ParsedSource & { asked: SpecPath[] } {
  const asked: SpecPath[] = [];
  return {
    file: 'spec.yaml',
    baseDir: '/tmp',
    data,
    diagnostics,
    asked,
    locate: (path) => {
      asked.push(path);
      return {
        file: 'spec.yaml',
        line: path.length,
        column: 1,
        endLine: path.length,
        endColumn: 2,
      };
    },
  };
}

const valid = {
  stack: 's',
  instances: { a: { image: 'x', pricing: { maxPerHour: '1', token: 'USDT' } } },
};

describe('checkStack', () => {
  it('GIVEN a valid document WHEN checked THEN the model is returned with no diagnostics', () => {
    const res = checkStack(source(valid), tokens);
    expect(res.diagnostics).toEqual([]);
    expect(res.model?.resources.map((r) => r.address)).toEqual(['instance.a']);
  });

  it('GIVEN read errors WHEN checked THEN later stages do not run and the model is null', () => {
    const readError = errorDiag({ code: 'spec/yaml-syntax', summary: 'Invalid YAML' });
    const res = checkStack(source(null, [readError]), tokens);
    expect(res.model).toBeNull();
    expect(res.diagnostics).toEqual([readError]);
  });

  it('GIVEN a schema-invalid document WHEN checked THEN only schema diagnostics appear, each located', () => {
    const res = checkStack(
      source({
        stack: 's',
        instances: { a: { image: 'x', pricing: { maxPerHour: '1', token: 'DAI' } } },
        bogus: 1,
      }),
      tokens,
    );
    expect(res.model).toBeNull();
    expect(res.diagnostics.length).toBeGreaterThan(0);
    expect(res.diagnostics.map((d) => d.code)).not.toContain('spec/unknown-token');
    for (const d of res.diagnostics) expect(d.source?.file).toBe('spec.yaml');
  });

  it('GIVEN a normalization error WHEN checked THEN it is located through its spec path', () => {
    const src = source({
      stack: 's',
      instances: { a: { image: 'x', pricing: { maxPerHour: '1', token: 'DAI' } } },
    });
    const res = checkStack(src, tokens);
    expect(res.model).toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec/unknown-token',
        source: expect.objectContaining({ line: 4 }),
      }),
    ]);
    expect(src.asked).toContainEqual(['instances', 'a', 'pricing', 'token']);
  });
});
