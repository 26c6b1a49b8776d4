import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CONTRACT_NAMES } from '../../../../wire/artifacts.js';
import { packageRoot } from '../../../../common/package-root.js';

// scripts/compile-contracts.mjs as the build runs it: the second run with unchanged sources is a no-op.
const root = packageRoot();
const compile = (): string =>
  execFileSync(process.execPath, [join(root, 'scripts', 'compile-contracts.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });

describe('compile-contracts', () => {
  it('GIVEN compiled contracts WHEN the script runs again on the same sources THEN it skips compiling', () => {
    compile();
    expect(compile()).toMatch(/contracts: up to date/);
  });

  it('GIVEN the artifacts WHEN listed THEN exactly the deployable contracts are written as {contractName, abi, bytecode}', () => {
    const dir = join(root, 'artifacts', 'contracts');
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(names).toEqual([...CONTRACT_NAMES].sort());
    for (const name of names) {
      const a = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(Object.keys(a)).toEqual(['contractName', 'abi', 'bytecode']);
      expect(a['contractName']).toBe(name);
    }
  });
});
