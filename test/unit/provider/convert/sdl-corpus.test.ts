import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { convertFile } from '../../../../provider/convert/convert-file.js';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';

// Real-world-variety SDL files (test/fixtures/sdl-corpus/README.md): none may end in a stack
// trace. `invalid-*` files must give located errors; the rest must convert and validate.
const DIR = join(process.cwd(), 'test/fixtures/sdl-corpus');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const VALID = FILES.filter((f) => !f.startsWith('invalid-'));
const INVALID = FILES.filter((f) => f.startsWith('invalid-'));
const TOKENS = knownTokens('local') ?? [];

describe('SDL corpus', () => {
  it('GIVEN the corpus WHEN listed THEN it has real variety: ≥ 15 convertible files and ≥ 5 broken ones', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(15);
    expect(INVALID.length).toBeGreaterThanOrEqual(5);
  });

  it.each(VALID)('GIVEN %s WHEN converted THEN the spec validates', async (file) => {
    const res = await convertFile({ file, cwd: DIR });
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(res.sourceFormat).toBe('sdl');
    for (const d of res.diagnostics) expect(d.code).toMatch(/^convert\/[a-z-]+$/);
    const checked = checkStack(parseYamlSpec(res.yaml ?? '', 'converted.yaml', DIR), TOKENS);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.model).not.toBeNull();
  });

  it.each(INVALID)(
    'GIVEN %s WHEN converted THEN it ends in located error diagnostics, not a throw',
    async (file) => {
      const res = await convertFile({ file, cwd: DIR });
      expect(res.yaml).toBeNull();
      const errors = res.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const d of errors) {
        expect(d.code).toMatch(/^convert\/[a-z-]+$/);
        expect(d.hint).toBeTruthy();
        expect(d.source?.file).toBe(join(DIR, file));
      }
    },
  );
});
