/**
 * `leasehold init --cdk`: writes a CDK (cdktf) project whose one stack validates as created and
 * runs on the local devnet. Does not import cdktf (it only writes text), so `init` stays light.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorDiag } from '../../cli/diag/index.js';
import type { ScaffoldRequest, ScaffoldResponse } from '../../cli/provider-api.js';

/** Writes package.json, cdktf.json, main.js and .gitignore; refuses to overwrite without force. */
export async function scaffoldCdkProject(req: ScaffoldRequest): Promise<ScaffoldResponse> {
  const dir = resolve(req.dir);
  const files = cdkProjectFiles(req.stack, leaseholdVersion());
  const names = Object.keys(files);
  const existing = names.filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !req.force) {
    const diagnostics = existing.map((name) =>
      errorDiag({
        code: 'init/file-exists',
        summary: 'File already exists',
        detail: `${join(req.dir, name)} exists; init never overwrites files unless asked to.`,
        hint: 'Choose an empty directory, or pass --force to overwrite.',
      }),
    );
    return { files: [], diagnostics };
  }
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return { files: names.map((name) => join(req.dir, name)), diagnostics: [] };
}

/** The project's files by name, for a stack name and the Leasehold version to depend on. */
export function cdkProjectFiles(stack: string, version: string): Record<string, string> {
  const pkg = {
    name: stack,
    private: true,
    type: 'module',
    scripts: { synth: 'leasehold synth', validate: 'leasehold validate', plan: 'leasehold plan' },
    dependencies: { cdktf: '0.21.0', constructs: '^10.8.1', leasehold: `^${version}` },
  };
  const cdktf = { language: 'typescript', app: 'node main.js', output: 'cdktf.out' };
  return {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    'cdktf.json': JSON.stringify(cdktf, null, 2) + '\n',
    'main.js': mainJs(stack),
    '.gitignore': 'node_modules/\ncdktf.out/\n.leasehold/\n',
  };
}

function mainJs(stack: string): string {
  const name = JSON.stringify(stack).replace(/"/g, "'");
  return `// The ${stack} stack as a CDK program. \`leasehold validate\` runs it (the "app" of cdktf.json)
// and reads what it synthesizes. TypeScript works the same: rename to main.ts and set "app" to
// e.g. "npx tsx main.ts".
import {
  App,
  HealthCheck,
  Instance,
  LeaseholdProvider,
  TerraformOutput,
  TerraformStack,
} from 'leasehold/constructs';

const app = new App();
const stack = new TerraformStack(app, ${name});

new LeaseholdProvider(stack, 'leasehold', { stack: ${name}, network: 'local' });

const web = new Instance(stack, 'web', {
  image: 'nginxinc/nginx-unprivileged:1.27',
  ports: [{ port: 8080, as: 80 }],
  resources: { cpu: 0.5, memory: '512Mi', storage: '1Gi' },
  count: 1,
  pricing: { maxPerHour: '1', token: 'USDT' },
});

new HealthCheck(stack, 'web-health', { instance: web, http: { path: '/', port: 8080 } });

new TerraformOutput(stack, 'url', { value: web.endpoint(0), description: 'Public endpoint' });

app.synth();
`;
}

/** Leasehold's own version, from the nearest package.json named `leasehold` above this file. */
function leaseholdVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'leasehold' && typeof pkg.version === 'string') return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.1.0';
    dir = parent;
  }
}
