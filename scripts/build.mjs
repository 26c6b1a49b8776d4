// Build: Solidity → artifacts/, TypeScript → dist/, then the oclif manifest from dist/ so it can never go stale.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

/** Output files whose source is gone (a renamed or deleted module, a removed command). */
function staleOutputs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return staleOutputs(p);
    const source = join(root, relative(dist, p)).replace(/\.(d\.ts|js)(\.map)?$/, '.ts');
    return existsSync(source) ? [] : [p];
  });
}

run(process.execPath, [join(root, 'scripts', 'compile-contracts.mjs')]);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// Remove stale outputs after compiling rather than wiping dist first, so a build never leaves a
// window with no dist/ for a CLI that is running meanwhile — and a deleted command cannot linger
// in the manifest.
if (existsSync(dist)) for (const f of staleOutputs(dist)) rmSync(f);
run(bin('oclif'), ['manifest']);
