import { describe, expect, it } from '@jest/globals';
import type { LeaseStatusView } from '../../../../cli/provider-api.js';
import { formatRunway, renderStatus } from '../../../../cli/render/render-status.js';
import { PLAIN } from '../../../../cli/render/style.js';

const lease = (o: Partial<LeaseStatusView> = {}): LeaseStatusView => ({
  address: 'instance.web[0]',
  leaseId: '12',
  provider: '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65',
  region: 'us-east',
  pricePerHour: '44001',
  token: 'USDT',
  ready: 2,
  total: 2,
  endpoints: ['http://127.0.0.1:8080', 'http://127.0.0.1:8081'],
  runwayHours: 30.25,
  reachable: true,
  ...o,
});

describe('renderStatus', () => {
  it('GIVEN leases WHEN rendered THEN one aligned row each, with ready x/y, endpoints and runway', () => {
    const text = renderStatus(
      [
        lease(),
        lease({
          address: 'instance.api[0]',
          leaseId: '7',
          ready: 0,
          reachable: false,
          runwayHours: null,
        }),
      ],
      PLAIN,
    );
    expect(text.split('\n')).toEqual([
      'ADDRESS          LEASE  PROVIDER     REGION   PRICE/H (BASE UNITS)  READY              ENDPOINTS                                    RUNWAY',
      'instance.web[0]  12     0x15d34aaf…  us-east  44001 USDT            2/2                http://127.0.0.1:8080 http://127.0.0.1:8081  30.3h',
      'instance.api[0]  7      0x15d34aaf…  us-east  44001 USDT            ?/2 (unreachable)  http://127.0.0.1:8080 http://127.0.0.1:8081  -',
    ]);
  });

  it('GIVEN no leases WHEN rendered THEN it says how to create them', () => {
    expect(renderStatus([], PLAIN)).toContain('leasehold apply');
  });

  it('GIVEN hours WHEN formatted THEN hours below two days, days and hours above', () => {
    expect(formatRunway(5.55)).toBe('5.6h');
    expect(formatRunway(75)).toBe('3d 3h');
    expect(formatRunway(null)).toBe('-');
  });
});
