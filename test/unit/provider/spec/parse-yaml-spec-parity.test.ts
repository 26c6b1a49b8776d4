import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseWithLocations, parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';

// parseYamlSpec reads well-formed documents with js-yaml and builds the `yaml` CST only to locate
// problems: both parsers must yield the same data, or YAML and its diagnostics would disagree.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));
const files = [
  ...yamlFiles('examples'),
  ...yamlFiles('test/fixtures/valid'),
  ...yamlFiles('test/fixtures/invalid'),
  ...yamlFiles('test/fixtures/convert/icl'),
  ...yamlFiles('test/fixtures/convert/sdl'),
];

describe('parseYamlSpec fast path', () => {
  it.each(files)('GIVEN %s WHEN read by both parsers THEN data and diagnostics agree', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const fast = parseYamlSpec(text, file, root);
    const slow = parseWithLocations(text, file, root);
    expect(fast.data).toEqual(slow.data);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });

  it('GIVEN a valid document WHEN a path is located THEN the lazily built locator finds it', () => {
    const text = 'stack: demo\ninstances:\n  web:\n    image: nginx:1.27\n';
    const parsed = parseYamlSpec(text, 'f.yaml', root);
    expect(parsed.locate(['instances', 'web', 'image'])).toMatchObject({ file: 'f.yaml', line: 4 });
  });

  it('GIVEN values YAML 1.1 would retype (dates, yes/no, octal) THEN both keep YAML 1.2 core meanings', () => {
    const text = 'stack: demo\ninstances: {}\nx: 2024-01-01\ny: yes\nz: 0755\nw: 0o17\n';
    const fast = parseYamlSpec(text, 'f.yaml', root);
    expect(fast.data).toEqual(parseWithLocations(text, 'f.yaml', root).data);
    expect(fast.data).toMatchObject({ x: '2024-01-01', y: 'yes', z: 755, w: 15 });
  });

  it('GIVEN anchors and aliases THEN the located path with its alias limit reads them', () => {
    const text = 'stack: demo\nx: &a [1, 2]\ny: *a\ninstances: {}\n';
    expect(parseYamlSpec(text, 'f.yaml', root).data).toEqual({
      stack: 'demo',
      x: [1, 2],
      y: [1, 2],
      instances: {},
    });
  });
});
