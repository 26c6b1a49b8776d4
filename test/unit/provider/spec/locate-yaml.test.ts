import { describe, expect, it } from '@jest/globals';
import { LineCounter, parseDocument } from 'yaml';
import { createYamlLocator } from '../../../../provider/spec/locate-yaml.js';
import { parsePath } from '../../../../provider/spec/spec-path.js';

const TEXT = [
  'stack: demo', // 1
  'base: &base', // 2
  '  image: nginx:1.27', // 3
  'instances:', // 4
  '  web:', // 5
  '    image: nginx:1.27', // 6
  '    ports:', // 7
  '      - port: 8080', // 8
  '      - { port: 9090, as: 80 }', // 9
  '  "odd key":', // 10
  '    image: x', // 11
  '  alias: *base', // 12
  '',
].join('\n');

function locator() {
  const lc = new LineCounter();
  const doc = parseDocument(TEXT, { lineCounter: lc });
  return createYamlLocator(doc, lc, 'spec.yaml');
}

const at = (path: string): [number, number, number, number] | undefined => {
  const r = locator()(parsePath(path));
  return r && [r.line, r.column, r.endLine, r.endColumn];
};

describe('createYamlLocator', () => {
  it('GIVEN a scalar entry WHEN located THEN the range runs from its key to the end of its value', () => {
    expect(at('instances.web.image')).toEqual([6, 5, 6, 22]);
  });

  it('GIVEN an entry holding a block collection WHEN located THEN only the key is covered', () => {
    expect(at('instances.web')).toEqual([5, 3, 5, 6]);
    expect(at('instances.web.ports')).toEqual([7, 5, 7, 10]);
  });

  it('GIVEN list items, block and flow WHEN located THEN each item and field is found', () => {
    expect(at('instances.web.ports[0]')?.slice(0, 2)).toEqual([8, 9]);
    expect(at('instances.web.ports[0].port')?.slice(0, 2)).toEqual([8, 9]);
    expect(at('instances.web.ports[1].as')?.slice(0, 2)).toEqual([9, 23]);
  });

  it('GIVEN a quoted key and an alias WHEN located THEN both resolve', () => {
    expect(at('instances["odd key"].image')?.slice(0, 2)).toEqual([11, 5]);
    // Through the alias: the anchored node's own position.
    expect(at('instances.alias.image')?.slice(0, 2)).toEqual([3, 3]);
  });

  it('GIVEN a path that does not exist WHEN located THEN the deepest existing entry is reported', () => {
    expect(at('instances.web.resources.memory')).toEqual([5, 3, 5, 6]);
    expect(at('instances.web.ports[7]')?.slice(0, 2)).toEqual([7, 5]);
    expect(at('nothing')?.slice(0, 2)).toEqual([1, 1]);
    expect(at('')?.slice(0, 2)).toEqual([1, 1]);
  });

  it('GIVEN an index into a mapping or a key into a scalar WHEN located THEN it stops at the parent', () => {
    expect(at('instances[0]')?.slice(0, 2)).toEqual([4, 1]);
    expect(at('stack.name')?.slice(0, 2)).toEqual([1, 1]);
  });

  it('GIVEN an empty document WHEN located THEN line 1 column 1', () => {
    const lc = new LineCounter();
    const loc = createYamlLocator(parseDocument('', { lineCounter: lc }), lc, 'empty.yaml');
    expect(loc(['stack'])).toEqual({
      file: 'empty.yaml',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  });
});
