/**
 * Reads a CDK app into a ParsedSource: resolves its command (`--app`, or the `app` of cdktf.json),
 * runs it with `CDKTF_OUTDIR` set to a private scratch dir, picks the one stack holding Leasehold
 * constructs, publishes the synthesis to the app's `output` dir (`cdktf.out/`, as `cdktf synth`
 * does), removes the scratch dir, and converts the stack's cdk.tf.json (cdk-to-spec.ts) with a
 * locator into the published file. The source's `file` and `baseDir` are the user's cdktf.json and
 * its directory, so the state lives beside cdktf.json exactly as it does beside a YAML spec.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { createCdkLocator } from './cdk-locator.js';
import { cdkToSpec, hasLeaseholdContent } from './cdk-to-spec.js';
import type { ParsedSource } from './parsed-source.js';
import { publishSynthOutput } from './publish-synth-output.js';
import { runCdkApp } from './run-cdk-app.js';
import type { RunCdkAppResult } from './run-cdk-app.js';

/** Where the app is: an explicit command, a cdktf.json, or cwd/cdktf.json. */
export interface ReadCdkAppRequest {
  readonly app: string | undefined;
  readonly file: string | undefined;
  readonly cwd: string;
}

const APP_TIMEOUT_MS = 60_000;

/** Runs a CDK app and reads its synthesized Leasehold stack, as YAML loading reads a spec file. */
export async function readCdkApp(req: ReadCdkAppRequest): Promise<ParsedSource> {
  const target = await resolveApp(req);
  const shown = shownFile(req, target.file);
  if ('diagnostic' in target) return failed(shown, target.dir, [target.diagnostic]);
  const scratch = await mkdtemp(join(tmpdir(), 'leasehold-cdk-'));
  try {
    const run = await runCdkApp({
      command: target.command,
      cwd: target.dir,
      outdir: scratch,
      timeoutMs: APP_TIMEOUT_MS,
    });
    if (!run.ok) return failed(shown, target.dir, [appFailed(target.command, run)]);
    const stack = await pickStack(scratch, target.command);
    if ('diagnostic' in stack) return failed(shown, target.dir, [stack.diagnostic]);
    // Published, not left in the scratch dir: diagnostics point into the synthesized file and
    // renderers quote its lines. A read-only project still loads; its locations go unquoted.
    const output = resolve(target.dir, target.output);
    await publishSynthOutput(scratch, output).catch(() => undefined);
    const located = join(shownDir(req, target), target.output, relative(scratch, stack.file));
    return toParsedSource({ file: shown, located, text: stack.text, baseDir: target.dir });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The cdktf.json as the user named it (`.` for an `--app` with none), for messages. */
function shownFile(req: ReadCdkAppRequest, file: string): string {
  if (req.file !== undefined) return req.file;
  return file === req.cwd ? '.' : relative(req.cwd, file) || '.';
}

/** The app's directory as the user would write it: relative to cwd unless it is absolute. */
function shownDir(req: ReadCdkAppRequest, target: AppTarget): string {
  if (isAbsolute(target.output)) return '';
  const rel = relative(req.cwd, target.dir);
  return rel.startsWith('..') || isAbsolute(rel) ? target.dir : rel;
}

/** Matches the line Node prints when a construct constructor threw a ValidationError. */
const VALIDATION_ERROR = /^ValidationError: Invalid construct props: (.+)$/m;

function appFailed(command: string, run: RunCdkAppResult): Diagnostic {
  const invalid = VALIDATION_ERROR.exec(run.stderr)?.[1];
  if (invalid !== undefined) {
    return errorDiag({
      code: 'cdk/invalid-props',
      summary: 'Invalid construct props',
      detail: `The app command "${command}" stopped at a construct: ${invalid}`,
      hint: 'Fix the props of the construct at the path named above.',
    });
  }
  const how = run.timedOut
    ? `did not finish within ${APP_TIMEOUT_MS / 1000} s`
    : `exited with code ${run.exitCode ?? 'unknown'}`;
  return errorDiag({
    code: 'cdk/app-failed',
    summary: 'The CDK app failed',
    detail: `The app command "${command}" ${how}.${run.stderr === '' ? '' : `\n${run.stderr}`}`,
    hint: 'Fix the error the app reported, then run the command again.',
  });
}

function toParsedSource(src: {
  file: string;
  located: string;
  text: string;
  baseDir: string;
}): ParsedSource {
  const { file, located, text, baseDir } = src;
  const converted = cdkToSpec(JSON.parse(text) as unknown);
  const locator = createCdkLocator({ file: located, text, origins: converted.origins });
  const diagnostics = converted.diagnostics.map(({ diagnostic, at }) => {
    const source = diagnostic.source ?? locator.locateJson(at);
    return source === undefined ? diagnostic : { ...diagnostic, source };
  });
  return { file, baseDir, data: converted.data, locate: locator.locate, diagnostics };
}

interface AppTarget {
  readonly command: string;
  /** Directory the app runs in and relative spec paths resolve against. */
  readonly dir: string;
  /** The cdktf.json, or the directory when there is none, for messages. */
  readonly file: string;
  /** Where the synthesis is published: cdktf.json's `output`, default `cdktf.out`. */
  readonly output: string;
}

async function resolveApp(
  req: ReadCdkAppRequest,
): Promise<AppTarget | { diagnostic: Diagnostic; file: string; dir: string }> {
  const named = req.file === undefined ? undefined : resolve(req.cwd, req.file);
  const config = named ?? join(req.cwd, 'cdktf.json');
  const hasConfig = named !== undefined || existsSync(config);
  const dir = hasConfig ? dirname(config) : req.cwd;
  const file = hasConfig ? config : req.cwd;
  if (req.app !== undefined && req.app.trim() !== '') {
    const text = hasConfig ? await readFile(config, 'utf8').catch(() => '') : '';
    return { command: req.app, dir, file, output: outputOf(safeParse(text)) };
  }
  if (!hasConfig) return { file, dir, diagnostic: noApp(`There is no cdktf.json in ${req.cwd}`) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(config, 'utf8')) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { file, dir, diagnostic: invalidConfig(config, reason) };
  }
  const app = (parsed as { app?: unknown } | null)?.app;
  if (typeof app !== 'string' || app.trim() === '')
    return {
      file,
      dir,
      diagnostic: noApp(`${basename(config)} at ${config} has no \`app\` command`),
    };
  return { command: app, dir, file, output: outputOf(parsed) };
}

/** cdktf.json's `output` (where `cdktf synth` writes), default `cdktf.out`. */
function outputOf(config: unknown): string {
  const output = (config as { output?: unknown } | null | undefined)?.output;
  return typeof output === 'string' && output.trim() !== '' ? output : 'cdktf.out';
}

function noApp(why: string): Diagnostic {
  return errorDiag({
    code: 'cdk/no-app',
    summary: 'No CDK app command',
    detail: `${why}, and no --app was given; Leasehold needs the command that runs the CDK program.`,
    hint: 'Add `"app": "node main.js"` to cdktf.json, or pass --app "node main.js".',
  });
}

function invalidConfig(file: string, reason: string): Diagnostic {
  return errorDiag({
    code: 'cdk/invalid-config',
    summary: 'Unreadable cdktf.json',
    detail: `${file} could not be read as JSON: ${reason}.`,
    hint: 'Make cdktf.json a JSON object with an `app` command.',
  });
}

interface SynthesizedStack {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

async function pickStack(
  outdir: string,
  command: string,
): Promise<SynthesizedStack | { diagnostic: Diagnostic }> {
  const all = await readStacks(outdir);
  const ours = all.filter((s) => hasLeaseholdContent(safeParse(s.text)));
  const [only] = ours;
  if (only !== undefined && ours.length === 1) return only;
  if (ours.length > 1) {
    const names = ours.map((s) => `"${s.name}"`).join(', ');
    return {
      diagnostic: errorDiag({
        code: 'cdk/multiple-stacks',
        summary: 'More than one stack with Leasehold constructs',
        detail: `The app "${command}" synthesized the stacks ${names}, each with Leasehold constructs; a Leasehold stack is one TerraformStack.`,
        hint: 'Keep the Leasehold constructs in one TerraformStack per app.',
      }),
    };
  }
  const seen =
    all.length === 0
      ? 'synthesized no stack (does it call `app.synth()`?)'
      : `synthesized ${all.map((s) => `"${s.name}"`).join(', ')}, none with Leasehold constructs`;
  return {
    diagnostic: errorDiag({
      code: 'cdk/no-stack',
      summary: 'No stack with Leasehold constructs',
      detail: `The app "${command}" ${seen}.`,
      hint: 'Add a LeaseholdProvider and an Instance to a TerraformStack, and end the program with `app.synth()`.',
    }),
  };
}

/** Stacks listed in cdktf's manifest.json, else every stacks/<name>/cdk.tf.json. */
async function readStacks(outdir: string): Promise<SynthesizedStack[]> {
  const manifest = safeParse(await readFile(join(outdir, 'manifest.json'), 'utf8').catch(() => ''));
  const listed = (
    manifest as { stacks?: Record<string, { synthesizedStackPath?: unknown }> } | undefined
  )?.stacks;
  const entries: [string, string][] =
    listed !== undefined && typeof listed === 'object'
      ? Object.entries(listed).flatMap(([name, s]) =>
          typeof s?.synthesizedStackPath === 'string' ? [[name, s.synthesizedStackPath]] : [],
        )
      : (await readdir(join(outdir, 'stacks')).catch(() => [])).map((n) => [
          n,
          join('stacks', n, 'cdk.tf.json'),
        ]);
  const stacks: SynthesizedStack[] = [];
  for (const [name, rel] of entries) {
    const file = join(outdir, rel);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined && safeParse(text) !== undefined) stacks.push({ name, file, text });
  }
  return stacks;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function failed(file: string, baseDir: string, diagnostics: Diagnostic[]): ParsedSource {
  return { file, baseDir, data: null, locate: () => undefined, diagnostics };
}
