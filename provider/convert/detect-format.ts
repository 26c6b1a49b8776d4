import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { isYamlMap } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

/** A format `convert` reads: Spheron ICL 1.0, Spheron ICL 2.0, Akash SDL 2.x. */
export type SourceFormat = 'icl' | 'icl2' | 'sdl';

/** The detected format, or a `convert/unknown-format` diagnostic. */
export type DetectFormatResult =
  { readonly format: SourceFormat } | { readonly format: null; readonly diagnostic: Diagnostic };

/** `version` as written; YAML reads an unquoted `2.0` as the number 2. */
function versionText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
  return undefined;
}

/**
 * `[major, minor]` read as Akash reads an SDL version (blang/semver `ParseTolerant`): a leading
 * `v` and missing parts are tolerated, so `'2'`, `2`, `'v2.0'` and `'2.0.0'` are all 2.0.
 */
export function tolerantVersion(text: string | undefined): readonly [number, number] | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec((text ?? '').trim());
  if (m === null) return null;
  return [Number(m[1]), Number(m[2] ?? '0')];
}

/** ICL 2.0 keys a service carries where ICL 1.0 and SDL put them under `profiles`. */
const ICL2_SERVICE_KEYS = ['resources', 'price', 'replica', 'port_policy'];
/** ICL 2.0's top-level `deployment` settings (SDL and ICL 1.0 key `deployment` by service). */
const ICL2_DEPLOYMENT_KEYS = ['duration', 'mode', 'tier', 'tiers', 'attributes'];

function looksLikeIcl2(root: YamlMap): boolean {
  const services = isYamlMap(root['services']) ? Object.values(root['services']) : [];
  const dep = isYamlMap(root['deployment']) ? root['deployment'] : {};
  return (
    ICL2_DEPLOYMENT_KEYS.some((k) => k in dep) ||
    services.some((s) => isYamlMap(s) && ICL2_SERVICE_KEYS.some((k) => k in s))
  );
}

/**
 * Tells the formats apart. SDL and ICL 1.0 both have `services`/`profiles`/`deployment`; the
 * version tells them apart: ICL is 1.0, SDL is 2.0 or later, read tolerantly as Akash does
 * (`version: '2'` is SDL 2.0). ICL 2.0 has no `profiles` and is routed, as the SDK routes it,
 * by `Number(version) === 2`. Profile-level `duration`/`mode`/`tier` (ICL only) with an SDL
 * version is a mix we refuse rather than guess.
 */
export function detectFormat(data: unknown): DetectFormatResult {
  const root = isYamlMap(data) ? data : {};
  const version = versionText(root['version']);
  const semver = tolerantVersion(version);
  const profiles = isYamlMap(root['profiles']) ? root['profiles'] : undefined;
  const hasProfiles =
    profiles !== undefined && (isYamlMap(profiles['compute']) || isYamlMap(profiles['placement']));
  const iclOnly = profiles !== undefined && ['duration', 'mode', 'tier'].some((k) => k in profiles);
  const major = semver?.[0];
  if (hasProfiles && major === 1) return { format: 'icl' };
  if (hasProfiles && major !== undefined && major >= 2 && !iclOnly) return { format: 'sdl' };
  if (!hasProfiles && Number(version) === 2 && looksLikeIcl2(root)) return { format: 'icl2' };
  return {
    format: null,
    diagnostic: errorDiag({
      code: 'convert/unknown-format',
      summary: 'File is neither ICL nor SDL',
      detail: `Found \`version: ${version ?? '(none)'}\`${hasProfiles ? '' : ' and no `profiles.compute`/`profiles.placement`'}${iclOnly && major !== 1 ? ' with ICL profile fields (`duration`, `mode`, `tier`)' : ''}. convert reads Spheron ICL (version "1.0" with \`profiles\`, or "2.0" with per-service \`resources\` and a top-level \`deployment\`) and Akash SDL (version "2.0" or later, with \`profiles\`).`,
      hint: 'Check that the file is an ICL or SDL deployment file and that its `version` is quoted.',
      path: 'version',
    }),
  };
}
