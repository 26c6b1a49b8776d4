/**
 * `leasehold init --cdk`: writes a CDK (cdktf) project whose one stack validates as created and
 * runs on the local devnet. Does not import cdktf (it only writes text), so `init` stays light.
 *
 * The project depends on the Leasehold that created it (`file:` its install root) until the
 * package is published, so `npm install` links it without asking a registry, offline. It needs no
 * other dependency: `leasehold/constructs` re-exports cdktf's App, TerraformStack and
 * TerraformOutput, from the one cdktf copy its constructs use. The program is plain JavaScript
 * (ESM) under `// @ts-check`, and cdktf.json says no TypeScript: Leasehold runs `node main.js`.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorDiag } from '../../cli/diag/index.js';
import type { ScaffoldRequest, ScaffoldResponse } from '../../cli/provider-api.js';
import { packageRoot } from '../../common/package-root.js';

/** Writes package.json, cdktf.json, main.js and .gitignore; refuses to overwrite without force. */
export async function scaffoldCdkProject(req: ScaffoldRequest): Promise<ScaffoldResponse> {
  const dir = resolve(req.dir);
  const files = cdkProjectFiles(req.stack, `file:${packageRoot()}`);
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

/**
 * The project's files by name, for a stack name and the npm spec of the Leasehold to depend on
 * (`file:/path/to/leasehold` until it is published).
 */
export function cdkProjectFiles(stack: string, leasehold: string): Record<string, string> {
  const pkg = {
    name: stack,
    private: true,
    type: 'module',
    scripts: {
      synth: 'leasehold synth',
      validate: 'leasehold validate',
      plan: 'leasehold plan',
      apply: 'leasehold apply',
    },
    dependencies: { leasehold },
  };
  // No "language": Leasehold runs the app itself (no cdktf-cli), and the app is JavaScript.
  const cdktf = { app: 'node main.js', output: 'cdktf.out' };
  return {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    'cdktf.json': JSON.stringify(cdktf, null, 2) + '\n',
    'main.js': mainJs(stack),
    '.gitignore': 'node_modules/\ncdktf.out/\n.leasehold/\n',
  };
}

function mainJs(stack: string): string {
  const name = JSON.stringify(stack).replace(/"/g, "'");
  return `// @ts-check
// The ${stack} stack as a CDK program, in plain JavaScript (ESM): \`leasehold validate\` runs it
// (the "app" of cdktf.json, \`node main.js\`) and reads what it synthesizes into cdktf.out/.
// @ts-check lets an editor type-check the construct props against leasehold's declarations.
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

new LeaseholdProvider(stack, 'leasehold', {
  stack: ${name},
  network: 'local',
  // At most 1 USDT an hour; apply deposits escrow in steps of 25, never above 100 in all.
  budget: { maxPerHour: '1', token: 'USDT', escrow: { topUp: '25', maxDeposit: '100' } },
});

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
