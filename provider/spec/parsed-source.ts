import type { Diagnostic, SourceRange } from '../../cli/diag/index.js';
import type { SpecPath } from './spec-path.js';

/**
 * Finds where a spec path came from: a YAML node's line and column, or a CDK construct's path in
 * the synthesized `cdk.tf.json`. Returns undefined when the path has no source (a default).
 */
export type Locator = (path: SpecPath) => SourceRange | undefined;

/** A stack document read from some source, before validation: plain data plus how to locate it. */
export interface ParsedSource {
  /**
   * The file the user named, for messages: the spec file, or a CDK app's cdktf.json (`.` for an
   * `--app` without one). Locations of a CDK app point into its synthesized cdk.tf.json instead.
   */
  readonly file: string;
  /** Absolute directory relative paths in the spec are resolved against; the state lives there. */
  readonly baseDir: string;
  /** Plain JSON-like data, or null when the source could not be read at all. */
  readonly data: unknown;
  readonly locate: Locator;
  /** Problems found while reading (syntax errors, foreign resources ignored). */
  readonly diagnostics: readonly Diagnostic[];
}
