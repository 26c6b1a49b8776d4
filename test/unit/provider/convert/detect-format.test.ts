import { describe, expect, it } from '@jest/globals';
import { detectFormat } from '../../../../provider/convert/detect-format.js';

const profiles = { compute: { web: {} }, placement: { dc: {} } };

describe('detectFormat', () => {
  it.each([
    [{ version: '1.0', profiles: { ...profiles, duration: '1h', mode: 'provider' } }, 'icl'],
    [{ version: 1, profiles }, 'icl'],
    [{ version: '2.0', profiles }, 'sdl'],
    [{ version: 2, profiles }, 'sdl'],
    [{ version: '2.1', profiles }, 'sdl'],
  ])('GIVEN %j WHEN detected THEN it is %s', (doc, format) => {
    expect(detectFormat(doc).format).toBe(format);
  });

  it.each([
    [{ version: '3.0', profiles }],
    [{ version: '2.0' }],
    [{ version: '2.0', profiles: { ...profiles, duration: '1h' } }],
    [{ stack: 'mine', instances: {} }],
    ['just text'],
    [null],
  ])('GIVEN %j WHEN detected THEN it is convert/unknown-format', (doc) => {
    const r = detectFormat(doc);
    expect(r.format).toBeNull();
    if (r.format === null) {
      expect(r.diagnostic).toMatchObject({ severity: 'error', code: 'convert/unknown-format' });
      expect(r.diagnostic.summary).not.toMatch(/\.$/);
    }
  });
});
