import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ScaffoldRequest, ScaffoldResponse } from '../../cli/provider-api.js';
import { errorDiag } from '../../cli/diag/index.js';
import { specSchemaRef } from './leasehold-install.js';

/** The spec file `init` writes. */
export const SCAFFOLD_FILE = 'leasehold.yaml';

/**
 * `leasehold init`: writes a commented `leasehold.yaml` that validates as created and runs on the
 * local devnet, or (`kind: 'cdk'`) a CDK project. Never overwrites a file unless `force`.
 */
export async function scaffoldProject(req: ScaffoldRequest): Promise<ScaffoldResponse> {
  if (req.kind === 'cdk') {
    // Lazy: the CDK scaffolder's templates are only needed for `init --cdk`.
    const { scaffoldCdkProject } = await import('../constructs/scaffold-cdk-project.js');
    return scaffoldCdkProject(req);
  }
  const dir = resolve(req.dir);
  const shown = join(req.dir, SCAFFOLD_FILE);
  if (existsSync(join(dir, SCAFFOLD_FILE)) && !req.force) {
    const diag = errorDiag({
      code: 'init/file-exists',
      summary: 'File already exists',
      detail: `${shown} exists; init never overwrites files unless asked to.`,
      hint: 'Choose an empty directory, or pass --force to overwrite.',
    });
    return { files: [], diagnostics: [diag] };
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, SCAFFOLD_FILE), yamlTemplate(req.stack, specSchemaRef(dir)));
  return { files: [shown], diagnostics: [] };
}

/**
 * The text of a new stack named `stack`: one small web instance, priced, with a health check.
 * `schema` is what the editor line points at (specSchemaRef: a file that exists).
 */
export function yamlTemplate(stack: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# A Leasehold stack. Check it with \`leasehold validate\`, preview with \`leasehold plan\`,
# create it with \`leasehold apply\`. Without a \`network\`, it runs on the local devnet.
stack: ${stack}

instances:
  web:
    image: nginxinc/nginx-unprivileged:1.27
    ports:
      # Container port 8080, exposed as port 80.
      - port: 8080
        as: 80
    resources:
      cpu: 0.5          # cores, or millicores: 500m
      memory: 512Mi     # Ki Mi Gi (binary) or k M G (decimal)
      storage: 1Gi
    count: 1
    # Lease length ordered at a time (s, m = minutes, h, d, mon, y).
    duration: 24h
    pricing:
      # The most one replica may cost per hour, in whole tokens. Bids above it are refused.
      maxPerHour: "1"
      token: USDT
    health:
      http:
        path: /
        port: 8080
      interval: 10s

outputs:
  url:
    value: \${instance.web.endpoints[0]}
    description: Public endpoint of the first replica
`;
}
