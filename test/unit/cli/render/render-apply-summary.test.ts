import { describe, expect, it } from '@jest/globals';
import { renderApplySummary } from '../../../../cli/render/render-apply-summary.js';
import { PLAIN } from '../../../../cli/render/style.js';

const outputs = {
  url: { value: 'http://127.0.0.1:8080', sensitive: false },
  password: { value: 'hunter2-secret', sensitive: true },
};

describe('renderApplySummary', () => {
  it('GIVEN a complete apply WHEN rendered THEN Terraform closing line and the outputs, sensitive masked', () => {
    const text = renderApplySummary(
      {
        command: 'apply',
        status: 'applied',
        outcomes: [
          { address: 'instance.web[0]', action: 'create', status: 'done', diagnostics: [] },
          {
            address: 'instance.web[1]',
            action: 'create-then-delete',
            status: 'done',
            diagnostics: [],
          },
          { address: 'instance.api[0]', action: 'update', status: 'done', diagnostics: [] },
        ],
        outputs,
      },
      PLAIN,
    );
    expect(text).toMatchSnapshot();
    expect(text).toContain('Apply complete! Resources: 2 added, 1 changed, 1 destroyed.');
    expect(text).not.toContain('hunter2-secret');
  });

  it('GIVEN a partial failure WHEN rendered THEN done, failed and not started are listed per address', () => {
    const text = renderApplySummary(
      {
        command: 'apply',
        status: 'failed',
        outcomes: [
          { address: 'instance.web[0]', action: 'create', status: 'done', diagnostics: [] },
          {
            address: 'instance.web[1]',
            action: 'create',
            status: 'failed',
            diagnostics: [
              {
                severity: 'error',
                code: 'apply/no-match',
                summary: 'No provider matched the order',
              },
            ],
          },
          { address: 'health_check.web', action: 'create', status: 'not-started', diagnostics: [] },
        ],
        outputs: {},
      },
      PLAIN,
    );
    expect(text.split('\n')).toEqual([
      'Apply failed: 1 done, 1 failed, 1 not started.',
      '  ✓ instance.web[0] (create)',
      '  ✗ instance.web[1] (create): apply/no-match No provider matched the order',
      '  - health_check.web (create): not started',
      'State is saved. Fix the errors below and run the same command again.',
    ]);
  });

  it('GIVEN a destroy WHEN complete THEN it says so and prints no outputs', () => {
    const text = renderApplySummary(
      {
        command: 'destroy',
        status: 'applied',
        outcomes: [
          { address: 'instance.web[0]', action: 'delete', status: 'done', diagnostics: [] },
        ],
        outputs,
      },
      PLAIN,
    );
    expect(text).toBe('Destroy complete! Resources: 0 added, 0 changed, 1 destroyed.');
  });
});
