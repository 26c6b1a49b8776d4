import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { StackState } from '../../../cli/state/state-types.js';
import { ROOT } from './e2e-devnet.js';

/** A YAML spec document, edited as plain data. */
export type SpecDoc = Record<string, unknown> & {
  stack: string;
  instances: Record<string, Record<string, unknown>>;
};

/** A temp directory holding `leasehold.yaml`, and ways to edit and read it and its state. */
export interface StackDir {
  readonly dir: string;
  readonly stack: string;
  /** The spec as it is now. */
  spec(): SpecDoc;
  /** Rewrites the spec after `edit` changed a copy of it. */
  edit(edit: (doc: SpecDoc) => void): void;
  /** The state file as written by the CLI (`.leasehold/<stack>.state.json`). */
  state(): StackState;
  /** The raw state file text (for secret scans). */
  stateText(): string;
}

/**
 * Copies `examples/<example>` into a fresh directory as `leasehold.yaml`, renamed to `stack`
 * and changed by `edit`, so tests run the real example without touching it.
 */
export function copyExample(
  example: string,
  stack: string,
  edit: (doc: SpecDoc) => void = () => undefined,
): StackDir {
  const doc = parse(readFileSync(join(ROOT, 'examples', example), 'utf8')) as SpecDoc;
  doc.stack = stack;
  return stackDir(doc, edit);
}

/** A fresh directory with `doc` (changed by `edit`) as its `leasehold.yaml`. */
export function stackDir(doc: SpecDoc, edit: (doc: SpecDoc) => void = () => undefined): StackDir {
  const dir = mkdtempSync(join(tmpdir(), `lh-e2e-${doc.stack}-`));
  const file = join(dir, 'leasehold.yaml');
  const stateFile = join(dir, '.leasehold', `${doc.stack}.state.json`);
  const write = (d: SpecDoc): void => writeFileSync(file, stringify(d));
  const first = structuredClone(doc);
  edit(first);
  write(first);
  return {
    dir,
    stack: doc.stack,
    spec: () => parse(readFileSync(file, 'utf8')) as SpecDoc,
    edit: (e) => {
      const d = parse(readFileSync(file, 'utf8')) as SpecDoc;
      e(d);
      write(d);
    },
    state: () => JSON.parse(readFileSync(stateFile, 'utf8')) as StackState,
    stateText: () => readFileSync(stateFile, 'utf8'),
  };
}

/** The instance `name` of a spec document (throws when absent: a broken test, not a finding). */
export function instance(doc: SpecDoc, name: string): Record<string, unknown> {
  const i = doc.instances[name];
  if (i === undefined) throw new Error(`spec has no instance ${name}`);
  return i;
}

/** Every lease record of a state, flattened with its resource address. */
export function stateLeases(s: StackState) {
  return s.resources.flatMap((r) => r.leases.map((l) => ({ ...l, resource: r.address })));
}
