import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { reloadStackModel } from '../../../../cli/engine/load-stack-model.js';
import { LeaseholdError } from '../../../../cli/diag/index.js';

const spec = (o: { stack?: string; image?: string; memory?: string } = {}): string => `
stack: ${o.stack ?? 'shop'}
instances:
  web:
    image: ${o.image ?? 'nginx:1.27'}
    resources: { cpu: 0.5, memory: ${o.memory ?? '512Mi'}, storage: 1Gi }
    pricing: { maxPerHour: '1', token: USDT }
`;

function dirWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lh-reload-'));
  writeFileSync(join(dir, 'leasehold.yaml'), text);
  return dir;
}

const failure = (p: Promise<unknown>): Promise<LeaseholdError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as LeaseholdError,
  );

describe('reloadStackModel (the controller reads its spec each cycle)', () => {
  it('GIVEN the spec edited since the controller started WHEN reloaded THEN the model is the edited one', async () => {
    const dir = dirWith(spec());
    const first = await reloadStackModel({ cwd: dir }, 'shop');
    writeFileSync(join(dir, 'leasehold.yaml'), spec({ image: 'nginx:1.28' }));
    const again = await reloadStackModel({ cwd: dir }, 'shop');
    expect(again.hash).not.toBe(first.hash);
    expect(JSON.stringify(again.resources)).toContain('nginx:1.28');
  });

  it('GIVEN a spec that no longer loads WHEN reloaded THEN autoscale/spec-unusable names the first problem and where', async () => {
    const err = await failure(reloadStackModel({ cwd: dirWith(spec({ memory: '512Q' })) }, 'shop'));
    expect(err).toBeInstanceOf(LeaseholdError);
    expect(err.code).toBe('autoscale/spec-unusable');
    expect(err.detail).toMatch(/^The spec no longer loads: .+ \(leasehold\.yaml:\d+\)\./);
    expect(err.detail).toContain('changes nothing until the spec loads');
  });

  it('GIVEN a spec that now names another stack WHEN reloaded THEN autoscale/spec-unusable names both', async () => {
    const err = await failure(reloadStackModel({ cwd: dirWith(spec({ stack: 'other' })) }, 'shop'));
    expect(err.code).toBe('autoscale/spec-unusable');
    expect(err.detail).toContain('names stack other, but this controller leads stack shop');
  });
});
