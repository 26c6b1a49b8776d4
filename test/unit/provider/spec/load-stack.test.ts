import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { encodePlan, isPlanStale } from '../../../../cli/plan/plan-file.js';
import { loadStack } from '../../../../provider/spec/load-stack.js';
import { PLAN } from '../../cli/render/plan-fixture.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const CUSTOM = `stack: custom
network:
  name: mine
  rpcUrl: http://127.0.0.1:8545
  chainId: 31337
  addressBook: book.json
instances:
  a:
    image: x
    pricing:
      maxPerHour: "1.5"
      token: GOLD
`;

// A plan made before the stack had any state (lineage '', serial 0).
const fresh = { ...PLAN, stack: 'custom', lineage: '', serial: 0 };

describe('loadStack', () => {
  it('GIVEN no spec file WHEN loaded THEN spec/file-not-found hints at init and -f', async () => {
    const cwd = project({});
    const res = await loadStack({ cwd });
    expect(res.model).toBeNull();
    expect(res.file).toBe('leasehold.yaml');
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ code: 'spec/file-not-found', severity: 'error' }),
    ]);
    expect(res.diagnostics[0]?.hint).toMatch(/leasehold init.*-f/);
  });

  it('GIVEN a spec with a bad unit WHEN loaded THEN the diagnostic carries the file as typed, line and column', async () => {
    const cwd = project({
      'my.yaml':
        'stack: s\ninstances:\n  a:\n    image: x\n    resources:\n      cpu: "0.0001"\n    pricing: { maxPerHour: "1", token: USDT }\n',
    });
    const res = await loadStack({ cwd, file: 'my.yaml' });
    expect(res.model).toBeNull();
    expect(res.canonicalJson).toBeNull();
    expect(res.file).toBe('my.yaml');
    const d = res.diagnostics.find((x) => x.code === 'spec/invalid-unit');
    expect(d?.source).toMatchObject({ file: 'my.yaml', line: 6, column: 7 });
  });

  it('GIVEN leasehold.yaml in cwd WHEN loaded without -f THEN it is read and canonical JSON returned', async () => {
    const cwd = project({
      'leasehold.yaml':
        'stack: s\ninstances:\n  a:\n    image: x\n    pricing: { maxPerHour: 1, token: USDT }\n',
    });
    const res = await loadStack({ cwd });
    expect(res.diagnostics).toEqual([]);
    expect(res.model?.resources.map((r) => r.address)).toEqual(['instance.a']);
    expect(JSON.parse(res.canonicalJson ?? 'null')).toEqual(JSON.parse(JSON.stringify(res.model)));
    expect(res.canonicalJson).not.toMatch(/\s/);
  });

  it('GIVEN a custom network WHEN its address book lists the token THEN its decimals are used', async () => {
    const book = JSON.stringify({ tokens: [{ symbol: 'GOLD', decimals: 2, address: '0x01' }] });
    const cwd = project({ 'leasehold.yaml': CUSTOM, 'book.json': book });
    const res = await loadStack({ cwd });
    expect(res.diagnostics).toEqual([]);
    const inst = res.model?.resources[0];
    expect(inst?.attributes).toMatchObject({ pricing: { token: 'GOLD', amount: '150' } });
  });

  it('GIVEN a custom network WHEN the address book is missing THEN spec/invalid-address-book alone is reported', async () => {
    const res = await loadStack({ cwd: project({ 'leasehold.yaml': CUSTOM }) });
    expect(res.model).toBeNull();
    expect(res.diagnostics.map((d) => d.code)).toEqual(['spec/invalid-address-book']);
    expect(res.diagnostics[0]?.source?.line).toBe(6);
  });

  it('GIVEN an address book with a malformed token WHEN loaded THEN spec/invalid-address-book names the entry', async () => {
    const cwd = project({
      'leasehold.yaml': CUSTOM,
      'book.json': '{"tokens":[{"symbol":"GOLD","decimals":"2"}]}',
    });
    const res = await loadStack({ cwd });
    expect(res.diagnostics[0]?.detail).toContain('tokens[0]');
  });

  it('GIVEN a stack (spec + address book) copied to two directories WHEN each is loaded THEN the model hashes are equal and a plan saved in one is not stale in the other', async () => {
    const book = JSON.stringify({ tokens: [{ symbol: 'GOLD', decimals: 2, address: '0x01' }] });
    const files = { 'leasehold.yaml': CUSTOM, 'book.json': book };
    const [a, b] = await Promise.all([
      loadStack({ cwd: project(files) }),
      loadStack({ cwd: project(files) }),
    ]);
    expect(a.model?.hash).toMatch(/^sha256:/);
    expect(b.model?.hash).toBe(a.model?.hash);
    const saved = encodePlan({ ...fresh, modelHash: a.model?.hash ?? '' });
    expect(isPlanStale(saved, null, b.model?.hash ?? '')).toBeNull();
  });

  it('GIVEN the address book content changes WHEN loaded again THEN the model hash changes, and a saved plan is stale', async () => {
    const book = (address: string) =>
      JSON.stringify({ tokens: [{ symbol: 'GOLD', decimals: 2, address }], contracts: {} });
    const before = await loadStack({
      cwd: project({ 'leasehold.yaml': CUSTOM, 'book.json': book('0x01') }),
    });
    const reformatted = await loadStack({
      cwd: project({
        'leasehold.yaml': CUSTOM,
        'book.json': JSON.stringify(JSON.parse(book('0x01')), null, 2),
      }),
    });
    const after = await loadStack({
      cwd: project({ 'leasehold.yaml': CUSTOM, 'book.json': book('0x02') }),
    });
    expect(reformatted.model?.hash).toBe(before.model?.hash);
    expect(after.model?.hash).not.toBe(before.model?.hash);
    const saved = encodePlan({ ...fresh, modelHash: before.model?.hash ?? '' });
    expect(isPlanStale(saved, null, after.model?.hash ?? '')).toMatchObject({ reason: 'model' });
  });

  it('GIVEN rpcUrl fromEnv WHEN loaded THEN the model names the variable and holds no URL, whatever the environment', async () => {
    const url = 'https://rpc.example/v2/secret-api-key-9f3a';
    process.env['MINE_RPC_URL'] = url;
    try {
      const yaml = CUSTOM.replace(
        'rpcUrl: http://127.0.0.1:8545',
        'rpcUrl: { fromEnv: MINE_RPC_URL }',
      );
      const book = JSON.stringify({ tokens: [{ symbol: 'GOLD', decimals: 2, address: '0x01' }] });
      const res = await loadStack({ cwd: project({ 'leasehold.yaml': yaml, 'book.json': book }) });
      expect(res.diagnostics).toEqual([]);
      expect(res.model?.network).toMatchObject({ rpcUrl: { fromEnv: 'MINE_RPC_URL' } });
      expect(res.canonicalJson).not.toContain('secret-api-key');
    } finally {
      delete process.env['MINE_RPC_URL'];
    }
  });

  it('GIVEN a token the network does not accept WHEN loaded THEN spec/unknown-token, not USDT', async () => {
    const cwd = project({
      'leasehold.yaml':
        'stack: s\ninstances:\n  a:\n    image: x\n    pricing: { maxPerHour: 1, token: DAI }\n',
    });
    const res = await loadStack({ cwd });
    expect(res.model).toBeNull();
    expect(res.diagnostics.map((d) => d.code)).toContain('spec/unknown-token');
  });

  it('GIVEN the 10 MB spec of 400,000 instances WHEN loaded THEN refused at the size check, naming the variable', async () => {
    const lines = ['stack: big', 'instances:'];
    for (let i = 0; i < 400_000; i++) lines.push(`  s${i}: {image: nginx}`);
    const cwd = project({ 'big.yaml': `${lines.join('\n')}\n` });
    const res = await loadStack({ cwd, file: 'big.yaml' });
    expect(res.model).toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ code: 'spec/file-too-large', severity: 'error' }),
    ]);
    expect(res.diagnostics[0]?.detail).toContain('`big.yaml` is 10,288,912 bytes');
    expect(res.diagnostics[0]?.hint).toContain('LEASEHOLD_MAX_SPEC_BYTES=16Mi');
  });

  it('GIVEN -f naming a directory WHEN loaded THEN spec/file-unreadable, not an exception', async () => {
    const cwd = project({});
    const res = await loadStack({ cwd, file: '.' });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['spec/file-unreadable']);
  });

  it('GIVEN a malformed LEASEHOLD_MAX_INSTANCES WHEN loaded THEN spec/invalid-limit before anything is read', async () => {
    const before = process.env['LEASEHOLD_MAX_INSTANCES'];
    process.env['LEASEHOLD_MAX_INSTANCES'] = 'many';
    try {
      const res = await loadStack({ cwd: project({}) });
      expect(res.diagnostics.map((d) => d.code)).toEqual(['spec/invalid-limit']);
    } finally {
      if (before === undefined) delete process.env['LEASEHOLD_MAX_INSTANCES'];
      else process.env['LEASEHOLD_MAX_INSTANCES'] = before;
    }
  });

  it('GIVEN a misspelled network in the spec WHEN loaded THEN one network/unknown error, located, that suggests the right name', async () => {
    const spec = `stack: typo
network: spheron-testnett
budget:
  maxPerHour: "5"
  token: uSPON
instances:
  a:
    image: x
    pricing:
      maxPerHour: "1"
      token: uSPON
  b:
    image: x
    pricing:
      maxPerHour: "1"
      token: uSPON
`;
    const res = await loadStack({ cwd: project({ 'leasehold.yaml': spec }) });
    expect(res.model).toBeNull();
    expect(res.diagnostics.map((d) => d.code)).toEqual(['network/unknown']);
    expect(res.diagnostics[0]).toMatchObject({
      hint: 'Did you mean "spheron-testnet"?',
      source: { file: 'leasehold.yaml', line: 2 },
    });
  });
});
