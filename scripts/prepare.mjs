// npm's `prepare`: builds a source checkout (`npm ci`, `npm install` in the repository), and does
// nothing in an installed package, which is built already and ships no sources. npm also runs
// `prepare` for a `file:` dependency — a `leasehold init --cdk` project links the Leasehold that
// created it — and building there would fail for want of the sources.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'tsconfig.build.json')) && existsSync(join(root, 'scripts', 'build.mjs')))
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
