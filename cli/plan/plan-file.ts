import { isRecord } from '../../common/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as AjvModule from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { errorDiag } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import type { StackState } from '../state/state-types.js';
import type { PlanSource } from './plan-source.js';
import type { Plan, PlanNetwork } from './plan-types.js';

/** A saved plan (`plan --out FILE`): the Plan plus its staleness key. */
export interface PlanFile {
  readonly formatVersion: 1;
  readonly kind: 'leasehold-plan';
  readonly stack: string;
  /** Lineage and serial of the state the plan was made against ('' and 0 when there was none). */
  readonly lineage: string;
  readonly serial: number;
  readonly modelHash: string;
  readonly network: PlanNetwork;
  /** Where the stack is, so `apply FILE` needs no `-f` (absent in plans of older versions). */
  readonly source?: PlanSource | undefined;
  readonly plan: Plan;
}

/** What `decodePlan` found: the file, or the diagnostics that say why it cannot be used. */
export interface DecodePlanResult {
  readonly planFile: PlanFile | null;
  readonly diagnostics: Diagnostics;
}

/** Why a saved plan can no longer be applied, or null when it still can. */
export type PlanStaleness = {
  readonly reason: 'lineage' | 'serial' | 'model';
  readonly detail: string;
};

const SCHEMA_ID = 'https://leasehold.dev/schemas/plan.schema.json';

/** Wraps a plan for saving. The Plan holds secret references only, so the file holds no value. */
export function encodePlan(plan: Plan, source?: PlanSource): PlanFile {
  return {
    formatVersion: 1,
    kind: 'leasehold-plan',
    stack: plan.stack,
    lineage: plan.lineage,
    serial: plan.serial,
    modelHash: plan.modelHash,
    network: plan.network,
    ...(source === undefined ? {} : { source }),
    plan,
  };
}

/**
 * Reads a saved plan's text, checks it against `schemas/plan.schema.json#/$defs/planFile` and,
 * when `expectedStack` is given, that it belongs to that stack. Never throws on bad input.
 */
export function decodePlan(
  text: string,
  opts: { readonly file: string; readonly expectedStack?: string | undefined },
): DecodePlanResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return invalid(opts.file, `It is not JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const version = isRecord(data) ? data['formatVersion'] : undefined;
  if (isRecord(data) && data['kind'] === 'leasehold-plan' && version !== 1) {
    return fail({
      code: 'plan/unsupported-version',
      summary: 'Unsupported saved plan version',
      detail: `${opts.file} has formatVersion ${JSON.stringify(version)}; this Leasehold reads version 1.`,
      hint: 'Create the plan again with this version of Leasehold.',
    });
  }
  const validate = planFileValidator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where =
      first === undefined ? '' : ` At ${first.instancePath || '/'}: ${first.message ?? 'invalid'}.`;
    return invalid(opts.file, `It does not match the saved plan format.${where}`);
  }
  const planFile = data as unknown as PlanFile;
  if (opts.expectedStack !== undefined && planFile.stack !== opts.expectedStack) {
    return fail({
      code: 'plan/wrong-stack',
      summary: 'Saved plan belongs to another stack',
      detail: `${opts.file} is a plan of stack "${planFile.stack}", but the stack read is "${opts.expectedStack}".`,
      hint: 'Pass the spec of the stack the plan was made for, or create a new plan for this stack.',
    });
  }
  return { planFile, diagnostics: [] };
}

/**
 * Whether a saved plan still applies to the current state and model (Terraform's "Saved plan is
 * stale"). `state` is null when the stack has no state; a plan made without state then still fits.
 */
export function isPlanStale(
  planFile: PlanFile,
  state: StackState | null,
  modelHash: string,
): PlanStaleness | null {
  const lineage = state?.lineage ?? '';
  const serial = state?.serial ?? 0;
  if (planFile.lineage !== lineage) {
    return {
      reason: 'lineage',
      detail: `The plan was made against state lineage "${planFile.lineage}", but the state's lineage is "${lineage}".`,
    };
  }
  if (planFile.serial !== serial) {
    return {
      reason: 'serial',
      detail: `The plan was made against state serial ${planFile.serial}, but the state is at serial ${serial}: another operation changed it since.`,
    };
  }
  if (planFile.modelHash !== modelHash) {
    return {
      reason: 'model',
      detail: `The plan was made from model ${planFile.modelHash}, but the stack now reads as ${modelHash}.`,
    };
  }
  return null;
}

function invalid(file: string, detail: string): DecodePlanResult {
  return fail({
    code: 'plan/invalid-file',
    summary: 'Not a valid saved plan',
    detail: `${file}: ${detail}`,
    hint: 'Pass a file written by `leasehold plan --out FILE`.',
  });
}

function fail(d: Parameters<typeof errorDiag>[0]): DecodePlanResult {
  return { planFile: null, diagnostics: [errorDiag(d)] };
}

let cached: ValidateFunction | undefined;

function planFileValidator(): ValidateFunction {
  if (cached !== undefined) return cached;
  // Required here rather than imported, so ajv loads only when a saved plan is read (--help stays fast).
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof AjvModule;
  const ajv = new Ajv2020({ allErrors: false, strict: false, validateSchema: false });
  ajv.addSchema(JSON.parse(readFileSync(planSchemaPath(), 'utf8')) as AjvModule.AnySchemaObject);
  const fn = ajv.getSchema(`${SCHEMA_ID}#/$defs/planFile`);
  if (fn === undefined) throw new Error('schemas/plan.schema.json has no $defs/planFile');
  cached = fn;
  return fn;
}

/** Absolute path of `schemas/plan.schema.json`, from the sources or from dist/. */
export function planSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'schemas', 'plan.schema.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`schemas/plan.schema.json not found above ${fileURLToPath(import.meta.url)}`);
}
