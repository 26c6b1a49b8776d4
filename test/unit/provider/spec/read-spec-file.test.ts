import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readSpecFile } from '../../../../provider/spec/read-spec-file.js';
import { DEFAULT_SPEC_LIMITS } from '../../../../provider/spec/spec-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'leasehold-read-spec-'));
const small = { ...DEFAULT_SPEC_LIMITS, maxBytes: 100 };

describe('readSpecFile', () => {
  it('GIVEN a file within the limit WHEN read THEN its text', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'stack: é\n');
    expect(await readSpecFile(file, 'ok.yaml', small)).toEqual({
      kind: 'text',
      text: 'stack: é\n',
    });
  });

  it('GIVEN a file of exactly the limit WHEN read THEN it is read; one byte more is refused', async () => {
    const file = join(dir, 'edge.yaml');
    writeFileSync(file, 'x'.repeat(100));
    expect((await readSpecFile(file, 'edge.yaml', small)).kind).toBe('text');
    writeFileSync(file, 'x'.repeat(101));
    expect(await readSpecFile(file, 'edge.yaml', small)).toMatchObject({
      kind: 'refused',
      diagnostic: { code: 'spec/file-too-large' },
    });
  });

  it('GIVEN an 8 GiB (sparse) file WHEN read with the default limits THEN refused from its size, unread', async () => {
    // Reading 8 GiB would take minutes and overflow a Buffer: only the size check can answer this.
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 8 * 1024 ** 3);
    const r = await readSpecFile(file, 'huge.yaml', DEFAULT_SPEC_LIMITS);
    expect(r).toMatchObject({ kind: 'refused', diagnostic: { code: 'spec/file-too-large' } });
    if (r.kind === 'refused') expect(r.diagnostic.detail).toContain('8,589,934,592 bytes');
  });

  it('GIVEN an endless device WHEN read THEN reading stops past the limit and it is refused', async () => {
    const r = await readSpecFile('/dev/zero', '/dev/zero', small);
    expect(r).toMatchObject({ kind: 'refused', diagnostic: { code: 'spec/file-too-large' } });
    if (r.kind === 'refused') expect(r.diagnostic.detail).toContain('is more than 100 bytes');
  });

  it('GIVEN a missing path or a directory WHEN read THEN missing, or refused as unreadable', async () => {
    expect(await readSpecFile(join(dir, 'nope.yaml'), 'nope.yaml', small)).toEqual({
      kind: 'missing',
    });
    expect(await readSpecFile(dir, 'examples', small)).toMatchObject({
      kind: 'refused',
      diagnostic: {
        code: 'spec/file-unreadable',
        detail: '`examples` is a directory, not a spec file.',
      },
    });
  });
});
