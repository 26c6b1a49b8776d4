import { describe, expect, it } from '@jest/globals';
import { renderChange } from '../../../../cli/render/render-plan-human.js';
import { PLAIN } from '../../../../cli/render/style.js';
import { CHANGES } from './plan-fixture.js';

// After Ctrl-C, `apply` again plans the interrupted slot as a create that resumes its order or
// lease. The plan must say so, not blame a lease "closed outside Leasehold".
describe('renderChange: a resumed slot', () => {
  it('GIVEN a create with reason resume-interrupted WHEN rendered THEN it says it resumes an interrupted apply', () => {
    const create = CHANGES.find((c) => c.action === 'create');
    if (create === undefined) throw new Error('fixture has no create');
    const text = renderChange({ ...create, reason: 'resume-interrupted' }, PLAIN).join('\n');
    expect(text).toContain('resuming an interrupted apply');
    expect(text).not.toContain('closed outside Leasehold');
  });
});
