import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// The core/provider split (DESIGN.md §3, STYLE §1) checked over the real import graph, so a
// violation fails here even if someone silences the lint rule.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  return relative(join(root, dir), resolve(dirname(file), spec)).split('/')[0] !== '..';
}

describe('import boundaries', () => {
  const cliFiles = sourceFiles(join(root, 'cli'));

  it('GIVEN the core (cli/) WHEN its imports are read THEN none is ethers', () => {
    const offenders = cliFiles.filter((f) =>
      importsOf(f).some((s) => s === 'ethers' || s.startsWith('ethers/')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('GIVEN the core (cli/) WHEN its imports are read THEN only cli/providers.ts reaches provider/, and lazily', () => {
    const offenders = cliFiles.filter(
      (f) =>
        !f.endsWith('cli/providers.ts') && importsOf(f).some((s) => resolvesInto(f, s, 'provider')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
    const providers = readFileSync(join(root, 'cli/providers.ts'), 'utf8');
    expect(providers).toMatch(/import\(\s*['"]\.\.\/provider\/index\.js['"]\s*\)/);
    expect(providers).not.toMatch(/^import\s(?!type)[^;]*provider\//m);
  });

  // The contract between core and provider: diagnostics, and the types-only modules provider-api.ts
  // builds on (plan and state shapes).
  const CONTRACT = ['provider-api.js', 'plan/plan-types.js', 'state/state-types.js'];

  it('GIVEN the provider WHEN its imports are read THEN it uses only cli/diag and the contract types of the core', () => {
    const offenders = sourceFiles(join(root, 'provider')).filter((f) =>
      importsOf(f).some((s) => {
        if (!resolvesInto(f, s, 'cli')) return false;
        const target = relative(join(root, 'cli'), resolve(dirname(f), s));
        return !(
          target.startsWith('diag/') ||
          target.startsWith('provider-api/') ||
          CONTRACT.includes(target)
        );
      }),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('GIVEN the contract WHEN provider-api.ts is read THEN it only re-exports one file per concern, each small and types-only', () => {
    const barrel = readFileSync(join(root, 'cli/provider-api.ts'), 'utf8');
    const declarations =
      barrel.match(/^export (?:interface|type \w|const|function|class) /gm) ?? [];
    expect(declarations).toEqual([]);
    const parts = sourceFiles(join(root, 'cli/provider-api'));
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const part of parts) {
      const text = readFileSync(part, 'utf8');
      expect({
        part: relative(root, part),
        reexported: barrel.includes(
          `./provider-api/${relative(join(root, 'cli/provider-api'), part).replace(/\.ts$/, '.js')}'`,
        ),
      }).toEqual({ part: relative(root, part), reexported: true });
      const types = text.match(/^export (?:interface|type) /gm) ?? [];
      expect({ part: relative(root, part), small: types.length <= 12 }).toEqual({
        part: relative(root, part),
        small: true,
      });
      expect({
        part: relative(root, part),
        runtime: /^(?:import (?!type)|export (?:const|function|class|let) )/m.test(text),
      }).toEqual({ part: relative(root, part), runtime: false });
    }
  });

  it('GIVEN common/ WHEN its imports are read THEN it imports only node built-ins and itself', () => {
    const offenders = sourceFiles(join(root, 'common')).filter((f) =>
      importsOf(f).some(
        (s) => !(s.startsWith('node:') || (s.startsWith('.') && resolvesInto(f, s, 'common'))),
      ),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  // The two sides of the wire (the client in provider/, the local marketplace in devnet/) share
  // wire/ and nothing else: the client runs against mainnet without the devnet, and the devnet is
  // a marketplace, not a user of the core.
  it('GIVEN the provider WHEN its imports are read THEN none reaches devnet/', () => {
    const offenders = sourceFiles(join(root, 'provider')).filter((f) =>
      importsOf(f).some((s) => resolvesInto(f, s, 'devnet')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('GIVEN the devnet WHEN its imports are read THEN none reaches cli/ or provider/', () => {
    const offenders = sourceFiles(join(root, 'devnet')).filter((f) =>
      importsOf(f).some((s) => resolvesInto(f, s, 'cli') || resolvesInto(f, s, 'provider')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('GIVEN wire/ WHEN its imports are read THEN it uses only common/, itself, node built-ins and ethers', () => {
    const offenders = sourceFiles(join(root, 'wire')).filter((f) =>
      importsOf(f).some(
        (s) =>
          !(
            s.startsWith('node:') ||
            s === 'ethers' ||
            (s.startsWith('.') && (resolvesInto(f, s, 'wire') || resolvesInto(f, s, 'common')))
          ),
      ),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
