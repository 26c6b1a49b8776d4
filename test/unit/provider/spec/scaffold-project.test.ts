import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadStack } from '../../../../provider/spec/load-stack.js';
import { scaffoldProject } from '../../../../provider/spec/scaffold-project.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'leasehold-init-')), 'app');

describe('scaffoldProject', () => {
  it('GIVEN an empty directory WHEN a YAML stack is scaffolded THEN it validates with zero diagnostics', async () => {
    const dir = fresh();
    const res = await scaffoldProject({ dir, kind: 'yaml', stack: 'my-app', force: false });
    expect(res).toEqual({ files: [join(dir, 'leasehold.yaml')], diagnostics: [] });
    const text = readFileSync(join(dir, 'leasehold.yaml'), 'utf8');
    const schema = /^# yaml-language-server: \$schema=(.*spec\.schema\.json)$/.exec(
      text.split('\n')[0] ?? '',
    )?.[1];
    // The editor line names a file that exists (this install's schema: no node_modules here).
    expect(schema).toBeDefined();
    expect(existsSync(resolve(dir, schema ?? ''))).toBe(true);
    const loaded = await loadStack({ cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.model?.stack).toBe('my-app');
    expect(loaded.model?.resources.map((r) => r.address)).toEqual([
      'health_check.web',
      'instance.web',
    ]);
  });

  it('GIVEN an existing leasehold.yaml WHEN scaffolded without force THEN init/file-exists and nothing is written', async () => {
    const dir = fresh();
    await scaffoldProject({ dir, kind: 'yaml', stack: 'a', force: false });
    writeFileSync(join(dir, 'leasehold.yaml'), 'mine');
    const res = await scaffoldProject({ dir, kind: 'yaml', stack: 'b', force: false });
    expect(res.files).toEqual([]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ code: 'init/file-exists', severity: 'error' }),
    ]);
    expect(readFileSync(join(dir, 'leasehold.yaml'), 'utf8')).toBe('mine');
  });

  it('GIVEN an existing leasehold.yaml WHEN scaffolded with force THEN it is overwritten', async () => {
    const dir = fresh();
    await scaffoldProject({ dir, kind: 'yaml', stack: 'a', force: false });
    const res = await scaffoldProject({ dir, kind: 'yaml', stack: 'b', force: true });
    expect(res.diagnostics).toEqual([]);
    expect(readFileSync(join(dir, 'leasehold.yaml'), 'utf8')).toContain('stack: b\n');
  });

  it('GIVEN kind cdk WHEN scaffolded THEN the CDK scaffolder writes a cdktf project', async () => {
    const dir = fresh();
    const res = await scaffoldProject({ dir, kind: 'cdk', stack: 'c', force: false });
    expect(res.diagnostics).toEqual([]);
    expect(res.files).toContain(join(dir, 'cdktf.json'));
  });
});
