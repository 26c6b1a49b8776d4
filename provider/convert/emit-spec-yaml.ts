import { Document } from 'yaml';
import { redact } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { StackSpec } from '../spec/spec-types.js';

/** Options of `emitSpecYaml`. */
export interface EmitSpecYamlOptions {
  /** Where editors find the spec schema (yaml-language-server); no schema line when absent. */
  readonly schema?: string | undefined;
  /** What the spec was converted from, for the header: `deploy.yaml (Akash SDL)`. */
  readonly source?: string | undefined;
  /** Conversion warnings, listed in the header so they stay with the file. */
  readonly warnings?: readonly Diagnostic[] | undefined;
}

/** Key order per object kind: the order a person reads a spec in. Unlisted keys follow, sorted. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  stack: ['$schema', 'version', 'stack', 'network', 'defaults', 'budget', 'instances', 'outputs'],
  instance: [
    'image',
    'credentials',
    'command',
    'args',
    'env',
    'secrets',
    'ports',
    'resources',
    'count',
    'duration',
    'placement',
    'pricing',
    'health',
    'autoscaling',
    'lifecycle',
  ],
  credentials: ['registry', 'username', 'password', 'email'],
  port: ['port', 'as', 'proto', 'global', 'accept'],
  resources: ['cpu', 'memory', 'storage', 'gpu'],
  volume: ['name', 'size', 'persistent', 'class', 'mount', 'readOnly'],
  gpu: ['units', 'vendor', 'models', 'ram', 'interface'],
  placement: ['regions', 'tiers', 'providers', 'spread', 'mode'],
  providers: ['allow', 'deny'],
  pricing: ['maxPerHour', 'token'],
};

/** Which kind the value under `key` in an object of kind `parent` is; null keeps source order. */
const CHILD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  stack: { instances: 'instance-map' },
  instance: {
    credentials: 'credentials',
    ports: 'port',
    resources: 'resources',
    placement: 'placement',
    pricing: 'pricing',
  },
  resources: { storage: 'volume', gpu: 'gpu' },
  placement: { providers: 'providers' },
};

function order(value: unknown, kind: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => order(v, kind));
  if (typeof value !== 'object' || value === null || kind === undefined) return value;
  const obj = value as Record<string, unknown>;
  if (kind === 'instance-map') {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, order(v, 'instance')]));
  }
  const first = ORDER[kind] ?? [];
  const keys = [
    ...first.filter((k) => k in obj),
    ...Object.keys(obj)
      .filter((k) => !first.includes(k))
      .sort(),
  ];
  return Object.fromEntries(keys.map((k) => [k, order(obj[k], CHILD[kind]?.[k])]));
}

/**
 * A spec as YAML text: stable key order, the schema comment editors use, and the conversion
 * warnings as a comment block (redacted) so a reviewer sees them in the file itself.
 */
export function emitSpecYaml(spec: StackSpec, opts: EmitSpecYamlOptions = {}): string {
  const doc = new Document(order(spec, 'stack'));
  const lines = opts.schema === undefined ? [] : [` yaml-language-server: $schema=${opts.schema}`];
  if (opts.source !== undefined)
    lines.push(` Converted from ${opts.source} by \`leasehold convert\`.`);
  const warnings = opts.warnings ?? [];
  if (warnings.length > 0) {
    lines.push(` Review these conversion warnings:`);
    for (const w of warnings)
      lines.push(`   - ${w.code} at ${w.path ?? '(file)'}: ${redact(w.detail ?? w.summary)}`);
  }
  doc.commentBefore = lines.join('\n');
  return doc.toString({ lineWidth: 0 });
}
