import type { Change, Plan } from '../../../../cli/plan/plan-types.js';

// A plan exercising every action, reason and rendering feature, shaped like the Spheron provider's
// instance changes. SECRET sits at a sensitive path: every renderer must mask it.

/** A value that must never appear in any rendering. */
export const SECRET = 'hunter2-registry-password';

const SENSITIVE = ['secrets.*', 'credentials.password'];
const UNKNOWN = ['leaseId', 'provider', 'endpoints'];

const web = {
  image: 'nginx:1.26',
  command: [],
  args: ['--port', '8080'],
  env: { LOG_LEVEL: 'info', NODE_ENV: 'production' },
  secrets: [{ name: 'API_KEY', fromEnv: 'WEB_API_KEY' }],
  credentials: { registry: 'ghcr.io', username: 'bob', password: SECRET },
  ports: [{ port: 8080, as: 80, proto: 'tcp', global: true }],
  resources: { cpu: 500, memory: '536870912', gpu: null },
  placement: { regions: ['eu-central'], spread: 'provider', mode: 'provider' },
  pricing: { token: 'uSPON', amount: '1500000' },
  count: 3,
};

const slot = (key: string, extra: object = {}) => ({ ...web, replicas: 1, key, ...extra });
const lease = (id: string) => ({
  leaseId: id,
  provider: '0x00000000000000000000000000000000000000b1',
  endpoints: [`http://127.0.0.1:3${id}`],
});

function change(
  c: Partial<Change> & Pick<Change, 'address' | 'action' | 'before' | 'after'>,
): Change {
  const resource = c.address.replace(/\[.*$/, '');
  const [type = '', name = ''] = resource.split('.');
  const key = /\[(.*)\]$/.exec(c.address)?.[1]?.replace(/"/g, '') ?? null;
  return { resource, type, name, key, afterUnknown: [], sensitivePaths: SENSITIVE, ...c };
}

/** The changes, in the order the engine emits them. */
export const CHANGES: readonly Change[] = [
  change({
    address: 'instance.web[0]',
    action: 'update',
    before: slot('0', lease('11')),
    after: slot('0', {
      ...lease('11'),
      image: 'nginx:1.27',
      env: { LOG_LEVEL: 'debug', NODE_ENV: 'production', TZ: 'UTC' },
    }),
  }),
  change({
    address: 'instance.web[1]',
    action: 'no-op',
    before: slot('1', lease('12')),
    after: slot('1', lease('12')),
  }),
  change({
    address: 'instance.web[2]',
    action: 'create',
    before: null,
    after: slot('2'),
    afterUnknown: UNKNOWN,
    reason: 'scale-out',
    cost: { token: 'uSPON', perHourBefore: '0', perHourAfter: '1500000', escrowToLock: '36000000' },
  }),
  change({
    address: 'instance.api[0]',
    action: 'create-then-delete',
    before: slot('0', { ...lease('21'), resources: { cpu: 500, memory: '536870912', gpu: null } }),
    after: slot('0', { resources: { cpu: 1000, memory: '536870912', gpu: null } }),
    afterUnknown: UNKNOWN,
    reason: 'replace-because-cannot-update',
    replacePaths: ['resources.cpu'],
  }),
  change({
    address: 'instance.db["us-east"]',
    action: 'delete-then-create',
    before: slot('us-east', lease('31')),
    after: slot('us-east'),
    afterUnknown: UNKNOWN,
    reason: 'replace-because-tainted',
  }),
  change({
    address: 'instance.web[3]',
    action: 'create',
    before: null,
    after: slot('3'),
    afterUnknown: UNKNOWN,
    reason: 'create-because-missing',
  }),
  change({
    address: 'instance.old[0]',
    action: 'delete',
    before: slot('0', lease('41')),
    after: null,
    reason: 'delete-because-no-config',
  }),
  change({
    address: 'health_check.web',
    action: 'no-op',
    before: { instance: 'instance.web', path: '/' },
    after: { instance: 'instance.web', path: '/' },
    sensitivePaths: [],
  }),
];

/** The whole fixture plan. */
export const PLAN: Plan = {
  formatVersion: 1,
  stack: 'shop',
  mode: 'normal',
  lineage: '6f1c2f7e-0000-4000-8000-000000000001',
  serial: 12,
  modelHash: 'sha256:abc123',
  network: { name: 'local', chainId: 31337, blockTime: { ms: 1000, source: 'devnet' } },
  changes: CHANGES,
  drift: [
    {
      address: 'instance.web[3]',
      kind: 'closed-outside',
      detail: 'Lease 14 was closed at block 812 by the tenant.',
      leaseId: '14',
    },
    {
      address: 'instance.web[1]',
      kind: 'unknown',
      detail: 'Provider https://p2.local:8443 did not answer within 3 s.',
      leaseId: '12',
    },
  ],
  outputs: {
    api_token: { action: 'create', sensitive: true },
    url: { action: 'update', sensitive: false },
    version: { action: 'no-op', sensitive: false },
  },
  cost: [
    {
      token: 'uSPON',
      decimals: 6,
      perHourBefore: '4500000',
      perHourAfter: '7500001',
      escrowToLock: '108000000',
      perHourAccepted: '1500000',
      unpricedSlots: 3,
      perHourCeiling: '7500001',
      escrowAvailable: '250000000',
      runwayHours: 33.33,
      budgetPerHour: '10000000',
    },
  ],
  complete: true,
  applyable: true,
  errored: false,
  createdAt: '2026-03-01T12:00:00.000Z',
};
