import { describe, expect, it } from '@jest/globals';
import {
  extractReferences,
  normalizeOutputs,
} from '../../../../provider/spec/normalize-outputs.js';
import { parseStatusRange } from '../../../../provider/spec/normalize-health.js';

describe('normalizeOutputs', () => {
  it('GIVEN values with references WHEN normalized THEN referenced addresses are extracted, sorted, unique', () => {
    expect(
      extractReferences(
        'http://${instance.web.endpoints[0]}/${ instance.api.host }/${instance.web.x}',
      ),
    ).toEqual(['instance.api', 'instance.web']);
    expect(extractReferences('a literal $ {not.one}')).toEqual([]);
    expect(
      normalizeOutputs({ b: { value: 'x' }, a: { value: '${instance.a.y}', sensitive: true } }),
    ).toEqual({
      a: {
        value: '${instance.a.y}',
        references: ['instance.a'],
        description: null,
        sensitive: true,
      },
      b: { value: 'x', references: [], description: null, sensitive: false },
    });
  });
});

describe('parseStatusRange', () => {
  it('GIVEN a code or a range THEN it is a min..max pair; invalid ones are null', () => {
    expect(parseStatusRange(200)).toEqual({ min: 200, max: 200 });
    expect(parseStatusRange('200-399')).toEqual({ min: 200, max: 399 });
    for (const bad of ['399-200', '600', '2xx', '', 99]) expect(parseStatusRange(bad)).toBeNull();
  });
});
