import { parseByteSize } from '../../common/units/index.js';

/** A size read the way Akash reads it, written in the spec's canonical unit. */
export type SdlSizeResult =
  | {
      readonly ok: true;
      /** `4G`, `1Gi`, `512Mi`, or a plain number of bytes. */
      readonly value: string | number;
      /**
       * Set when the spelling ends in `iB` (`1GiB`): Leasehold reads it as binary, as the name
       * says, while Akash Console's parser reads every suffix other than a bare `i` as decimal.
       */
      readonly readAsBinaryIb?: true | undefined;
    }
  | { readonly ok: false; readonly problem: string };

const DECIMAL_UNITS: Readonly<Record<string, string>> = {
  k: 'k',
  m: 'M',
  g: 'G',
  t: 'T',
  p: 'P',
  e: 'E',
};
/** Akash's unit table: a prefix k m g t p e in any case, then nothing or `b` (×1000ⁿ) or `i` (×1024ⁿ). */
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgtpe])(i?)(b?)$/i;
const EXPECTED =
  'expected a size as Akash writes it, such as 512Mi, 4Gi, 16GB, 2gb or 1048576 (prefixes k M G T P E; `i` for binary)';

/**
 * An SDL memory or storage size → the spec's canonical spelling. Akash's SDL parsers accept
 * `4Gb`, `16GB`, `2gb`, `1gi` and `512m` (akashjs `convertResourceString` lowercases the text
 * and reads `<number><prefix><i?>`; node's `parseWithSuffix` reads `k Ki M Mi … E Ei`); the spec
 * reads only the Kubernetes spellings, so `16GB` becomes `16G`, `1gi` becomes `1Gi` and `512m`
 * (mega, not milli, for a size) becomes `512M`. The number is kept as written, so nothing is
 * rounded; a size that is not a whole number of bytes is refused.
 */
export function sdlSizeToSpec(raw: unknown): SdlSizeResult {
  if (typeof raw === 'number')
    return Number.isSafeInteger(raw) && raw > 0 ? { ok: true, value: raw } : fail();
  if (typeof raw !== 'string') return fail();
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  const m = SIZE.exec(text);
  if (m === null) return fail();
  const [, num = '', prefix = '', binary = '', b = ''] = m;
  const p = prefix.toLowerCase();
  const unit = binary === '' ? DECIMAL_UNITS[p] : `${p.toUpperCase()}i`;
  const value = `${num}${unit ?? ''}`;
  const parsed = parseByteSize(value);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (parsed.value <= 0n) return fail();
  return binary !== '' && b !== ''
    ? { ok: true, value, readAsBinaryIb: true }
    : { ok: true, value };
}

/**
 * An SDL cpu amount → the spec's spelling: cores stay a number (`"2"` → 2), millicores are
 * written with a lowercase `m` (`500M` → `500m`), as both Akash parsers read it.
 */
export function sdlCpuToSpec(raw: unknown): string | number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const milli = /^(\d+)\s*m$/i.exec(text);
  return milli === null ? text : `${milli[1] ?? ''}m`;
}

function fail(): SdlSizeResult {
  return { ok: false, problem: EXPECTED };
}
