import { describe, expect, it } from '@jest/globals';
import { warningDiag } from '../../../../cli/diag/index.js';
import { renderPlanMarkdown } from '../../../../cli/render/render-plan-markdown.js';
import { PLAN, SECRET } from './plan-fixture.js';

describe('renderPlanMarkdown', () => {
  const warn = warningDiag({
    code: 'plan/target-in-effect',
    summary: 'Resource targeting is in effect',
    detail: 'Only instance.web was planned.',
  });
  const text = renderPlanMarkdown(PLAN, [warn]);

  it('GIVEN the fixture plan WHEN rendered THEN it matches the snapshot and masks the secret', () => {
    expect(text).toMatchSnapshot();
    expect(text).not.toContain(SECRET);
  });

  it('GIVEN the plan WHEN rendered THEN a summary with counts and cost, a table, drift and a diff block', () => {
    expect(text).toContain(
      '**Plan: 4 to add, 1 to change, 3 to destroy.** Cost: now 4.5 uSPON/hour, at most 7.500001 uSPON/hour after this plan (max prices), 108 uSPON to lock.',
    );
    expect(text).toContain('| `+/- replace` | `instance.api[0]` | replace-because-cannot-update |');
    expect(text).toContain(
      '- `instance.web[3]` (closed-outside): Lease 14 was closed at block 812 by the tenant.',
    );
    expect(text).toContain('**Resource targeting is in effect** (`plan/target-in-effect`)');
    expect(text).toMatch(/```diff\n[\s\S]*\n\+\/- resource "instance" "api" \{/);
    expect(text).toMatch(/^\+ {7}leaseId/m);
    expect(text).toMatch(/^! {7}image/m);
  });

  it('GIVEN no changes WHEN rendered THEN the summary says so and there is no table', () => {
    const none = renderPlanMarkdown({ ...PLAN, changes: [], drift: [], outputs: {} });
    expect(none).toContain('**No changes.**');
    expect(none).not.toContain('| Action |');
  });
});
