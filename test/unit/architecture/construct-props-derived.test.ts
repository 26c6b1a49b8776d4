import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// STYLE §19 and §27: a construct's props are the spec's fields, derived from provider/spec/
// spec-types.ts, never restated by hand (a restated copy drifts: a new spec field would be
// missing from CDK). A props interface may declare only what a construct adds to the spec.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const read = (file: string): string =>
  readFileSync(join(root, 'provider/constructs', file), 'utf8');

/** The members a props interface declares itself, and what it extends. */
function declared(text: string, name: string): { extends: string; members: string[] } {
  const m = new RegExp(`export interface ${name} extends ([^{]+)\\{\\n([\\s\\S]*?)\\n\\}`).exec(
    text,
  );
  if (m === null) return { extends: '', members: ['(not derived: no `extends` clause)'] };
  const members = [...(m[2] ?? '').matchAll(/^ {2}readonly (\w+)/gm)].map((x) => x[1] ?? '');
  return { extends: (m[1] ?? '').trim(), members };
}

describe('CDK construct props', () => {
  it.each([
    ['instance.ts', 'InstanceProps', "Omit<InstanceSpec, 'health' | 'autoscaling'>", ['name']],
    ['health-check.ts', 'HealthCheckProps', 'HealthSpec', ['instance']],
    ['autoscaling-policy.ts', 'AutoscalingPolicyProps', 'AutoscalingSpec', ['instance']],
  ])('GIVEN %s WHEN %s is read THEN it extends %s and adds only %j', (file, name, base, own) => {
    const d = declared(read(file), name);
    expect(d.extends).toBe(base);
    expect(d.members).toEqual(own);
  });

  it('GIVEN leasehold-provider.ts WHEN its props are read THEN they are picked from StackSpec', () => {
    expect(read('leasehold-provider.ts')).toMatch(
      /export type LeaseholdProviderProps = Pick<\s*StackSpec,/,
    );
  });
});
