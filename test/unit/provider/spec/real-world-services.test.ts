import { describe, expect, it } from '@jest/globals';
import { checkStack } from '../../../../provider/spec/check-stack.js';
import { knownTokens } from '../../../../provider/spec/known-tokens.js';
import { parseYamlSpec } from '../../../../provider/spec/parse-yaml-spec.js';

const TOKENS = knownTokens('local') ?? [];

const spec = (instance: string): string => `stack: demo
instances:
  game:
    image: itzg/minecraft-server:java21
${instance}
    pricing: { maxPerHour: '1', token: USDT }
`;

describe('the spec holds what real services declare', () => {
  it('GIVEN the same port exposed on tcp and on udp WHEN checked THEN it is valid and the model keeps both', () => {
    const res = checkStack(
      parseYamlSpec(
        spec(`    ports:
      - { port: 25565, proto: tcp }
      - { port: 25565, proto: udp }`),
        'leasehold.yaml',
        '/',
      ),
      TOKENS,
    );
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const inst = res.model?.resources.find((r) => r.address === 'instance.game');
    expect(inst?.attributes).toMatchObject({
      ports: [
        { port: 25565, as: 25565, proto: 'tcp', global: true },
        { port: 25565, as: 25565, proto: 'udp', global: true },
      ],
    });
  });

  it('GIVEN the same port twice on the same protocol WHEN checked THEN it is still spec/duplicate-port', () => {
    const res = checkStack(
      parseYamlSpec(
        spec(`    ports:
      - { port: 25565, proto: udp }
      - { port: 25565, proto: udp }`),
        'leasehold.yaml',
        '/',
      ),
      TOKENS,
    );
    expect(res.diagnostics.map((d) => d.code)).toContain('spec/duplicate-port');
  });

  it('GIVEN env names with dots WHEN checked THEN the model carries them as written', () => {
    const res = checkStack(
      parseYamlSpec(
        spec(`    env:
      discovery.type: single-node
      xpack.security.enabled: false`),
        'leasehold.yaml',
        '/',
      ),
      TOKENS,
    );
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const inst = res.model?.resources.find((r) => r.address === 'instance.game');
    expect(inst?.attributes).toMatchObject({
      env: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' },
    });
  });
});
