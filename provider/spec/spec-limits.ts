import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import { formatByteSize, parseByteSize } from '../../common/units/index.js';

/**
 * How much input Leasehold reads before refusing it. Each limit is checked before the work it
 * protects (the size before reading, the depth before composing YAML, the instance count before
 * schema validation), so over-limit input is refused in well under a second instead of running
 * for minutes and gigabytes.
 */
export interface SpecLimits {
  /** Largest spec file read, in bytes. @default 4194304 (4 MiB) */
  readonly maxBytes: number;
  /** Most entries under `instances`. @default 5000 */
  readonly maxInstances: number;
  /** Deepest nesting of mappings and lists, the top-level mapping being 1; 1 to 256. @default 64 */
  readonly maxDepth: number;
  /** YAML alias expansion budget, as `yaml`'s `maxAliasCount` counts it. @default 100 */
  readonly maxAliases: number;
}

/** The limits used when the environment sets none. */
export const DEFAULT_SPEC_LIMITS: SpecLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxInstances: 5_000,
  maxDepth: 64,
  maxAliases: 100,
};

/** The environment variable that raises each limit; messages name it. */
export const SPEC_LIMIT_VARS = {
  maxBytes: 'LEASEHOLD_MAX_SPEC_BYTES',
  maxInstances: 'LEASEHOLD_MAX_INSTANCES',
  maxDepth: 'LEASEHOLD_MAX_SPEC_DEPTH',
  maxAliases: 'LEASEHOLD_MAX_YAML_ALIASES',
} as const satisfies Record<keyof SpecLimits, string>;

// Past this the parsers and validators themselves recurse too deep for Node's default stack.
const DEPTH_CEILING = 256;

/** The limits from the environment, or the diagnostics naming each variable that is malformed. */
export type SpecLimitsResult =
  | { readonly ok: true; readonly limits: SpecLimits }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * Reads the limits from the environment (`LEASEHOLD_MAX_INSTANCES=20000`, …); unset or empty
 * variables keep the defaults. `LEASEHOLD_MAX_SPEC_BYTES` also takes a size (`16Mi`).
 * @example specLimitsFromEnv({ LEASEHOLD_MAX_SPEC_BYTES: '16Mi' }) // maxBytes 16777216
 */
export function specLimitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SpecLimitsResult {
  const out: { -readonly [K in keyof SpecLimits]: number } = { ...DEFAULT_SPEC_LIMITS };
  const diagnostics: Diagnostic[] = [];
  for (const [key, name] of Object.entries(SPEC_LIMIT_VARS) as [keyof SpecLimits, string][]) {
    const text = env[name]?.trim();
    if (text === undefined || text === '') continue;
    const value = key === 'maxBytes' ? bytesOf(text) : wholeOf(text);
    const max = key === 'maxDepth' ? DEPTH_CEILING : Number.MAX_SAFE_INTEGER;
    if (value !== undefined && value >= 1 && value <= max) out[key] = value;
    else diagnostics.push(invalidLimit(name, text, key));
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, limits: out };
}

function wholeOf(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function bytesOf(text: string): number | undefined {
  const r = parseByteSize(text);
  return r.ok && r.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r.value) : undefined;
}

function invalidLimit(name: string, text: string, key: keyof SpecLimits): Diagnostic {
  const expected =
    key === 'maxBytes'
      ? 'a size such as 16Mi or 16777216'
      : key === 'maxDepth'
        ? `a whole number from 1 to ${DEPTH_CEILING}`
        : 'a whole number above 0';
  return errorDiag({
    code: 'spec/invalid-limit',
    summary: 'Spec limit in the environment is not valid',
    detail: `${name}="${text}": expected ${expected}.`,
    hint: `Set ${name} to ${expected}, or unset it for the default.`,
  });
}

const count = (n: number): string => n.toLocaleString('en-US');

/** `file` is larger than `limits.maxBytes`; `bytes` is its size, or undefined when it has none. */
export function fileTooLargeDiag(
  file: string,
  bytes: number | undefined,
  limits: SpecLimits,
): Diagnostic {
  const found =
    bytes === undefined ? `more than ${count(limits.maxBytes)} bytes` : `${count(bytes)} bytes`;
  // Suggest the next power of two in MiB that fits the file, so the hint can be pasted as is.
  let suggest = 1n << 20n;
  while (suggest < BigInt(bytes ?? limits.maxBytes + 1)) suggest <<= 1n;
  return errorDiag({
    code: 'spec/file-too-large',
    summary: 'Spec file too large',
    detail: `\`${file}\` is ${found}; Leasehold reads spec files up to ${count(limits.maxBytes)} bytes (${formatByteSize(BigInt(limits.maxBytes))}). Nothing of it was parsed.`,
    hint: `Split the stack into smaller ones, or raise the limit: ${SPEC_LIMIT_VARS.maxBytes}=${formatByteSize(suggest)}.`,
  });
}

/**
 * The error when `data.instances` has more entries than `limits.maxInstances`, else undefined.
 * Counting keys is cheap; validating and normalizing 400,000 instances is not, so this runs first.
 */
export function checkInstanceCount(
  data: unknown,
  file: string,
  limits: SpecLimits,
): Diagnostic | undefined {
  const instances =
    typeof data === 'object' && data !== null ? (data as { instances?: unknown }).instances : null;
  if (typeof instances !== 'object' || instances === null) return undefined;
  const found = Array.isArray(instances) ? instances.length : Object.keys(instances).length;
  return found > limits.maxInstances ? tooManyInstancesDiag(file, found, limits) : undefined;
}

function tooManyInstancesDiag(file: string, found: number, limits: SpecLimits): Diagnostic {
  return errorDiag({
    code: 'spec/too-many-instances',
    summary: 'Too many instances',
    detail: `\`${file}\` declares ${count(found)} instances; Leasehold checks at most ${count(limits.maxInstances)} in one stack. Nothing was validated.`,
    hint: `Split the stack into smaller ones, or raise the limit: ${SPEC_LIMIT_VARS.maxInstances}=${found}.`,
  });
}

/** A mapping or list nested deeper than `limits.maxDepth`, located at the first one too deep. */
export function nestingTooDeepDiag(
  source: SourceRange | undefined,
  limits: SpecLimits,
): Diagnostic {
  const raised = Math.min(DEPTH_CEILING, limits.maxDepth * 2);
  return errorDiag({
    code: 'spec/nesting-too-deep',
    summary: 'Spec nested too deeply',
    detail: `The mappings and lists here are nested more than ${limits.maxDepth} levels deep; a Leasehold spec needs fewer than 10. A generated file, or an alias (\`*name\`) used inside its own anchor, is the usual cause.`,
    hint: `Flatten the structure, or remove the alias that repeats its own anchor; to read deeper documents, raise the limit: ${SPEC_LIMIT_VARS.maxDepth}=${raised} (at most ${DEPTH_CEILING}).`,
    ...(source === undefined ? {} : { source }),
  });
}

/** Expanding the document's aliases (`*name`) would exceed `limits.maxAliases`. */
export function tooManyAliasesDiag(
  source: SourceRange | undefined,
  limits: SpecLimits,
): Diagnostic {
  return errorDiag({
    code: 'spec/too-many-aliases',
    summary: 'Too many YAML aliases',
    detail: `Expanding the aliases (\`*name\`) of this document takes more than ${count(limits.maxAliases)} steps, the limit that stops a small file from expanding into gigabytes ("billion laughs").`,
    hint: `Write the repeated values out or use fewer aliases; to allow more, raise the limit: ${SPEC_LIMIT_VARS.maxAliases}=${limits.maxAliases * 10}.`,
    ...(source === undefined ? {} : { source }),
  });
}
