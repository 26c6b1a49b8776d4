import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';

// Examples run on the devnet as they are: each YAML example is applied by the built CLI from a
// copy (its state lands beside the copy, not in the repository), answers on its endpoints, and is
// destroyed. web.yaml and the CDK example are covered with their changes in apply-*.test.ts.
jest.setTimeout(240_000);

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-examples-'));
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1', CI: 'true', WEB_API_KEY: 'example-secret' };
const cli = (args: string[], cwd: string) =>
  execa('node', [join(root, 'bin/run.js'), ...args], { cwd, env, reject: false });

beforeAll(async () => {
  const up = await cli(['devnet', 'up', '--block-time', '0.25', '--port', '0'], root);
  expect(up.exitCode).toBe(0);
});

afterAll(async () => {
  await cli(['devnet', 'down'], root);
});

describe('examples apply on the devnet as they are', () => {
  it.each(['hello', 'gpu', 'spread'])(
    'GIVEN examples/%s.yaml WHEN applied THEN every endpoint answers and destroy closes it',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), `lh-e2e-example-${name}-`));
      const file = join(dir, `${name}.yaml`);
      copyFileSync(join(root, 'examples', `${name}.yaml`), file);
      const apply = await cli(['apply', '-f', file, '--auto-approve'], dir);
      expect({ code: apply.exitCode, err: apply.stderr }).toMatchObject({ code: 0 });

      const status = await cli(['status', '-f', file, '--json'], dir);
      expect(status.exitCode).toBe(0);
      const view = JSON.parse(status.stdout) as {
        leases: { endpoints: string[]; ready: number; total: number }[];
      };
      expect(view.leases.length).toBeGreaterThan(0);
      for (const lease of view.leases) {
        expect(lease.ready).toBe(lease.total);
        for (const url of lease.endpoints) expect((await fetch(url)).status).toBe(200);
      }
      const plan = await cli(['plan', '-f', file, '--detailed-exitcode'], dir);
      expect(plan.exitCode).toBe(0);

      const destroy = await cli(['destroy', '-f', file, '--auto-approve'], dir);
      expect(destroy.exitCode).toBe(0);
      const state = JSON.parse(
        readFileSync(join(dir, '.leasehold', `${name}.state.json`), 'utf8'),
      ) as {
        resources: { leases: unknown[] }[];
      };
      expect(state.resources.flatMap((r) => r.leases)).toEqual([]);
    },
  );
});
