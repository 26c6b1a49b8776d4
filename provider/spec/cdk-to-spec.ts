/**
 * The pure half of reading a CDK app: a synthesized `cdk.tf.json` becomes the same plain stack
 * document a YAML spec parses to. Constructs synthesize the spec's camelCase field names, so this
 * is a mapping, not a translation: the provider block gives the top-level fields, instances are
 * keyed by name, health checks and autoscaling policies nest back into their instance, and output
 * references `${leasehold_instance.<id>.<attr>}` become `${instance.<name>.<attr>}`.
 */
import { errorDiag, warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';

/** A path inside the cdk.tf.json document: `['resource', 'leasehold_instance', 'web', 'image']`. */
export type JsonPath = readonly (string | number)[];

/** Where a spec element was declared: its logical id in cdk.tf.json and its construct path. */
export interface CdkOrigin {
  readonly logicalId: string;
  readonly constructPath: string | undefined;
}

/** Origins of every instance, health check and autoscaling policy, by instance name. */
export interface CdkSpecOrigins {
  readonly instances: Readonly<Record<string, CdkOrigin>>;
  readonly health: Readonly<Record<string, CdkOrigin>>;
  readonly autoscaling: Readonly<Record<string, CdkOrigin>>;
}

/** A problem found while converting, with the place in cdk.tf.json it concerns. */
export interface CdkDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly at: JsonPath;
}

/** The stack document, where each part came from, and what was ignored or wrong. */
export interface CdkToSpecResult {
  readonly data: Record<string, unknown>;
  readonly origins: CdkSpecOrigins;
  readonly diagnostics: readonly CdkDiagnostic[];
}

/** Terraform resource types of Leasehold's constructs. */
export const CDK_TYPES = {
  instance: 'leasehold_instance',
  health: 'leasehold_health_check',
  autoscaling: 'leasehold_autoscaling_policy',
} as const;

const PROVIDER = 'leasehold';
/** Terraform meta-arguments and cdktf bookkeeping that are not spec fields. */
const META_KEYS = ['//', 'depends_on', 'provider', 'alias'];

/** True when a synthesized stack holds anything of Leasehold's (its provider or resources). */
export function hasLeaseholdContent(tfJson: unknown): boolean {
  const root = asRecord(tfJson);
  if (root === undefined) return false;
  if (asRecord(root['provider'])?.[PROVIDER] !== undefined) return true;
  return Object.keys(asRecord(root['resource']) ?? {}).some((t) => t.startsWith(`${PROVIDER}_`));
}

/** Converts a synthesized `cdk.tf.json` into a stack document (unvalidated, like parsed YAML). */
export function cdkToSpec(tfJson: unknown): CdkToSpecResult {
  const root = asRecord(tfJson) ?? {};
  const diags: CdkDiagnostic[] = [];
  const top = readProvider(root, diags);
  const resources = asRecord(root['resource']) ?? {};
  warnForeign(resources, 'resource', diags);
  warnForeign(asRecord(root['data']) ?? {}, 'data', diags);
  const inst = readInstances(asRecord(resources[CDK_TYPES.instance]) ?? {}, diags);
  const health = attach({ kind: 'health', block: resources[CDK_TYPES.health], inst, diags });
  const autoscaling = attach({
    kind: 'autoscaling',
    block: resources[CDK_TYPES.autoscaling],
    inst,
    diags,
  });
  const outputs = readOutputs(asRecord(root['output']) ?? {}, inst.nameOf);
  const data: Record<string, unknown> = { ...top, instances: inst.specs };
  if (Object.keys(outputs).length > 0) data['outputs'] = outputs;
  return { data, origins: { instances: inst.origins, health, autoscaling }, diagnostics: diags };
}

function readProvider(
  root: Record<string, unknown>,
  diags: CdkDiagnostic[],
): Record<string, unknown> {
  const blocks = asRecord(root['provider'])?.[PROVIDER];
  const list = Array.isArray(blocks) ? blocks : blocks === undefined ? [] : [blocks];
  if (list.length !== 1) {
    const many = list.length > 1;
    diags.push({
      at: many ? ['provider', PROVIDER] : [],
      diagnostic: errorDiag({
        code: many ? 'cdk/multiple-providers' : 'cdk/missing-provider',
        summary: many
          ? 'More than one Leasehold provider in the stack'
          : 'No Leasehold provider in the stack',
        detail: many
          ? `The stack declares ${list.length} LeaseholdProvider constructs; a stack has exactly one, which names it and its network.`
          : 'The stack has Leasehold resources but no LeaseholdProvider, which names the stack and its network.',
        hint: many
          ? 'Keep one LeaseholdProvider per TerraformStack.'
          : "Add `new LeaseholdProvider(stack, 'leasehold', { stack: '<name>' })` to the stack.",
      }),
    });
  }
  return stripMeta(asRecord(list[0]) ?? {});
}

function warnForeign(
  block: Record<string, unknown>,
  kind: 'resource' | 'data',
  diags: CdkDiagnostic[],
): void {
  for (const [type, byId] of Object.entries(block)) {
    if (kind === 'resource' && Object.values(CDK_TYPES).some((t) => t === type)) continue;
    for (const [id, attrs] of Object.entries(asRecord(byId) ?? {})) {
      const address = kind === 'data' ? `data.${type}.${id}` : `${type}.${id}`;
      diags.push({
        at: [kind, type, id],
        diagnostic: warningDiag({
          code: 'cdk/foreign-resource',
          summary: 'Resource of another provider ignored',
          detail: `The stack declares \`${address}\`${constructNote(attrs)}; Leasehold manages only its own constructs (Instance, HealthCheck, AutoscalingPolicy) and ignores it.`,
          hint: 'Move it to a separate TerraformStack, or remove it.',
        }),
      });
    }
  }
}

interface InstanceIndex {
  readonly specs: Record<string, Record<string, unknown>>;
  readonly origins: Record<string, CdkOrigin>;
  /** Instance name of a logical id, when it is one of ours. */
  readonly nameOf: (logicalId: string) => string | undefined;
}

function readInstances(block: Record<string, unknown>, diags: CdkDiagnostic[]): InstanceIndex {
  const specs: Record<string, Record<string, unknown>> = {};
  const origins: Record<string, CdkOrigin> = {};
  const names = new Map<string, string>();
  for (const [id, raw] of Object.entries(block)) {
    const attrs = asRecord(raw) ?? {};
    const name = typeof attrs['name'] === 'string' ? attrs['name'] : id;
    const origin = originOf(id, attrs);
    const prior = origins[name];
    if (prior !== undefined) {
      diags.push({
        at: ['resource', CDK_TYPES.instance, id],
        diagnostic: errorDiag({
          code: 'cdk/duplicate-instance',
          summary: 'Two instances with the same name',
          detail: `Instances ${describe(prior)} and ${describe(origin)} are both named "${name}"; instance names are unique in a stack.`,
          hint: 'Give one of them another construct id or `name`.',
          address: `instance.${name}`,
        }),
      });
      continue;
    }
    names.set(id, name);
    origins[name] = origin;
    const { name: _name, ...rest } = stripMeta(attrs);
    specs[name] = rest;
  }
  return { specs, origins, nameOf: (id) => names.get(id) };
}

function attach(req: {
  kind: 'health' | 'autoscaling';
  block: unknown;
  inst: InstanceIndex;
  diags: CdkDiagnostic[];
}): Record<string, CdkOrigin> {
  const type = CDK_TYPES[req.kind];
  const construct = req.kind === 'health' ? 'HealthCheck' : 'AutoscalingPolicy';
  const origins: Record<string, CdkOrigin> = {};
  for (const [id, raw] of Object.entries(asRecord(req.block) ?? {})) {
    const attrs = asRecord(raw) ?? {};
    const origin = originOf(id, attrs);
    const ref = attrs['instance'];
    const name =
      typeof ref === 'string' ? req.inst.nameOf(instanceLogicalId(ref) ?? '') : undefined;
    const spec = name === undefined ? undefined : req.inst.specs[name];
    if (name === undefined || spec === undefined) {
      req.diags.push({
        at: ['resource', type, id, 'instance'],
        diagnostic: unknownInstance(construct, origin, ref),
      });
      continue;
    }
    const prior = origins[name];
    if (prior !== undefined) {
      req.diags.push({
        at: ['resource', type, id],
        diagnostic: duplicateAttachment({ construct, kind: req.kind, name, prior, origin }),
      });
      continue;
    }
    origins[name] = origin;
    const { instance: _instance, ...rest } = stripMeta(attrs);
    spec[req.kind] = rest;
  }
  return origins;
}

function unknownInstance(construct: string, origin: CdkOrigin, ref: unknown): Diagnostic {
  return errorDiag({
    code: 'cdk/unknown-instance',
    summary: `${construct} refers to no instance of the stack`,
    detail: `${construct} ${describe(origin)} has \`instance\` ${JSON.stringify(ref ?? null)}, which is not an Instance of this stack.`,
    hint: 'Pass an Instance construct of the same TerraformStack as `instance`.',
  });
}

function duplicateAttachment(req: {
  construct: string;
  kind: 'health' | 'autoscaling';
  name: string;
  prior: CdkOrigin;
  origin: CdkOrigin;
}): Diagnostic {
  const code =
    req.kind === 'health' ? 'cdk/duplicate-health-check' : 'cdk/duplicate-autoscaling-policy';
  return errorDiag({
    code,
    summary: `Two ${req.construct} constructs for one instance`,
    detail: `${req.construct} ${describe(req.prior)} and ${describe(req.origin)} both target instance "${req.name}"; an instance has at most one.`,
    hint: `Merge them into one ${req.construct}.`,
    address: `instance.${req.name}`,
  });
}

function readOutputs(
  block: Record<string, unknown>,
  nameOf: (logicalId: string) => string | undefined,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, raw] of Object.entries(block)) {
    const attrs = stripMeta(asRecord(raw) ?? {});
    const { precondition: _pre, ...rest } = attrs;
    const value = rest['value'];
    out[name] =
      typeof value === 'string' ? { ...rest, value: toSpecReference(value, nameOf) } : rest;
  }
  return out;
}

/**
 * Rewrites Terraform interpolations into the spec's reference form:
 * `${leasehold_instance.web.endpoints[0]}` and `${element(leasehold_instance.web.endpoints, 0)}`
 * both become `${instance.web.endpoints[0]}`.
 */
export function toSpecReference(
  value: string,
  nameOf: (logicalId: string) => string | undefined,
): string {
  return value.replace(/\$\{([^}]*)\}/g, (_all, expr: string) => {
    const indexed = expr.replace(
      /element\(\s*(leasehold_instance\.[^,\s)]+)\s*,\s*(\d+)\s*\)/g,
      (_m, ref: string, index: string) => `${ref}[${index}]`,
    );
    const mapped = indexed.replace(
      /\bleasehold_instance\.([A-Za-z0-9_-]+)/g,
      (_m, id: string) => `instance.${nameOf(id) ?? id}`,
    );
    return `\${${mapped}}`;
  });
}

/** Logical id in `${leasehold_instance.<id>}` or `${leasehold_instance.<id>.<attr>}`. */
function instanceLogicalId(ref: string): string | undefined {
  return /^\$\{leasehold_instance\.([A-Za-z0-9_-]+)(?:[.[][^}]*)?\}$/.exec(ref)?.[1];
}

function originOf(logicalId: string, attrs: Record<string, unknown>): CdkOrigin {
  const meta = asRecord(asRecord(attrs['//'])?.['metadata']);
  const path = meta?.['path'];
  return { logicalId, constructPath: typeof path === 'string' ? path : undefined };
}

function describe(origin: CdkOrigin): string {
  return origin.constructPath === undefined
    ? `"${origin.logicalId}"`
    : `at ${origin.constructPath}`;
}

function constructNote(attrs: unknown): string {
  const path = originOf('', asRecord(attrs) ?? {}).constructPath;
  return path === undefined ? '' : ` (construct ${path})`;
}

function stripMeta(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) if (!META_KEYS.includes(k)) out[k] = v;
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
