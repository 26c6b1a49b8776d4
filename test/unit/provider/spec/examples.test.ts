import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadStack } from '../../../../provider/spec/load-stack.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'));

describe('examples/*.yaml', () => {
  it('GIVEN the examples directory THEN it holds at least hello, web, gpu and spread', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['hello.yaml', 'web.yaml', 'gpu.yaml', 'spread.yaml']),
    );
  });

  it.each(examples)(
    'GIVEN examples/%s WHEN loaded THEN there are no errors and a model',
    async (file) => {
      const res = await loadStack({ file: join('examples', file), cwd: root });
      expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(res.model).not.toBeNull();
      expect(res.canonicalJson).not.toBeNull();
    },
  );
});
