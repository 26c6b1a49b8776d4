import { describe, expect, it } from '@jest/globals';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';

const parse = (text: string) => parseYamlSpec(text, '/p/leasehold.yaml', '/p');

describe('parseYamlSpec', () => {
  it('GIVEN a valid mapping WHEN parsed THEN data, file, baseDir and no diagnostics', () => {
    const r = parse('stack: demo\ninstances:\n  web:\n    image: nginx\n');
    expect(r.data).toEqual({ stack: 'demo', instances: { web: { image: 'nginx' } } });
    expect(r.file).toBe('/p/leasehold.yaml');
    expect(r.baseDir).toBe('/p');
    expect(r.diagnostics).toEqual([]);
    expect(r.locate(['instances', 'web', 'image'])).toMatchObject({ line: 4, column: 5 });
  });

  it('GIVEN broken YAML WHEN parsed THEN a yaml-syntax error with line and column, and no data', () => {
    const r = parse('stack: demo\ninstances:\n  web: [a, b\n');
    expect(r.data).toBeNull();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'spec/yaml-syntax',
      summary: 'Invalid YAML',
    });
    expect(r.diagnostics[0]?.source).toMatchObject({
      file: '/p/leasehold.yaml',
      line: 4,
      column: 1,
    });
  });

  it('GIVEN a duplicate key WHEN parsed THEN spec/duplicate-key at the second key', () => {
    const r = parse('stack: demo\nstack: other\ninstances: {}\n');
    expect(r.data).toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec/duplicate-key',
        detail:
          'The key `stack` appears more than once in the same mapping; YAML keeps only one of them.',
        source: expect.objectContaining({ line: 2, column: 1 }),
      }),
    ]);
  });

  it.each([
    ['a list', '- a\n- b\n', 'The document is a list'],
    ['a scalar', 'just text\n', 'The document is a string'],
    ['nothing', '# comment only\n', 'The file is empty'],
    ['empty text', '', 'The file is empty'],
  ])('GIVEN %s WHEN parsed THEN spec/not-a-mapping', (_what, text, detail) => {
    const r = parse(text);
    expect(r.data).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'spec/not-a-mapping',
      source: { line: 1, column: 1 },
    });
    expect(r.diagnostics[0]?.detail).toContain(detail);
  });

  it('GIVEN an alias bomb WHEN parsed THEN spec/too-many-aliases naming the limit, not a hang or a throw', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const cur = String.fromCharCode(98 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const r = parse(`${lines.join('\n')}\n`);
    expect(r.data).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['spec/too-many-aliases']);
    expect(r.diagnostics[0]?.hint).toContain('LEASEHOLD_MAX_YAML_ALIASES=');
    expect(r.diagnostics[0]?.source).toMatchObject({ line: 2, column: 8 });
  });

  it('GIVEN anchors and merge keys WHEN parsed THEN the merged data is produced', () => {
    const r = parse(
      'base: &b\n  image: nginx\nstack: demo\ninstances:\n  web:\n    <<: *b\n    count: 2\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toMatchObject({ instances: { web: { image: 'nginx', count: 2 } } });
  });

  it('GIVEN a second document WHEN parsed THEN a yaml-syntax error', () => {
    const r = parse('stack: a\n---\nstack: b\n');
    expect(r.data).toBeNull();
    expect(r.diagnostics[0]?.code).toBe('spec/yaml-syntax');
  });

  it('GIVEN an unknown tag WHEN parsed THEN a yaml-warning with its position, and the data kept', () => {
    const r = parse('stack: !custom demo\ninstances: {}\n');
    expect(r.data).toEqual({ stack: 'demo', instances: {} });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'spec/yaml-warning',
        detail: 'Unresolved tag: !custom.',
        source: expect.objectContaining({ line: 1, column: 8 }),
      }),
    ]);
  });
});
