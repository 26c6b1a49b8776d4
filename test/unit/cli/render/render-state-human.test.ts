import { describe, expect, it } from '@jest/globals';
import { renderDrift } from '../../../../cli/render/render-drift.js';
import { renderStateHuman } from '../../../../cli/render/render-state-human.js';
import { PLAIN } from '../../../../cli/render/style.js';
import { drift, memoryState } from '../../../support/in-memory-provider.js';

const SECRET = 'output-secret-value-91';

describe('renderStateHuman', () => {
  it('GIVEN a state with leases and outputs WHEN rendered THEN resources, leases and masked outputs', () => {
    const state = {
      ...memoryState([{ type: 'box', name: 'b', attributes: { image: 'i', size: 1, count: 2 } }]),
      outputs: {
        url: { value: 'http://x', sensitive: false },
        token: { value: SECRET, sensitive: true },
      },
    };
    const text = renderStateHuman(state, '/s.json', PLAIN);
    expect(text).toMatchSnapshot();
    expect(text).toContain(
      '["1"] lease 101, ready, 1 replica(s) on 0x00000000000000000000000000000000000000b1, 0.000000000000001 base units per block',
    );
    expect(text).toContain('token = (sensitive value)');
    expect(text).not.toContain(SECRET);
  });

  it('GIVEN no state WHEN rendered THEN it names the location', () => {
    expect(renderStateHuman(null, '/s.json', PLAIN)).toBe(
      'No state at /s.json: nothing has been applied or imported for this stack.',
    );
  });
});

describe('renderDrift', () => {
  it('GIVEN drift entries WHEN rendered THEN one aligned line each with the lease', () => {
    expect(renderDrift([drift('adopted', 'instance.web[0]')])).toEqual([
      '  adopted        instance.web[0] (lease 100): instance.web[0] adopted in memory',
    ]);
  });
});
