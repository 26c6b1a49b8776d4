import { describe, expect, it } from '@jest/globals';
import {
  isRouteNotFound,
  leasePath,
  parseLeasePath,
  providerPort,
  ROUTE_NOT_FOUND_BODY,
  streamQuery,
} from '../../../wire/provider-routes.js';

// The SDK v2.6.0's spheron-provider-v2 module: the v2 routes, the query order of logs and events,
// and the fizz gateway's port.
describe('provider routes', () => {
  it('GIVEN a lease WHEN v2 paths are built THEN they are the SDK v2 routes', () => {
    expect(leasePath('v2', 42n, { kind: 'status' })).toBe('/lease/42/status');
    expect(leasePath('v2', 42n, { kind: 'service-status', service: 'web' })).toBe(
      '/lease/42/service/web/status',
    );
    expect(leasePath('v2', 42n, { kind: 'logs' })).toBe('/lease/42/logs');
    expect(leasePath('v2', 42n, { kind: 'events' })).toBe('/lease/42/events');
  });

  it('GIVEN a lease WHEN v1 paths are built THEN they carry /1/1/ and kubeevents', () => {
    expect(leasePath('v1', 42n, { kind: 'status' })).toBe('/lease/42/1/1/status');
    expect(leasePath('v1', 42n, { kind: 'events' })).toBe('/lease/42/1/1/kubeevents');
  });

  it('GIVEN every built path WHEN parsed THEN it round-trips with its version', () => {
    for (const api of ['v1', 'v2'] as const) {
      for (const route of [
        { kind: 'status' },
        { kind: 'service-status', service: 'my web' },
        { kind: 'logs' },
        { kind: 'events' },
      ] as const) {
        expect(parseLeasePath(leasePath(api, 7n, route))).toEqual({ api, leaseId: 7n, route });
      }
    }
    expect(parseLeasePath('/lease/7/2/1/status')).toBeNull();
    expect(parseLeasePath('/leases/7/status')).toBeNull();
  });

  it('GIVEN 404 answers WHEN classified THEN only Go\'s bare "404 page not found" is route-level', () => {
    expect(isRouteNotFound(404, ROUTE_NOT_FOUND_BODY)).toBe(true);
    expect(isRouteNotFound(404, '404 page not found')).toBe(true);
    expect(isRouteNotFound(404, 'no lease for deployment 7')).toBe(false);
    expect(isRouteNotFound(200, ROUTE_NOT_FOUND_BODY)).toBe(false);
  });

  it('GIVEN stream options WHEN the query is built THEN follow, tail, startup, service in the SDK order', () => {
    expect(streamQuery('logs', { follow: false, tail: 100000 })).toBe(
      'follow=false&tail=100000&startup=false',
    );
    expect(streamQuery('logs', { follow: true, tail: 5, startup: true, service: 'web' })).toBe(
      'follow=true&tail=5&startup=true&service=web',
    );
    expect(streamQuery('events', { follow: false, tail: 100000, service: 'db' })).toBe(
      'follow=false&tail=100000&service=db',
    );
  });

  it('GIVEN a lease fizzId WHEN the port is chosen THEN fizz leases go to the gateway on 8543', () => {
    expect(providerPort(0n)).toBe(8443);
    expect(providerPort(3n)).toBe(8543);
  });
});
