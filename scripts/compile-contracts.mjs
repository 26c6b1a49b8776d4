// Compiles devnet/contracts/*.sol with solc-js into artifacts/contracts/<ContractName>.json
// ({contractName, abi, bytecode}). Run by `npm run build` before tsc. Skips the compile when the hash
// of the sources (and of the compiler settings) matches the last run, so repeated builds stay fast.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'devnet', 'contracts');
const outDir = join(root, 'artifacts', 'contracts');
const stampFile = join(outDir, '.sources-hash');

// cancun: every node that runs the devnet (anvil's default and later forks) executes it.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

const files = readdirSync(srcDir)
  .filter((f) => f.endsWith('.sol'))
  .sort();
const sources = Object.fromEntries(
  files.map((f) => [f, { content: readFileSync(join(srcDir, f), 'utf8') }]),
);

const require = createRequire(import.meta.url);
const solcVersion = require('solc/package.json').version;
const hash = createHash('sha256')
  .update(JSON.stringify({ solcVersion, settings, sources }))
  .digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
  console.log('contracts: up to date');
  process.exit(0);
}

const started = Date.now();
const solc = require('solc');
const output = JSON.parse(
  solc.compile(JSON.stringify({ language: 'Solidity', sources, settings }), {
    import: (path) => {
      const p = join(srcDir, path.replace(/^\.\//, ''));
      return existsSync(p)
        ? { contents: readFileSync(p, 'utf8') }
        : { error: `not found: ${path}` };
    },
  }),
);

const problems = output.errors ?? [];
for (const e of problems) console.error(e.formattedMessage ?? e.message);
if (problems.some((e) => e.severity === 'error')) {
  console.error('contracts: compilation failed');
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let count = 0;
for (const file of Object.keys(output.contracts ?? {})) {
  for (const [contractName, c] of Object.entries(output.contracts[file])) {
    const object = c.evm?.bytecode?.object ?? '';
    // Interfaces (no bytecode) and internal-only libraries (no ABI) are never deployed.
    if (object.length === 0 || c.abi.length === 0) continue;
    const artifact = { contractName, abi: c.abi, bytecode: `0x${object}` };
    writeFileSync(join(outDir, `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    count += 1;
  }
}
writeFileSync(stampFile, hash);
console.log(`contracts: compiled ${count} contracts in ${Date.now() - started} ms`);
