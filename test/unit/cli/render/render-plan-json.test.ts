import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { planSchemaPath } from '../../../../cli/plan/plan-file.js';
import { renderPlanJson, toActions } from '../../../../cli/render/render-plan-json.js';
import { CHANGES, PLAN, SECRET } from './plan-fixture.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(planSchemaPath(), 'utf8')) as object);

describe('renderPlanJson', () => {
  const json = renderPlanJson(PLAN, '0.1.0');

  it('GIVEN the fixture plan WHEN rendered THEN it matches the snapshot, the schema, and masks the secret', () => {
    expect(json).toMatchSnapshot();
    expect(validate(json)).toBe(true);
    expect(JSON.stringify(json)).not.toContain(SECRET);
  });

  it.each([
    ['create', ['create']],
    ['create-then-delete', ['create', 'delete']],
    ['delete-then-create', ['delete', 'create']],
    ['no-op', ['no-op']],
  ] as const)('GIVEN action %s THEN actions %j', (action, expected) => {
    expect(toActions(action)).toEqual(expected);
  });

  it('GIVEN a replacement WHEN rendered THEN replace_paths are segment arrays and the reason is snake_case', () => {
    const api = json.resource_changes.find((c) => c.address === 'instance.api[0]');
    expect(api?.replace_paths).toEqual([['resources', 'cpu']]);
    expect(api?.action_reason).toBe('replace_because_cannot_update');
    expect(api?.change.after_unknown).toEqual({ leaseId: true, provider: true, endpoints: true });
    expect(api?.index).toBe(0);
  });

  it('GIVEN sensitive paths with wildcards WHEN rendered THEN *_sensitive marks each leaf', () => {
    const web = json.resource_changes[0];
    expect(web?.change.after_sensitive).toEqual({
      secrets: [true],
      credentials: { password: true },
    });
    expect(json.resource_changes.find((c) => c.index === 'us-east')).toBeDefined();
    expect(json.resource_changes.at(-1)?.index).toBeNull();
  });

  it('GIVEN a broken document WHEN validated THEN the schema rejects it', () => {
    expect(validate({ ...json, format_version: '2.0' })).toBe(false);
  });

  it('GIVEN a slot updated because a secret value changed WHEN rendered THEN secrets_changed names it, valid against the schema', () => {
    const kept = CHANGES[1];
    if (kept === undefined) throw new Error('fixture changed');
    const rotated = { ...kept, action: 'update' as const, secretsChanged: ['secrets.API_KEY'] };
    const out = renderPlanJson({ ...PLAN, changes: [rotated] }, '0.1.0');
    expect(out.resource_changes[0]?.secrets_changed).toEqual(['secrets.API_KEY']);
    expect(out.resource_changes[0]?.change.actions).toEqual(['update']);
    expect(validate(out)).toBe(true);
    expect(json.resource_changes.some((c) => 'secrets_changed' in c)).toBe(false);
  });
});
