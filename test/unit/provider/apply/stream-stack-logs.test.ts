import { describe, expect, it } from '@jest/globals';
import { splitLine } from '../../../../provider/apply/stream-stack-logs.js';

describe('splitLine', () => {
  it('GIVEN a provider log line WHEN split THEN the replica and the message', () => {
    expect(splitLine('[web-0] GET / 200')).toEqual({ replica: 'web-0', message: 'GET / 200' });
  });

  it('GIVEN a line without a replica WHEN split THEN the whole line is the message', () => {
    expect(splitLine('plain text')).toEqual({ replica: '', message: 'plain text' });
  });
});
