import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { iclToSpec } from '../../../../provider/convert/icl-to-spec.js';
import { icl2ToSpec } from '../../../../provider/convert/icl2-to-spec.js';
import { encodeIcl } from '../../../../provider/icl/encode-icl.js';
import { encodeIcl2 } from '../../../../provider/icl/encode-icl2.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import type { StackModel } from '../../../../provider/spec/model-types.js';
import { normalizeStack } from '../../../../provider/spec/normalize-stack.js';
import type {
  InstanceSpec,
  StackSpec,
  StorageVolumeSpec,
  TierName,
} from '../../../../provider/spec/spec-types.js';

// Property: spec → model → encodeIcl → iclToSpec → model is the identity on every field ICL
// expresses, for instances drawn from the whole space of those fields.
const TOKENS = knownTokens('local') ?? [];
// Tier sets the SDK can order, each under one key (secured1 … community-default).
const TIERS: TierName[][] = [
  ['secured'],
  ['community'],
  ['secured', 'community'],
  ['community-1', 'community-2', 'community-3', 'community-4'],
  ['secured-1'],
  ['secured-2'],
  ['secured-3'],
  ['community-1'],
  ['community-2'],
  ['community-3'],
  ['community-4'],
];
const MiB = 1n << 20n;

const bytes = (min: bigint, max: bigint) => fc.bigInt({ min, max }).map((b) => b.toString());
const volume = (name: string) =>
  fc
    .record({
      size: bytes(5n * MiB, 1n << 42n),
      persistent: fc.boolean(),
      class: fc.option(fc.constantFrom('beta2', 'beta3', 'ram'), { nil: undefined }),
      mount: fc.option(fc.constantFrom('/data', '/var/lib/x', '/dev/shm'), { nil: undefined }),
      readOnly: fc.boolean(),
    })
    .map((v): StorageVolumeSpec => ({
      name,
      size: v.size,
      persistent: v.persistent,
      ...(v.class === undefined ? {} : { class: v.class }),
      ...(v.mount === undefined ? {} : { mount: v.mount, readOnly: v.readOnly }),
    }));
const gpu = fc
  .record({
    units: fc.integer({ min: 1, max: 8 }),
    vendor: fc.constantFrom('nvidia' as const, 'amd' as const),
    models: fc.uniqueArray(fc.constantFrom('a100', 'h100', 'rtx4090', 'mi300x'), { maxLength: 3 }),
    ram: fc.option(
      fc.integer({ min: 1, max: 192 }).map((g) => `${g}Gi`),
      { nil: undefined },
    ),
    interface: fc.option(fc.constantFrom('pcie' as const, 'sxm' as const), { nil: undefined }),
  })
  // ICL hangs ram/interface on model entries: without a model there is nothing to hang them on.
  .map((g) => (g.models.length > 0 ? g : { units: g.units, vendor: g.vendor, models: [] }));
const port = fc.record({
  port: fc.integer({ min: 1, max: 65535 }),
  as: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  proto: fc.constantFrom('tcp' as const, 'udp' as const),
  global: fc.boolean(),
  accept: fc.uniqueArray(fc.constantFrom('a.example.com', 'b.example.org'), { maxLength: 2 }),
});
const address = fc.constantFrom(
  '0x' + '1'.repeat(40),
  '0x' + 'ab'.repeat(20),
  '0x' + 'C'.repeat(40),
);

const instance: fc.Arbitrary<InstanceSpec> = fc.record({
  image: fc.constantFrom('nginx:1.27', 'ghcr.io/acme/api:2.0.1'),
  command: fc.array(fc.constantFrom('sh', '-c', 'run'), { maxLength: 2 }),
  args: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
  env: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/), fc.string({ maxLength: 8 }), {
    maxKeys: 4,
  }),
  ports: fc.uniqueArray(port, { maxLength: 3, selector: (p) => p.port }),
  resources: fc.record({
    cpu: fc.integer({ min: 1, max: 64_000 }).map((m) => `${m}m`),
    memory: bytes(MiB, 1n << 40n),
    storage: fc
      .tuple(volume('default'), fc.option(volume('data'), { nil: undefined }))
      .map(([a, b]) => (b === undefined ? [a] : [a, b])),
    gpu: fc.option(gpu, { nil: undefined }),
  }),
  count: fc.integer({ min: 1, max: 20 }),
  duration: fc.integer({ min: 1, max: 2 * 525_600 }).map((m) => `${m}m`),
  placement: fc.record({
    regions: fc.uniqueArray(fc.constantFrom('us-east', 'us-west', 'uk', 'de'), { maxLength: 3 }),
    tiers: fc.constantFrom(...TIERS),
    providers: fc.record({
      allow: fc.uniqueArray(address, { maxLength: 2 }),
      deny: fc.uniqueArray(address, { maxLength: 1 }),
    }),
    mode: fc.constantFrom('provider' as const, 'fizz' as const),
  }),
  pricing: fc.record({
    maxPerHour: fc.bigInt({ min: 0n, max: 10n ** 12n }).map((b) => (Number(b) / 1e6).toFixed(6)),
    token: fc.constantFrom('USDT', 'USDC', 'uSPON'),
  }),
  credentials: fc.option(
    fc.record({
      registry: fc.constant('ghcr.io'),
      username: fc.constant('bot'),
      password: fc.constant({ fromEnv: 'WEB_REGISTRY_PASSWORD' }),
    }),
    { nil: undefined },
  ),
});

function normalize(spec: StackSpec): StackModel {
  const r = normalizeStack(spec, { tokens: TOKENS, baseDir: '/' });
  if (r.model === null) throw new Error(JSON.stringify(r.diagnostics));
  return r.model;
}

describe('ICL round trip (property)', () => {
  it('GIVEN any instance ICL can express WHEN encoded to ICL and converted back THEN the model is identical', () => {
    fc.assert(
      fc.property(instance, (web) => {
        const model = normalize({ stack: 'prop', instances: { web } });
        for (const back of [
          iclToSpec(encodeIcl(model, { instance: 'web' }), { stack: 'prop' }),
          icl2ToSpec(encodeIcl2(model, { instance: 'web' }), { stack: 'prop' }),
        ]) {
          expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          if (back.spec === null) return;
          const again = normalize(back.spec);
          expect(again.resources).toEqual(model.resources);
        }
      }),
      { numRuns: 300 },
    );
  });
});
