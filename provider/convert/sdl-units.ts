import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import type { UnitReaders } from './convert-resources.js';
import { sdlCpuToSpec, sdlSizeToSpec } from './sdl-size.js';

/** SDL's unit spellings (`4Gb`, `16GB`, `1gi`, `500M` cpu) read as Akash reads them. */
export const sdlUnits: UnitReaders = { size: readSdlSize, cpu: readSdlCpu };

function readSdlSize(raw: unknown, at: SpecPath, ctx: ConvertContext): string | number | undefined {
  const r = sdlSizeToSpec(raw);
  if (!r.ok) {
    ctx.error(invalidValue(`\`${String(raw)}\` is not a size: ${r.problem}.`, at));
    return undefined;
  }
  if (r.readAsBinaryIb === true) {
    ctx.warn({
      code: 'convert/size-unit-read-as-binary',
      summary: 'Size unit read as binary',
      detail: `\`${String(raw)}\` was read as ${r.value} (binary, ×1024), as its name says; Akash Console's parser reads an \`iB\` suffix as decimal (×1000).`,
      hint: `Write \`${String(r.value)}\` in the source to make the size unambiguous.`,
      at,
    });
  }
  return r.value;
}

function readSdlCpu(raw: unknown): string | number | undefined {
  return sdlCpuToSpec(raw);
}
