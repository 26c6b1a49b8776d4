import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  cdkProjectFiles,
  scaffoldCdkProject,
} from '../../../../provider/constructs/scaffold-cdk-project.js';

/** This checkout: the Leasehold install the scaffold must depend on. */
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'leasehold-scaffold-test-'));

describe('scaffoldCdkProject', () => {
  it('GIVEN an empty directory WHEN scaffolding THEN package.json, cdktf.json, main.js and .gitignore are written', async () => {
    const dir = await tempDir();
    const res = await scaffoldCdkProject({ dir, kind: 'cdk', stack: 'shop', force: false });
    expect(res.diagnostics).toEqual([]);
    expect(res.files).toEqual(
      ['package.json', 'cdktf.json', 'main.js', '.gitignore'].map((f) => join(dir, f)),
    );
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      type: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('module');
    // Installable before Leasehold is published, and offline: a file: link to this install.
    expect(pkg.dependencies).toEqual({ leasehold: `file:${root}` });
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    // JavaScript, and honest about it: no "language": "typescript" beside a main.js.
    const cdktf = JSON.parse(await readFile(join(dir, 'cdktf.json'), 'utf8')) as object;
    expect(cdktf).toEqual({ app: 'node main.js', output: 'cdktf.out' });
    const main = await readFile(join(dir, 'main.js'), 'utf8');
    expect(main.split('\n')[0]).toBe('// @ts-check');
    expect(main).toContain("from 'leasehold/constructs'");
    expect(main).toContain("new LeaseholdProvider(stack, 'leasehold', {\n  stack: 'shop',");
  });

  it('GIVEN an existing main.js WHEN scaffolding without force THEN nothing is written and init/file-exists names it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'main.js'), '// mine\n');
    const res = await scaffoldCdkProject({ dir, kind: 'cdk', stack: 'shop', force: false });
    expect(res.files).toEqual([]);
    expect(res.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'init/file-exists'],
    ]);
    expect(res.diagnostics[0]?.detail).toContain(join(dir, 'main.js'));
    expect(await readFile(join(dir, 'main.js'), 'utf8')).toBe('// mine\n');
    await expect(readFile(join(dir, 'package.json'), 'utf8')).rejects.toThrow();
  });

  it('GIVEN an existing main.js WHEN scaffolding with force THEN it is overwritten', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'main.js'), '// mine\n');
    const res = await scaffoldCdkProject({ dir, kind: 'cdk', stack: 'shop', force: true });
    expect(res.diagnostics).toEqual([]);
    expect(await readFile(join(dir, 'main.js'), 'utf8')).toContain('app.synth();');
  });

  it('GIVEN a stack name WHEN rendering the files THEN the name is quoted as a JS string literal', () => {
    const files = cdkProjectFiles('my-app', 'file:/opt/leasehold');
    expect(files['main.js']).toContain("new TerraformStack(app, 'my-app')");
    expect(files['package.json']).toContain('"leasehold": "file:/opt/leasehold"');
  });
});
