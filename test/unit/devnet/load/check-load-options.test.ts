import { describe, expect, it } from '@jest/globals';
import {
  checkLoadOptions,
  isLoopbackEndpoint,
} from '../../../../devnet/load/check-load-options.js';

const ok = { rps: 50, durationMs: 10_000, concurrency: 64, endpoints: ['http://127.0.0.1:4000'] };
const codes = (o: Parameters<typeof checkLoadOptions>[0]) => checkLoadOptions(o).map((d) => d.code);

describe('isLoopbackEndpoint', () => {
  it.each([
    ['http://127.0.0.1:8080', true],
    ['http://localhost:80', true],
    ['http://[::1]:80', true],
    ['http://10.0.0.5:80', false],
    ['https://127.0.0.1:443', false],
    ['not a url', false],
  ])('GIVEN %s THEN %s', (url, expected) => {
    expect(isLoopbackEndpoint(url)).toBe(expected);
  });
});

describe('checkLoadOptions', () => {
  it('GIVEN sane options on loopback WHEN checked THEN no diagnostics', () => {
    expect(checkLoadOptions(ok)).toEqual([]);
  });

  it('GIVEN a zero rate and an endless duration WHEN checked THEN both are out of bounds', () => {
    expect(codes({ ...ok, rps: 0, durationMs: 7_200_000 })).toEqual([
      'devnet/load-out-of-bounds',
      'devnet/load-out-of-bounds',
    ]);
  });

  it('GIVEN the top rate for the longest run WHEN checked THEN the request count bound refuses it', () => {
    const d = checkLoadOptions({ ...ok, rps: 5000, durationMs: 3_600_000 });
    expect(d.map((x) => x.code)).toEqual(['devnet/load-out-of-bounds']);
    expect(d[0]?.detail).toContain('18000000 requests');
  });

  it('GIVEN a public endpoint WHEN checked THEN load-not-loopback quotes it', () => {
    const d = checkLoadOptions({ ...ok, endpoints: ['http://203.0.113.9:80'] });
    expect(d.map((x) => x.code)).toEqual(['devnet/load-not-loopback']);
    expect(d[0]?.detail).toContain('"http://203.0.113.9:80"');
  });
});
