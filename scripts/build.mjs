// Build: Solidity → artifacts/, TypeScript → dist/, then the oclif manifest from dist/ so it can never go stale.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

if (existsSync(join(root, 'scripts', 'compile-contracts.mjs'))) {
  run(process.execPath, [join(root, 'scripts', 'compile-contracts.mjs')]);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('oclif'), ['manifest']);
