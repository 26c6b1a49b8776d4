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
    // Akash reads the version with semver's ParseTolerant: '2' is 2.0, and ≥ 2.1 is read as 2.1.
    [{ version: '2', profiles }, 'sdl'],
    [{ version: 'v2.0', profiles }, 'sdl'],
    [{ version: '2.0.0', profiles }, 'sdl'],
    [{ version: '3.0', profiles }, 'sdl'],
    [{ version: '2.0', services: { web: { image: 'x', price: {} } }, deployment: {} }, 'icl2'],
    [{ version: 2, services: {}, deployment: { duration: '1h' } }, 'icl2'],
    [{ version: '2', services: { web: { port_policy: [] } } }, 'icl2'],
  ])('GIVEN %j WHEN detected THEN it is %s', (doc, format) => {
    expect(detectFormat(doc).format).toBe(format);
  });

  it.each([
    [{ version: '1.5.0.1', profiles }],
    [{ version: 'two', profiles }],
    [{ version: '2.0' }],
    [{ version: '2.1', services: { web: { price: {} } }, deployment: { duration: '1h' } }],
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
