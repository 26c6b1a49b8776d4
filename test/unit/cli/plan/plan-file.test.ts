import { describe, expect, it } from '@jest/globals';
import { decodePlan, encodePlan, isPlanStale } from '../../../../cli/plan/plan-file.js';
import { countChanges } from '../../../../cli/plan/count-changes.js';
import { emptyState } from '../../../../cli/state/empty-state.js';
import { PLAN, SECRET } from '../render/plan-fixture.js';

const file = 'plan.json';
const state = {
  ...emptyState({ stack: 'shop', network: PLAN.network, lineage: PLAN.lineage }),
  serial: PLAN.serial,
};

describe('plan file', () => {
  it('GIVEN a plan WHEN encoded, serialised and decoded THEN the same plan comes back', () => {
    const text = JSON.stringify(encodePlan(PLAN));
    const res = decodePlan(text, { file, expectedStack: 'shop' });
    expect(res.diagnostics).toEqual([]);
    expect(res.planFile).toEqual(JSON.parse(text));
    expect(res.planFile?.plan).toEqual(JSON.parse(JSON.stringify(PLAN)));
    expect(res.planFile).toMatchObject({
      formatVersion: 1,
      kind: 'leasehold-plan',
      stack: 'shop',
      lineage: PLAN.lineage,
      serial: 12,
      modelHash: PLAN.modelHash,
    });
  });

  it('GIVEN a plan with a rotated secret WHEN encoded and decoded THEN secretsChanged survives the schema check', () => {
    const changes = PLAN.changes.map((c, i) =>
      i === 1 ? { ...c, action: 'update' as const, secretsChanged: ['secrets.API_KEY'] } : c,
    );
    const res = decodePlan(JSON.stringify(encodePlan({ ...PLAN, changes })), { file });
    expect(res.diagnostics).toEqual([]);
    expect(res.planFile?.plan.changes[1]?.secretsChanged).toEqual(['secrets.API_KEY']);
  });

  it('GIVEN a plan whose changes only reference secrets WHEN encoded THEN no secret value is written', () => {
    const clean = {
      ...PLAN,
      changes: PLAN.changes.map((c) => ({
        ...c,
        before: null,
        after: { secrets: [{ name: 'API_KEY', fromEnv: 'WEB_API_KEY' }] },
      })),
    };
    expect(JSON.stringify(encodePlan(clean))).not.toContain(SECRET);
  });

  it.each([
    ['not JSON', 'nope{', 'plan/invalid-file'],
    ['a JSON array', '[]', 'plan/invalid-file'],
    [
      'a plan missing its changes',
      JSON.stringify({ ...encodePlan(PLAN), plan: { ...PLAN, changes: undefined } }),
      'plan/invalid-file',
    ],
    [
      'a plan with an unknown action',
      JSON.stringify(
        encodePlan({ ...PLAN, changes: [{ ...PLAN.changes[0]!, action: 'explode' as 'create' }] }),
      ),
      'plan/invalid-file',
    ],
    [
      'a version 2 plan',
      JSON.stringify({ ...encodePlan(PLAN), formatVersion: 2 }),
      'plan/unsupported-version',
    ],
  ])('GIVEN %s WHEN decoded THEN %s and no plan', (_k, text, code) => {
    const res = decodePlan(text, { file });
    expect(res.planFile).toBeNull();
    expect(res.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(res.diagnostics[0]?.detail).toContain(file);
  });

  it('GIVEN a plan saved before block times were recorded WHEN decoded THEN it is still valid', () => {
    const { blockTime: _none, ...network } = PLAN.network;
    const old = encodePlan({ ...PLAN, network });
    expect(decodePlan(JSON.stringify(old), { file }).diagnostics).toEqual([]);
  });

  it('GIVEN a plan with a malformed block time WHEN decoded THEN plan/invalid-file', () => {
    const network = { ...PLAN.network, blockTime: { ms: 0, source: 'guessed' } };
    const bad = JSON.stringify(encodePlan({ ...PLAN, network } as unknown as typeof PLAN));
    expect(decodePlan(bad, { file }).diagnostics.map((d) => d.code)).toEqual(['plan/invalid-file']);
  });

  it('GIVEN a plan of another stack WHEN decoded for this stack THEN plan/wrong-stack names both', () => {
    const res = decodePlan(JSON.stringify(encodePlan(PLAN)), { file, expectedStack: 'blog' });
    expect(res.planFile).toBeNull();
    expect(res.diagnostics[0]?.code).toBe('plan/wrong-stack');
    expect(res.diagnostics[0]?.detail).toContain('"shop"');
    expect(res.diagnostics[0]?.detail).toContain('"blog"');
  });

  it('GIVEN the state and model it was made from THEN the plan is not stale', () => {
    expect(isPlanStale(encodePlan(PLAN), state, PLAN.modelHash)).toBeNull();
  });

  it.each([
    ['lineage', { ...state, lineage: 'other' }, PLAN.modelHash],
    ['serial', { ...state, serial: 13 }, PLAN.modelHash],
    ['model', state, 'sha256:changed'],
    ['lineage', null, PLAN.modelHash],
  ] as const)('GIVEN a different %s THEN the plan is stale for that reason', (reason, s, hash) => {
    expect(isPlanStale(encodePlan(PLAN), s, hash)?.reason).toBe(reason);
  });

  it('GIVEN a plan made without state WHEN there is still none THEN it is not stale', () => {
    const fresh = encodePlan({ ...PLAN, lineage: '', serial: 0 });
    expect(isPlanStale(fresh, null, PLAN.modelHash)).toBeNull();
  });

  it('GIVEN the fixture changes WHEN counted THEN replacements add and destroy', () => {
    expect(countChanges(PLAN.changes)).toEqual({ add: 4, change: 1, destroy: 3 });
  });
});
