import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { planSchemaPath } from '../../../../cli/plan/plan-file.js';
import { renderPlanResult } from '../../../../cli/render/render-plan-result.js';
import { PLAN } from './plan-fixture.js';

// Issue 11 item 4: `plan --json` keeps its fields and also puts Terraform's `resource_changes`
// and `output_changes` at the top level, so conftest/OPA policies read it unchanged.
const schemas = dirname(planSchemaPath());
const load = (p: string): object => JSON.parse(readFileSync(p, 'utf8')) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
ajv.addSchema(load(planSchemaPath()));
ajv.addSchema(load(join(schemas, 'cli/diagnostic.schema.json')));
const validate = ajv.compile(load(join(schemas, 'cli/plan.schema.json')));

describe('plan --json result', () => {
  const result = renderPlanResult(PLAN, { version: '0.1.0', out: null, diagnostics: [] });

  it('GIVEN a plan WHEN rendered as the command result THEN resource_changes and output_changes are also top-level', () => {
    expect(result.resource_changes).toEqual(result.plan.resource_changes);
    expect(result.output_changes).toEqual(result.plan.output_changes);
    expect(result.resource_changes.length).toBeGreaterThan(0);
    expect(validate(result)).toBe(true);
  });

  it('GIVEN the schema WHEN a result lacks the top-level resource_changes THEN it is rejected', () => {
    const { resource_changes: _gone, ...rest } = result;
    expect(validate(rest)).toBe(false);
  });
});
