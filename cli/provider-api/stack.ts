/** The normalized model as the core sees it, and the requests that load, convert and scaffold a stack. */
import type { Diagnostics } from '../diag/index.js';

/** One resource of the normalized model as the core sees it. */
export interface ModelResourceView {
  readonly type: string;
  readonly name: string;
  /** `instance.web`, `health_check.web`. */
  readonly address: string;
  /** Provider-defined, JSON-serialisable. */
  readonly attributes: unknown;
  /** sha256 of the resource's canonical JSON. */
  readonly hash: string;
}

/** A stack output as the core sees it: the resources its value refers to, and its sensitivity. */
export interface ModelOutputView {
  /** The output's expression, `${instance.web.endpoints[0]}`; resolved from state after apply. */
  readonly value?: string | undefined;
  readonly references: readonly string[];
  readonly sensitive: boolean;
}

/** The normalized model as the core sees it. */
export interface ModelView {
  readonly formatVersion: 1;
  readonly stack: string;
  readonly network: { readonly name: string };
  readonly resources: readonly ModelResourceView[];
  /** Stack outputs by name; absent when the model carries none. */
  readonly outputs?: Readonly<Record<string, ModelOutputView>> | undefined;
  /** The spec's `backend` block (type, schema, keep), absent when it has none. */
  readonly backend?:
    | {
        readonly type: string;
        readonly schema?: string | undefined;
        readonly keep?: number | undefined;
      }
    | undefined;
  readonly hash: string;
}

export interface LoadStackRequest {
  /** Spec file (`-f`); default `leasehold.yaml`, or a CDK app's `cdktf.json`, in `cwd`. */
  readonly file?: string | undefined;
  /** CDK app command (`--app`), run to synthesize `cdk.tf.json`. */
  readonly app?: string | undefined;
  readonly cwd: string;
}

export interface LoadStackResponse {
  /** Null when there are errors. */
  readonly model: ModelView | null;
  /** The model as canonical JSON (sorted keys, no whitespace), null when there are errors. */
  readonly canonicalJson: string | null;
  /** Everything found, errors and warnings, each located when it has a source. */
  readonly diagnostics: Diagnostics;
  /** The file the user named, for messages: the spec, or a CDK app's cdktf.json. */
  readonly file: string;
  /**
   * Absolute directory the stack lives in: the spec's, or the CDK app's (its cdktf.json's). Its
   * state defaults to `<dir>/.leasehold/<stack>.state.json`.
   */
  readonly dir: string;
}

export interface ConvertRequest {
  /** An ICL (1.0 or 2.0) or Akash SDL (2.x) file; with `to: 'icl'`, a Leasehold spec. */
  readonly file: string;
  readonly cwd: string;
  /** Stack name for the result; default derived from the file name. */
  readonly stack?: string | undefined;
  /** `spec` (default): ICL/SDL → Leasehold spec. `icl`: Leasehold spec → ICL. */
  readonly to?: 'spec' | 'icl' | undefined;
  /** ICL version written with `to: 'icl'`. @default 2 */
  readonly iclVersion?: 1 | 2 | undefined;
  /** With `to: 'icl'`: export only this instance. */
  readonly instance?: string | undefined;
  /** Where the result will be written (`--out`), for its `$schema` line; default: in `cwd`. */
  readonly out?: string | undefined;
}

export interface ConvertResponse {
  /** The Leasehold YAML spec (or, with `to: 'icl'`, the ICL document), null on errors. */
  readonly yaml: string | null;
  readonly sourceFormat: 'icl' | 'sdl' | 'spec' | null;
  /** Errors, and a warning for everything that could not be carried over. */
  readonly diagnostics: Diagnostics;
}

export interface ScaffoldRequest {
  readonly dir: string;
  readonly kind: 'yaml' | 'cdk';
  readonly stack: string;
  readonly force: boolean;
}

export interface ScaffoldResponse {
  readonly files: readonly string[];
  readonly diagnostics: Diagnostics;
}
