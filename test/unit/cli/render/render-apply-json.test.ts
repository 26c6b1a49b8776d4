import { describe, expect, it } from '@jest/globals';
import {
  renderApplyEventJson,
  toApplySummaryLine,
} from '../../../../cli/render/render-apply-json.js';
import { cliSchema } from '../../../support/cli-schemas.js';
import { APPLY_EVENTS } from './apply-event-fixture.js';

describe('renderApplyEventJson', () => {
  it('GIVEN every kind of event WHEN rendered THEN each is one JSON line valid against apply-event.schema.json', () => {
    const validate = cliSchema('apply-event');
    for (const e of APPLY_EVENTS) {
      const line = renderApplyEventJson(e);
      expect(line).not.toContain('\n');
      const parsed: unknown = JSON.parse(line);
      expect(validate(parsed) ? null : validate.errors).toBeNull();
    }
  });

  it('GIVEN an event missing a field WHEN validated THEN the schema rejects it', () => {
    expect(
      cliSchema('apply-event')({
        type: 'order-created',
        address: 'a',
        at: '2026-03-01T12:00:00.000Z',
      }),
    ).toBe(false);
  });

  it('GIVEN a finished apply with a sensitive output WHEN summarised THEN the line validates and masks it', () => {
    const line = toApplySummaryLine({
      status: 'failed',
      outcomes: [
        { address: 'instance.web[0]', action: 'create', status: 'done', diagnostics: [] },
        {
          address: 'instance.web[1]',
          action: 'create',
          status: 'failed',
          diagnostics: [
            { severity: 'error', code: 'apply/no-match', summary: 'No provider matched the order' },
          ],
        },
      ],
      outputs: {
        url: { value: 'http://127.0.0.1:8080', sensitive: false },
        token: { value: 'hunter2-secret', sensitive: true },
      },
      diagnostics: [],
    });
    const validate = cliSchema('apply-event');
    expect(validate(line) ? null : validate.errors).toBeNull();
    expect(cliSchema('apply')(line)).toBe(true);
    expect(line.counts).toEqual({ added: 1, changed: 0, destroyed: 0, failed: 1, notStarted: 0 });
    expect(JSON.stringify(line)).not.toContain('hunter2-secret');
  });
});
