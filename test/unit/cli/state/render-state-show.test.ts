import { describe, expect, it } from '@jest/globals';
import { renderStateShow } from '../../../../cli/state/render-state.js';
import type { StateShowView } from '../../../../cli/state/render-state.js';
import { lease } from './state-fixtures.js';

// Issue 11 item 4: `state show` prints human units; --json (the view itself) keeps the model's.
const GiB = String(2 ** 30);
const view = (acceptedPrice: string | null, numOfBlocks: number): StateShowView => ({
  address: 'instance.web[0]',
  type: 'instance',
  name: 'web',
  modelHash: 'sha256:x',
  attributes: {
    resources: { cpu: 1000, memory: GiB, storage: [{ name: 'default', size: GiB }] },
    duration: 86_400_000,
    pricing: { token: 'USDT', amount: '2000000' },
  },
  leases: [{ ...lease('0', '12'), acceptedPrice, numOfBlocks }],
});

describe('renderStateShow', () => {
  it('GIVEN a lease at an accepted price per block WHEN shown THEN the price per hour and the length in human units', () => {
    // 48888888888889 per block (1e18-scaled) at 3.6 s blocks (24 000 blocks for 24h) = 0.0489 USDT/h.
    const text = renderStateShow(view('48888888888889', 24_000));
    expect(text).toContain('"acceptedPrice": "0.0489 USDT/h"');
    expect(text).toContain('"numOfBlocks": "24000 blocks (24h)"');
    expect(text).toContain('"cpu": "1 CPU"');
    expect(text).toContain('"memory": "1 GiB"');
    expect(text).toContain('"duration": "24h"');
    expect(text).not.toContain('48888888888889');
  });

  it('GIVEN 2 s blocks WHEN shown THEN the per-hour figure follows the block time the order was made with', () => {
    // 1e15 per block at 2 s = 1800 blocks/h × 0.001 = 1.8 USDT/h.
    expect(renderStateShow(view('1000000000000000', 43_200))).toContain(
      '"acceptedPrice": "1.8 USDT/h"',
    );
  });

  it('GIVEN a planned lease (no accepted price) WHEN shown THEN null stays null', () => {
    expect(renderStateShow(view(null, 43_200))).toContain('"acceptedPrice": null');
  });
});
