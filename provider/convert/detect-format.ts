import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { isYamlMap } from './yaml-values.js';

/** A format `convert` reads. */
export type SourceFormat = 'icl' | 'sdl';

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
 * Tells ICL from SDL. Both have `services`/`profiles`/`deployment`; the version tells them
 * apart: ICL is `"1.0"` (Spheron never shipped another), SDL is `"2.0"`/`"2.1"`. Profile-level
 * `duration`/`mode`/`tier` (ICL only) or `denom` pricing (SDL only) against the version is a mix
 * we refuse rather than guess.
 */
export function detectFormat(data: unknown): DetectFormatResult {
  const root = isYamlMap(data) ? data : {};
  const version = versionText(root['version']);
  const profiles = isYamlMap(root['profiles']) ? root['profiles'] : undefined;
  const hasProfiles =
    profiles !== undefined && (isYamlMap(profiles['compute']) || isYamlMap(profiles['placement']));
  const iclOnly = profiles !== undefined && ['duration', 'mode', 'tier'].some((k) => k in profiles);
  if (hasProfiles && version === '1.0') return { format: 'icl' };
  if (hasProfiles && (version === '2.0' || version === '2.1') && !iclOnly) return { format: 'sdl' };
  return {
    format: null,
    diagnostic: errorDiag({
      code: 'convert/unknown-format',
      summary: 'File is neither ICL nor SDL',
      detail: `Found \`version: ${version ?? '(none)'}\`${hasProfiles ? '' : ' and no `profiles.compute`/`profiles.placement`'}${iclOnly && version !== '1.0' ? ' with ICL profile fields (`duration`, `mode`, `tier`)' : ''}. convert reads Spheron ICL (version "1.0") and Akash SDL (version "2.0" or "2.1").`,
      hint: 'Check that the file is an ICL or SDL deployment file and that its `version` is quoted.',
      path: 'version',
    }),
  };
}
