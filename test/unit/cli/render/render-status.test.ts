import { describe, expect, it } from '@jest/globals';
import type { LeaseStatusView, ReplicaStatusView } from '../../../../cli/provider-api.js';
import { formatRunway, renderStatus } from '../../../../cli/render/render-status.js';
import { COLOR, PLAIN } from '../../../../cli/render/style.js';

const replica = (o: Partial<ReplicaStatusView> = {}): ReplicaStatusView => ({
  name: 'web-0',
  ready: true,
  restarts: 0,
  health: 'healthy',
  cpuPercent: 12.5,
  rps: 1.25,
  ...o,
});

const lease = (o: Partial<LeaseStatusView> = {}): LeaseStatusView => ({
  address: 'instance.web[0]',
  leaseId: '12',
  provider: '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65',
  region: 'us-east',
  pricePerHour: '44001',
  token: 'USDT',
  decimals: 6,
  ready: 2,
  total: 2,
  endpoints: ['http://127.0.0.1:8080', 'http://127.0.0.1:8081'],
  runwayHours: 30.25,
  reachable: true,
  replicas: [],
  ...o,
});

describe('renderStatus', () => {
  it('GIVEN leases WHEN rendered THEN one aligned row each, price in whole tokens, ready x/y, endpoints and runway', () => {
    const text = renderStatus(
      [
        lease({ pricePerHour: '1500000', providerName: 'atlantic-2' }),
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
      'ADDRESS          LEASE  PROVIDER                  REGION   PRICE/H        READY              ENDPOINTS                                    RUNWAY',
      'instance.web[0]  12     atlantic-2 (0x15d3…6a65)  us-east  1.5 USDT       2/2                http://127.0.0.1:8080 http://127.0.0.1:8081  30.3h',
      'instance.api[0]  7      0x15d3…6a65               us-east  0.044001 USDT  ?/2 (unreachable)  http://127.0.0.1:8080 http://127.0.0.1:8081  -',
    ]);
  });

  it('GIVEN replicas WHEN rendered THEN one aligned line each under its lease: readiness, health, cpu, rps, restarts', () => {
    const text = renderStatus(
      [
        lease({
          replicas: [
            replica(),
            replica({
              name: 'web-1',
              ready: false,
              health: 'starting',
              cpuPercent: null,
              rps: null,
            }),
          ],
        }),
        lease({
          address: 'instance.web[1]',
          leaseId: '13',
          replicas: [
            replica({
              name: 'web-0',
              health: 'unhealthy',
              restarts: 3,
              cpuPercent: 100,
              rps: 48.04,
            }),
          ],
        }),
      ],
      PLAIN,
    );
    expect(text.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^instance\.web\[0\] {2}12 /),
      '  web-0  ready      healthy    cpu 12.5%  1.3 req/s  restarts 0',
      '  web-1  not ready  starting   cpu -      - req/s    restarts 0',
      expect.stringMatching(/^instance\.web\[1\] {2}13 /),
      '  web-0  ready      unhealthy  cpu 100%   48 req/s   restarts 3',
    ]);
  });

  it('GIVEN an unhealthy replica in colour WHEN rendered THEN its line is red and a healthy one is plain', () => {
    const text = renderStatus(
      [lease({ replicas: [replica(), replica({ name: 'web-1', health: 'unhealthy' })] })],
      COLOR,
    );
    const lines = text.split('\n');
    expect(lines[2]).not.toContain('\u001b[');
    expect(lines[3]?.startsWith('\u001b[31m  web-1')).toBe(true);
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

describe('renderStatus open orders (issue 11 item 7)', () => {
  it('GIVEN open orders no slot owns WHEN rendered THEN each with its cost if matched, and what is true of them', () => {
    const text = renderStatus([], PLAIN, [
      {
        orderId: '7',
        address: 'instance.web[0]',
        maxPerHour: '4000000',
        token: 'USDT',
        decimals: 6,
      },
      {
        orderId: '12',
        address: 'instance.gpu[0]',
        maxPerHour: '176001',
        token: 'USDT',
        decimals: 6,
      },
    ]);
    expect(text).toContain('No leases.');
    expect(text).toContain('Open orders (2), not matched yet:');
    expect(text).toMatch(/order 7 +instance\.web\[0\] +up to 4 USDT\/h if matched/);
    expect(text).toMatch(/order 12 +instance\.gpu\[0\] +up to 0\.176 USDT\/h if matched/);
    expect(text).toContain('Spheron cannot cancel an order');
    expect(text).toContain('adopts its lease into the state');
  });

  it('GIVEN no open orders WHEN rendered THEN no section', () => {
    expect(renderStatus([], PLAIN, [])).not.toContain('Open orders');
  });
});
