import { describe, expect, it } from '@jest/globals';
import { renderPlanHuman } from '../../../../cli/render/render-plan-human.js';
import { COLOR, PLAIN } from '../../../../cli/render/style.js';
import type { Plan } from '../../../../cli/plan/plan-types.js';
import { CHANGES, PLAN, SECRET } from './plan-fixture.js';

describe('renderPlanHuman', () => {
  it('GIVEN a plan with every action WHEN rendered THEN it matches the snapshot and masks the secret', () => {
    const text = renderPlanHuman(PLAN, PLAIN);
    expect(text).toMatchSnapshot();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('WEB_API_KEY');
  });

  it('GIVEN the plan WHEN rendered THEN Terraform symbols, annotations and the summary line appear', () => {
    const text = renderPlanHuman(PLAN, PLAIN);
    expect(text).toContain('  # instance.web[2] will be created');
    expect(text).toContain('+/- resource "instance" "api" {');
    expect(text).toContain('-/+ resource "instance" "db" {');
    expect(text).toContain('  # instance.db["us-east"] is tainted, so must be replaced');
    expect(text).toMatch(/~ cpu\s+= 0.5 CPU -> 1 CPU # forces replacement/);
    expect(text).toMatch(/\+ leaseId\s+= \(known after apply\)/);
    expect(text).toMatch(/password\s+= \(sensitive value\)/);
    expect(text).toContain('  # (because the lease was closed outside Leasehold)');
    expect(text).toContain('Plan: 4 to add, 1 to change, 3 to destroy.');
    expect(text).toContain('Now:              4.5 uSPON/h (accepted prices)');
    expect(text).toContain(
      'After this plan:  1.5 uSPON/h at accepted prices + 3 new prices known after apply',
    );
    expect(text).toContain('Ceiling:          7.500001 uSPON/h (max prices)');
    expect(text).not.toContain('instance.web[1] has no changes');
  });

  it('GIVEN the network block time WHEN rendered THEN it shows under the cost in human units with its origin', () => {
    const on = (blockTime: NonNullable<Plan['network']['blockTime']>) =>
      renderPlanHuman({ ...PLAN, network: { name: 'base-fork', chainId: 8453, blockTime } }, PLAIN);
    expect(on({ ms: 12_000, source: 'spec' })).toMatch(
      /Budget:.*\nNetwork: base-fork \(chain 8453\), 12 s blocks \(from the spec\)$/,
    );
    expect(on({ ms: 2_000, source: 'measured' })).toContain(
      '2 s blocks (measured from recent blocks)',
    );
    expect(on({ ms: 500, source: 'address-book' })).toContain(
      '0.5 s blocks (from the address book)',
    );
    expect(on({ ms: 250, source: 'profile' })).toContain("250 ms blocks (the network's)");
    const { blockTime: _none, ...saved } = PLAN.network;
    expect(renderPlanHuman({ ...PLAN, network: saved }, PLAIN)).not.toContain('Network:');
  });

  it("GIVEN a plan without changes WHEN rendered THEN Terraform's no-changes line", () => {
    const text = renderPlanHuman(
      { ...PLAN, changes: [PLAN.changes[1]!], outputs: {}, drift: [], cost: [], applyable: false },
      PLAIN,
    );
    expect(text).toBe('No changes. Your infrastructure matches the configuration.');
  });

  it('GIVEN a refresh-only plan WHEN rendered THEN the drift and the refresh-only note, no actions', () => {
    const text = renderPlanHuman(
      { ...PLAN, mode: 'refresh-only', changes: [], outputs: {}, cost: [] },
      PLAIN,
    );
    expect(text).toContain('Changes outside Leasehold');
    expect(text).toContain('  # instance.web[3] (lease 14) was closed outside Leasehold');
    expect(text).toContain('This is a refresh-only plan');
    expect(text).not.toContain('Plan:');
  });

  it('GIVEN an errored, targeted plan WHEN rendered THEN both warnings appear', () => {
    const text = renderPlanHuman({ ...PLAN, errored: true, complete: false }, PLAIN);
    expect(text).toContain('resource targeting is in effect');
    expect(text).toContain('Planning failed');
  });

  it('GIVEN colour WHEN rendered THEN symbols are coloured and the text is otherwise the same', () => {
    const coloured = renderPlanHuman(PLAN, COLOR);
    expect(coloured).toContain('\u001b[32m+\u001b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderPlanHuman(PLAN, PLAIN));
  });

  it('GIVEN a slot updated only because a secret value changed WHEN rendered THEN one `(value changed)` line names it, and nothing else differs', () => {
    const kept = CHANGES[1];
    if (kept === undefined) throw new Error('fixture changed');
    const rotated = { ...kept, action: 'update' as const, secretsChanged: ['secrets.API_KEY'] };
    const text = renderPlanHuman({ ...PLAN, changes: [rotated] }, PLAIN);
    expect(text).toContain('  # instance.web[1] will be updated in-place');
    const block = text.slice(text.indexOf('~ resource'), text.indexOf('Plan:'));
    expect(block.split('\n').filter((l) => /^\s+[~+-] /.test(l))).toEqual([
      '      ~ secrets.API_KEY = (value changed)',
    ]);
    expect(block).toMatch(/# \(\d+ unchanged attributes hidden\)/);
    expect(text).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  });
});
