import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { LoadStackRequest, LoadStackResponse } from '../../cli/provider-api.js';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { unknownNetwork } from '../network/resolve-network.js';
import { canonicalJson } from './canonical-json.js';
import { checkStack } from './check-stack.js';
import { knownTokens } from './known-tokens.js';
import type { TokenInfo } from './known-tokens.js';
import type { StackModel } from './model-types.js';
import type { ParsedSource } from './parsed-source.js';
import { parseYamlSpec } from './parse-yaml-spec.js';
import { readAddressBook } from './read-address-book.js';
import { readSpecFile } from './read-spec-file.js';
import { specLimitsFromEnv } from './spec-limits.js';
import type { SpecLimits } from './spec-limits.js';

/** The spec file read when `-f` is not given. */
export const DEFAULT_SPEC_FILE = 'leasehold.yaml';

/**
 * Reads a stack into the model: a CDK app (`--app`, `-f …/cdktf.json`, or a lone cdktf.json in
 * cwd) or a YAML spec (`-f`, default leasehold.yaml), then the network's tokens, then the pure
 * pipeline (checkStack). Paths in messages are as the user typed them. Input over the limits of
 * `SpecLimits` (raised through `LEASEHOLD_MAX_*` variables) is refused before the work it would cost.
 */
export async function loadStack(req: LoadStackRequest): Promise<LoadStackResponse> {
  const res = await loadStackModel(req);
  return { ...res, canonicalJson: res.model === null ? null : canonicalJson(res.model) };
}

/** `loadStack`'s result with the provider's own model type, for provider code (convert --to icl). */
export interface LoadedStackModel {
  readonly model: StackModel | null;
  readonly diagnostics: Diagnostic[];
  readonly file: string;
  /** Where the stack's state lives: the spec's directory, or a CDK app's cdktf.json directory. */
  readonly dir: string;
}

/** `loadStack` without the canonical JSON, returning the model as the provider types it. */
export async function loadStackModel(req: LoadStackRequest): Promise<LoadedStackModel> {
  const env = specLimitsFromEnv(process.env);
  const named = req.file ?? DEFAULT_SPEC_FILE;
  const namedDir = dirname(resolve(req.cwd, named));
  if (!env.ok) return failed(named, namedDir, env.diagnostics);
  const { limits } = env;
  const parsed = await readSource(req, limits);
  if (parsed === null) return fileNotFound(named, namedDir);
  if ('diagnostic' in parsed) return failed(named, namedDir, [parsed.diagnostic]);
  const { tokens, addressBookHash, diagnostics } = await networkFacts(parsed);
  const res = checkStack(parsed, tokens, { addressBookHash, limits });
  // Without the address book every token looks unknown; its own error already says why.
  const rest =
    diagnostics.length > 0
      ? res.diagnostics.filter((d) => d.code !== 'spec/unknown-token')
      : res.diagnostics;
  const all = [...diagnostics, ...rest];
  const model = all.some((d) => d.severity === 'error') ? null : res.model;
  return {
    model,
    diagnostics: all,
    file: parsed.file,
    // A YAML spec's base dir is its own; a CDK app's is its cdktf.json's (never the synth output).
    dir: parsed.baseDir,
  };
}

async function readSource(
  req: LoadStackRequest,
  limits: SpecLimits,
): Promise<ParsedSource | { diagnostic: Diagnostic } | null> {
  const isCdkFile = req.file !== undefined && basename(req.file) === 'cdktf.json';
  const lonelyCdk =
    req.file === undefined &&
    !existsSync(resolve(req.cwd, DEFAULT_SPEC_FILE)) &&
    existsSync(resolve(req.cwd, 'cdktf.json'));
  if (req.app !== undefined || isCdkFile || lonelyCdk) {
    // Loaded lazily: running a CDK app pulls in process spawning that YAML users never need.
    const { readCdkApp } = await import('./read-cdk-app.js');
    return readCdkApp({ app: req.app, file: lonelyCdk ? 'cdktf.json' : req.file, cwd: req.cwd });
  }
  const file = req.file ?? DEFAULT_SPEC_FILE;
  const abs = resolve(req.cwd, file);
  const read = await readSpecFile(abs, file, limits);
  if (read.kind === 'missing') return null;
  if (read.kind === 'refused') return { diagnostic: read.diagnostic };
  return parseYamlSpec(read.text, file, dirname(abs), limits);
}

/** The network's tokens, and for a custom network the hash of its address book's content. */
interface NetworkFacts {
  readonly tokens: readonly TokenInfo[];
  readonly addressBookHash?: string | undefined;
  readonly diagnostics: Diagnostic[];
}

async function networkFacts(parsed: ParsedSource): Promise<NetworkFacts> {
  const data = parsed.data;
  const network =
    typeof data === 'object' && data !== null ? (data as { network?: unknown }).network : undefined;
  if (network === undefined || typeof network === 'string') {
    const tokens = knownTokens(network ?? 'local');
    if (tokens !== undefined) return { tokens, diagnostics: [] };
    // A misspelled name: one error that says so, instead of every token being "unknown".
    const [diag] = unknownNetwork(String(network), 'the spec').toDiagnostics();
    const source = parsed.locate(['network']);
    const located = diag === undefined || source === undefined ? diag : { ...diag, source };
    return { tokens: [], diagnostics: located === undefined ? [] : [located] };
  }
  const book =
    typeof network === 'object' && network !== null
      ? (network as { addressBook?: unknown }).addressBook
      : undefined;
  // A malformed network block is the schema's to report; do not add a second message about it.
  if (typeof book !== 'string') return { tokens: [], diagnostics: [] };
  const res = await readAddressBook(book, parsed.baseDir);
  return {
    tokens: res.tokens,
    ...(res.contentHash === null ? {} : { addressBookHash: res.contentHash }),
    diagnostics: res.diagnostics.map((d) => locate(parsed, d)),
  };
}

function locate(parsed: ParsedSource, d: Diagnostic): Diagnostic {
  const source = parsed.locate(['network', 'addressBook']);
  return source === undefined ? d : { ...d, source };
}

function fileNotFound(file: string, dir: string): LoadedStackModel {
  const diag = errorDiag({
    code: 'spec/file-not-found',
    summary: 'Stack file not found',
    detail: `There is no ${JSON.stringify(file)} to read.`,
    hint: 'Run `leasehold init` to create one, or pass the spec file with -f.',
  });
  return failed(file, dir, [diag]);
}

function failed(file: string, dir: string, diagnostics: Diagnostic[]): LoadedStackModel {
  return { model: null, diagnostics, file, dir };
}
