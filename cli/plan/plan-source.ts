import { dirname, relative, resolve } from 'node:path';
import { isRecord } from '../../common/index.js';

/**
 * Where a saved plan's stack is, recorded in the plan file so `apply plan.json` needs no `-f`.
 * Paths are relative to the plan file's directory: a plan moved together with its project (a CI
 * artifact next to the checkout) still finds its spec.
 */
export interface PlanSource {
  /** The spec file or the CDK app's cdktf.json, when there was one. */
  readonly file?: string | undefined;
  /** The `--app` command, when one was given. */
  readonly app?: string | undefined;
  /** The stack's directory (where an `--app` without cdktf.json runs). */
  readonly dir: string;
  /** `--state PATH`, when one was given. */
  readonly state?: string | undefined;
}

/** What `plan --out` knew about its stack, all paths as the command saw them. */
export interface ToPlanSourceInput {
  readonly cwd: string;
  /** Absolute path of the plan file being written. */
  readonly out: string;
  /** The file the loader read (relative to cwd), or `.` for an `--app` without cdktf.json. */
  readonly file: string;
  readonly app?: string | undefined;
  /** Absolute directory of the stack. */
  readonly dir: string;
  readonly statePath?: string | undefined;
}

/** The source to record in a plan file written at `out`. */
export function toPlanSource(input: ToPlanSourceInput): PlanSource {
  const base = dirname(input.out);
  const rel = (p: string): string => relative(base, resolve(input.cwd, p)) || '.';
  const hasFile = resolve(input.cwd, input.file) !== input.dir;
  return {
    ...(hasFile ? { file: rel(input.file) } : {}),
    ...(input.app === undefined ? {} : { app: input.app }),
    dir: rel(input.dir),
    ...(input.statePath === undefined ? {} : { state: rel(input.statePath) }),
  };
}

/**
 * The recorded source of a plan file's text, or undefined when there is none or the text is not
 * a plan (the full check, with its diagnostics, is decodePlan's).
 */
export function readPlanSource(text: string): PlanSource | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const source = isRecord(data) ? data['source'] : undefined;
  if (!isRecord(source) || typeof source['dir'] !== 'string') return undefined;
  const str = (k: string): string | undefined =>
    typeof source[k] === 'string' ? source[k] : undefined;
  return { file: str('file'), app: str('app'), dir: source['dir'], state: str('state') };
}

/** Where a command finds its stack: flags as given, and the directory they are relative to. */
export interface StackLocation {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly statePath?: string | undefined;
  readonly cwd: string;
}

/**
 * The stack a saved plan is applied to: `-f`/`--app` when given (they win), else the one the plan
 * recorded, resolved against the plan file's directory. `--state` likewise.
 */
export function locateStackOfPlan(
  given: StackLocation,
  source: PlanSource | undefined,
  planPath: string,
): StackLocation {
  if (source === undefined) return given;
  const base = dirname(resolve(given.cwd, planPath));
  const at = (p: string | undefined): string | undefined =>
    p === undefined ? undefined : resolve(base, p);
  const statePath = given.statePath ?? at(source.state);
  if (given.file !== undefined || given.app !== undefined) return { ...given, statePath };
  return {
    file: at(source.file),
    app: source.app,
    statePath,
    // An --app without cdktf.json runs in, and keeps its state beside, the stack's directory.
    cwd: source.file === undefined ? resolve(base, source.dir) : given.cwd,
  };
}
