import { afterEach, describe, expect, it } from '@jest/globals';
import { forgetKnownSecrets, registerSecret } from '../../../../cli/diag/index.js';
import type { Diagnostic } from '../../../../cli/diag/index.js';
import { renderDiagnostics } from '../../../../cli/render/render-diagnostics.js';
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
});
