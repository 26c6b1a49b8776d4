import { describe, expect, it } from '@jest/globals';
import type { ResourceState, StackState } from '../../../../cli/state/state-types.js';
import { statusProbeConfig } from '../../../../provider/status/status-probe-config.js';

const instance: ResourceState = {
  address: 'instance.web',
  type: 'instance',
  name: 'web',
  attributes: {
    ports: [
      { port: 8080, as: 80 },
      { port: 9090, as: 9090 },
    ],
  },
  modelHash: 'h',
  leases: [],
};
const healthCheck = {
  instance: 'instance.web',
  probe: { type: 'tcp', port: 9090 },
  interval: 1000,
  timeout: 500,
  healthyThreshold: 1,
  unhealthyThreshold: 2,
  gracePeriod: 0,
  onFailure: 'alert',
  maxReplacementsPerHour: 1,
};
const state = (resources: ResourceState[]): StackState => ({
  formatVersion: 1,
  stack: 's',
  lineage: 'l',
  serial: 1,
  network: { name: 'local', chainId: 31337 },
  tenant: null,
  resources,
  outputs: {},
  journal: [],
});

describe('statusProbeConfig', () => {
  it('GIVEN a health check recorded for the instance WHEN read THEN the check and its port', () => {
    const hc: ResourceState = {
      ...instance,
      address: 'health_check.web',
      type: 'health_check',
      attributes: healthCheck,
    };
    expect(statusProbeConfig(state([hc, instance]), instance)).toEqual({
      check: healthCheck,
      port: 9090,
    });
  });

  it('GIVEN no health check WHEN read THEN no check and the first declared port', () => {
    expect(statusProbeConfig(state([instance]), instance)).toEqual({ check: null, port: 8080 });
  });

  it('GIVEN a health check of another instance or a malformed one WHEN read THEN it is ignored', () => {
    const other: ResourceState = {
      ...instance,
      address: 'health_check.api',
      type: 'health_check',
      attributes: { ...healthCheck, instance: 'instance.api' },
    };
    const broken: ResourceState = {
      ...other,
      address: 'health_check.web',
      attributes: { instance: 'instance.web' },
    };
    expect(statusProbeConfig(state([other, broken, instance]), instance).check).toBeNull();
  });
});
