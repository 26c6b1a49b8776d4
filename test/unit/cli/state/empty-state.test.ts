import { describe, expect, it } from '@jest/globals';
import type * as AjvModule from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { emptyState } from '../../../../cli/state/empty-state.js';
import { nextSerial } from '../../../../cli/state/next-serial.js';
import {
  stateSchemaPath,
  validateStateSchema,
} from '../../../../cli/state/validate-state-schema.js';
import { sampleState } from './state-fixtures.js';

const network = { name: 'local', chainId: 31337 };

describe('emptyState and nextSerial', () => {
  it('GIVEN a stack WHEN an empty state is made THEN serial 0, no tenant, a fresh UUID lineage, and it is schema-valid', () => {
    const a = emptyState({ stack: 'shop', network });
    const b = emptyState({ stack: 'shop', network });
    expect(a).toMatchObject({ formatVersion: 1, stack: 'shop', serial: 0, tenant: null, network });
    expect(a.lineage).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.lineage).not.toBe(b.lineage);
    expect(validateStateSchema(a)).toBeNull();
  });

  it('GIVEN a lineage WHEN given THEN it is kept', () => {
    const lineage = '00000000-0000-4000-8000-000000000000';
    expect(emptyState({ stack: 'shop', network, lineage }).lineage).toBe(lineage);
  });

  it('GIVEN a state at serial 3 WHEN the next serial is asked THEN 4', () => {
    expect(nextSerial(sampleState({ serial: 3 }))).toBe(4);
  });
});

describe('state schema', () => {
  it('GIVEN schemas/state.schema.json WHEN checked against the 2020-12 meta-schema THEN it is valid', () => {
    const require = createRequire(import.meta.url);
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof AjvModule;
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const schema = JSON.parse(readFileSync(stateSchemaPath(), 'utf8')) as object;
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each([
    ['an unknown top-level field', { ...sampleState(), extra: 1 }, '', /additional/],
    ['a negative serial', sampleState({ serial: -1 }), '/serial', /must be >= 0/],
    [
      'an uppercase tenant',
      sampleState({ tenant: '0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266' }),
      '/tenant',
      /./,
    ],
    ['a bad lineage', sampleState({ lineage: 'abc' }), '/lineage', /pattern/],
  ])('GIVEN %s WHEN validated THEN the first problem is at %j', (_name, data, path, message) => {
    const problem = validateStateSchema(data);
    expect(problem?.jsonPath).toBe(path);
    expect(problem?.problem).toMatch(message);
  });
});
