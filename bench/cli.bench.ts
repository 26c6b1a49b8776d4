import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLargeSpec } from './generate-large-spec.js';
import type { BenchSection } from './measure.js';
import { removeTempDir, timeCommand } from './measure.js';

/** Start-up and validation speed of the CLI as a user runs it, against bare `node` as the baseline. */
export async function runCliBench(root: string): Promise<BenchSection> {
  const node = process.execPath;
  const bin = join(root, 'bin', 'run.js');
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-bench-'));
  try {
    const large = join(dir, 'large.yaml');
    writeFileSync(large, generateLargeSpec(500));
    // The spec of the bug report: 10 MB, 400,000 one-line instances; it ran 7 minutes and 2.2 GB.
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, floodSpec(400_000));
    const bare = timeCommand({ cmd: node, args: ['-e', ''], cwd: root });
    const help = timeCommand({ cmd: node, args: [bin, '--help'], cwd: root });
    const web = timeCommand({
      cmd: node,
      args: [bin, 'validate', '-f', 'examples/web.yaml'],
      cwd: root,
    });
    const big = timeCommand({
      cmd: node,
      args: [bin, 'validate', '-f', large],
      cwd: root,
      runs: 9,
    });
    const refuse = timeCommand({
      cmd: node,
      args: [bin, 'validate', '-f', huge],
      cwd: root,
      runs: 9,
      expectStatus: 1,
    });
    return {
      title: 'CLI start-up and validation',
      rows: [
        {
          name: 'node -e "" (baseline: bare Node start-up)',
          value: bare,
          unit: 'ms',
          target: '',
          pass: null,
        },
        {
          name: 'leasehold --help',
          value: help,
          unit: 'ms',
          target: '≤ 250 ms',
          pass: help <= 250,
        },
        {
          name: 'leasehold validate -f examples/web.yaml',
          value: web,
          unit: 'ms',
          target: '',
          pass: null,
        },
        {
          name: 'leasehold validate (generated 500-instance spec)',
          value: big,
          unit: 'ms',
          target: '≤ 600 ms',
          pass: big <= 600,
        },
        {
          name: 'leasehold validate refuses a 10 MB, 400,000-instance spec (spec/file-too-large)',
          value: refuse,
          unit: 'ms',
          target: '≤ 2000 ms',
          pass: refuse <= 2000,
        },
      ],
    };
  } finally {
    removeTempDir(dir);
  }
}

/** `n` one-line instances: the shape of the 10 MB, 400,000-instance spec of the bug report. */
function floodSpec(n: number): string {
  const lines = ['stack: flood', 'instances:'];
  for (let i = 0; i < n; i++) lines.push(`  s${i}: {image: nginx}`);
  return `${lines.join('\n')}\n`;
}
