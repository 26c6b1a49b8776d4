import { afterEach, describe, expect, it } from '@jest/globals';
import { forgetKnownSecrets, registerSecret } from '../../../../cli/diag/index.js';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { clipLine, renderDiagnostics } from '../../../../cli/render/render-diagnostics.js';
import { PLAIN } from '../../../../cli/render/style.js';

const diag: Diagnostic = {
  severity: 'error',
  code: 'spec/unknown-field',
  summary: 'Unknown field in resources',
  detail: 'The field `memroy` is not part of resources.',
  hint: 'Did you mean `memory`?',
  path: 'instances.web.resources.memroy',
  source: { file: 'stack.yaml', line: 2, column: 5, endLine: 2, endColumn: 11 },
};

describe('renderDiagnostics', () => {
  afterEach(() => forgetKnownSecrets());

  it('GIVEN a located error and its file WHEN rendered THEN it quotes the line with a caret under the range', () => {
    const out = renderDiagnostics([diag], {
      style: PLAIN,
      sources: new Map([['stack.yaml', 'resources:\n    memroy: 1Gi\n']]),
    });
    expect(out).toMatchSnapshot();
    expect(out).toContain('on stack.yaml line 2, column 5, at instances.web.resources.memroy:');
    expect(out).toContain('2 |     memroy: 1Gi\n    |     ^^^^^^');
  });

  it('GIVEN a warning without a source THEN it has no quote and says Warning', () => {
    const out = renderDiagnostics(
      [{ severity: 'warning', code: 'a/b', summary: 'Something odd' }],
      { style: PLAIN },
    );
    expect(out).toBe('Warning: Something odd\n  [a/b]\n');
  });

  it('GIVEN the quoted line holds the known private key or URL credentials THEN they are masked', () => {
    const key = `0x${'5a'.repeat(32)}`;
    registerSecret(key);
    const out = renderDiagnostics(
      [{ ...diag, source: { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 4 } }],
      { style: PLAIN, sources: new Map([['f', `key: ${key} url: https://u:pw123@h/x`]]) },
    );
    expect(out).not.toContain(key);
    expect(out).not.toContain('pw123');
  });

  it('GIVEN a 20,000-character line with a mistake at column 12,001 WHEN rendered THEN about 160 characters around it are quoted, the caret under it', () => {
    const line = `${'a'.repeat(12_000)}BAD${'z'.repeat(7_997)}`;
    const out = renderDiagnostics(
      [{ ...diag, source: { file: 'f', line: 1, column: 12_001, endLine: 1, endColumn: 12_004 } }],
      { style: PLAIN, sources: new Map([['f', line]]) },
    );
    const [quoted, caret] = out.split('\n').filter((l) => /^\s+\d* \|/.test(l));
    expect(quoted?.length).toBeLessThan(175);
    expect(quoted).toMatch(/^ {2}1 \| …a+BADz+…$/);
    // The caret sits exactly under BAD.
    expect(caret?.indexOf('^')).toBe(quoted?.indexOf('BAD'));
    expect(caret).toMatch(/\^{3}$/);
  });

  it.each([
    ['a short line', 'short', 3, 2, { text: 'short', column: 3, width: 2 }],
    [
      'the start of a long line',
      'x'.repeat(500),
      1,
      4,
      { text: `${'x'.repeat(160)}…`, column: 1, width: 4 },
    ],
    [
      'the end of a long line',
      'x'.repeat(500),
      500,
      1,
      { text: `…${'x'.repeat(160)}`, column: 161, width: 1 },
    ],
    [
      'a range running past the cut',
      'x'.repeat(500),
      250,
      400,
      { text: `…${'x'.repeat(160)}…`, column: 82, width: 80 },
    ],
  ])('GIVEN %s WHEN clipped THEN %j', (_what, line, column, width, want) => {
    expect(clipLine(line, column, width)).toEqual(want);
  });
});
