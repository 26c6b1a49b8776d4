/**
 * The contract between the core (cli/) and the provider (provider/), types only — Terraform's
 * `providers` package. The core sees the model generically (addresses, hashes, opaque attributes);
 * only the provider knows what an instance is.
 */
import type { Diagnostics } from './diag/index.js';

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

/** The normalized model as the core sees it. */
export interface ModelView {
  readonly formatVersion: 1;
  readonly stack: string;
  readonly network: { readonly name: string };
  readonly resources: readonly ModelResourceView[];
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
  /** The file that was read, for messages. */
  readonly file: string;
}

export interface ConvertRequest {
  /** An ICL (v1.0) or Akash SDL (v2.0/2.1) file. */
  readonly file: string;
  readonly cwd: string;
  /** Stack name for the result; default derived from the file name. */
  readonly stack?: string | undefined;
}

export interface ConvertResponse {
  /** The Leasehold YAML spec, null on errors. */
  readonly yaml: string | null;
  readonly sourceFormat: 'icl' | 'sdl' | null;
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

/** What the core asks of a provider. Each method reports problems as diagnostics. */
export interface Provider {
  loadStack(req: LoadStackRequest): Promise<LoadStackResponse>;
  convert(req: ConvertRequest): Promise<ConvertResponse>;
  scaffold(req: ScaffoldRequest): Promise<ScaffoldResponse>;
}
