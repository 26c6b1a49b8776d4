import { hasErrors } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { TokenInfo } from './known-tokens.js';
import type { StackModel } from './model-types.js';
import { normalizeStack } from './normalize-stack.js';
import type { ParsedSource } from './parsed-source.js';
import { checkInstanceCount, DEFAULT_SPEC_LIMITS } from './spec-limits.js';
import type { SpecLimits } from './spec-limits.js';
import { parsePath } from './spec-path.js';
import type { StackSpec } from './spec-types.js';
import { validateSchema } from './validate-schema.js';
import { validateSemantics } from './validate-semantics.js';

/** The model, or null with every problem found, each located where it has a source. */
export interface CheckStackResult {
  readonly model: StackModel | null;
  readonly diagnostics: Diagnostic[];
}

/** What `checkStack` needs beyond the source and the network's tokens. */
export interface CheckStackOptions {
  /** Content hash of a custom network's address book, which the stack hash covers. */
  readonly addressBookHash?: string | undefined;
  /** Input limits; the instance count is checked before the schema. @default DEFAULT_SPEC_LIMITS */
  readonly limits?: SpecLimits | undefined;
}

/**
 * The pure pipeline from a read source to the model: reading problems, the instance-count limit,
 * then the schema, then (on a schema-valid document only) the semantic rules and normalization.
 * Each stage runs only when the previous ones found no error, so users see the first layer of
 * problems all at once.
 */
export function checkStack(
  parsed: ParsedSource,
  tokens: readonly TokenInfo[],
  opts: CheckStackOptions = {},
): CheckStackResult {
  const { addressBookHash, limits = DEFAULT_SPEC_LIMITS } = opts;
  const diags: Diagnostic[] = [...parsed.diagnostics];
  let model: StackModel | null = null;
  const tooMany =
    parsed.data === null ? undefined : checkInstanceCount(parsed.data, parsed.file, limits);
  if (tooMany !== undefined) diags.push(tooMany);
  if (!hasErrors(diags) && parsed.data !== null) {
    diags.push(...validateSchema(parsed.data));
    if (!hasErrors(diags)) {
      const spec = parsed.data as StackSpec;
      diags.push(...validateSemantics(spec));
      if (!hasErrors(diags)) {
        const res = normalizeStack(spec, { tokens, baseDir: parsed.baseDir, addressBookHash });
        diags.push(...res.diagnostics);
        model = res.model;
      }
    }
  }
  return {
    model: hasErrors(diags) ? null : model,
    diagnostics: diags.map((d) => locate(parsed, d)),
  };
}

function locate(parsed: ParsedSource, d: Diagnostic): Diagnostic {
  if (d.source !== undefined || d.path === undefined) return d;
  const source = parsed.locate(parsePath(d.path));
  return source === undefined ? d : { ...d, source };
}
