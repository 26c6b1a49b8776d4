import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { convertFile } from '../../../../provider/convert/convert-file.js';
import { sdlCpuToSpec, sdlSizeToSpec } from '../../../../provider/convert/sdl-size.js';
import { parseByteSize } from '../../../../common/units/index.js';

const CORPUS = join(process.cwd(), 'test/fixtures/sdl-corpus');

describe('sdlSizeToSpec', () => {
  // Akash's units (akashjs convertResourceString: case-insensitive prefix k m g t p e, then `i`
  // for ×1024, anything else ×1000; node's parseWithSuffix: k Ki M Mi G Gi T Ti P Pi E Ei).
  it.each([
    ['4Gb', '4G', 4_000_000_000n],
    ['16GB', '16G', 16_000_000_000n],
    ['2gb', '2G', 2_000_000_000n],
    ['1gi', '1Gi', 1n << 30n],
    ['512Mi', '512Mi', 512n << 20n],
    ['512mi', '512Mi', 512n << 20n],
    ['512m', '512M', 512_000_000n],
    ['1.5Gi', '1.5Gi', 3n << 29n],
    ['0.5GB', '0.5G', 500_000_000n],
    ['1024k', '1024k', 1_024_000n],
    ['1024K', '1024k', 1_024_000n],
    ['1Tb', '1T', 10n ** 12n],
    ['2Ti', '2Ti', 2n << 40n],
    ['1Pi', '1Pi', 1n << 50n],
    ['1E', '1E', 10n ** 18n],
    [' 8Gi ', '8Gi', 8n << 30n],
    ['1073741824', 1073741824, 1n << 30n],
    [2048, 2048, 2048n],
  ])('GIVEN %j WHEN read THEN it is written %j (%s bytes)', (raw, want, bytes) => {
    const r = sdlSizeToSpec(raw);
    expect(r).toEqual({ ok: true, value: want });
    expect(parseByteSize(want)).toEqual({ ok: true, value: bytes });
  });

  it('GIVEN 1GiB WHEN read THEN it is binary, flagged because Akash Console reads iB as decimal', () => {
    expect(sdlSizeToSpec('1GiB')).toEqual({ ok: true, value: '1Gi', readAsBinaryIb: true });
  });

  it.each(['lots', '1Zb', '', '-1Gi', '1.2.3G', 'Gi', '0.1', 0, -5, null, { size: 1 }])(
    'GIVEN %j WHEN read THEN it is refused with the rule',
    (raw) => {
      const r = sdlSizeToSpec(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(/expected/);
    },
  );

  it.each([
    ['500m', '500m'],
    ['500M', '500m'],
    ['2', 2],
    [0.5, 0.5],
    ['0.25', 0.25],
  ])('GIVEN cpu %j WHEN read THEN it is written %j', (raw, want) => {
    expect(sdlCpuToSpec(raw)).toEqual(want);
  });
});

describe('convert: Akash SDL as people write it', () => {
  it("GIVEN version '2' and sizes 4Gb / 16GB WHEN converted THEN it is SDL 2.0 and the spec has the canonical units", async () => {
    const res = await convertFile({ file: 'quoted-version-2-gb-units.yaml', cwd: CORPUS });
    expect(res.sourceFormat).toBe('sdl');
    expect(parse(res.yaml ?? '')).toMatchObject({
      instances: { app: { resources: { memory: '4G', storage: [{ size: '16G' }] } } },
    });
  });

  it('GIVEN lowercase units and millicores WHEN converted THEN each is written canonically', async () => {
    const res = await convertFile({ file: 'lowercase-units.yaml', cwd: CORPUS });
    expect(parse(res.yaml ?? '')).toMatchObject({
      instances: {
        cache: {
          resources: {
            cpu: '750m',
            memory: '2G',
            storage: [{ size: '1Gi' }, { name: 'data', size: '512Mi' }],
          },
        },
      },
    });
  });

  it('GIVEN 1GiB WHEN converted THEN it is 1Gi with a located warning', async () => {
    const res = await convertFile({ file: 'binary-ib-suffix.yaml', cwd: CORPUS });
    expect(res.diagnostics.map((d) => `${d.code}@${d.path ?? ''}`)).toContain(
      'convert/size-unit-read-as-binary@profiles.compute.app.resources.memory.size',
    );
    expect(parse(res.yaml ?? '')).toMatchObject({
      instances: { app: { resources: { memory: '1Gi', storage: [{ size: '2Gi' }] } } },
    });
  });

  it('GIVEN a file starting with --- and ending with ... WHEN converted THEN it converts as Akash reads it', async () => {
    const res = await convertFile({ file: 'document-marker.yaml', cwd: CORPUS });
    expect(res.yaml).not.toBeNull();
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('GIVEN two YAML documents WHEN converted THEN the first is converted and the rest is named in a warning', async () => {
    const res = await convertFile({ file: 'two-documents.yaml', cwd: CORPUS });
    expect(Object.keys(parse(res.yaml ?? '').instances as object)).toEqual(['web']);
    expect(res.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'convert/extra-documents-ignored',
        source: expect.objectContaining({ line: 32 }),
      }),
    );
  });

  it('GIVEN a file starting with `--` WHEN converted THEN it is a located syntax error whose hint names `---`', async () => {
    const res = await convertFile({ file: 'invalid-double-dash.yaml', cwd: CORPUS });
    expect(res.yaml).toBeNull();
    expect(res.diagnostics[0]).toMatchObject({
      code: 'convert/yaml-syntax',
      source: expect.objectContaining({ line: 1 }),
    });
    expect(res.diagnostics[0]?.hint).toMatch(/---/);
  });

  it('GIVEN the same port on tcp and udp and dotted env names WHEN converted THEN the spec holds both', async () => {
    const mc = await convertFile({ file: 'minecraft-same-port.yaml', cwd: CORPUS });
    expect(parse(mc.yaml ?? '')).toMatchObject({
      instances: {
        minecraft: {
          ports: [
            { port: 25565, global: true },
            { port: 25565, proto: 'udp', global: true },
          ],
        },
      },
    });
    const es = await convertFile({ file: 'elasticsearch-dotted-env.yaml', cwd: CORPUS });
    expect(parse(es.yaml ?? '')).toMatchObject({
      instances: { es: { env: { 'discovery.type': 'single-node', 'cluster.name': 'leasehold' } } },
    });
  });
});
