import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterfaceAbi } from 'ethers';
import { LeaseholdError } from '../common/diag/index.js';
import { packageRoot } from '../common/package-root.js';

/** Every contract the devnet deploys; each has `artifacts/contracts/<name>.json`. */
export const CONTRACT_NAMES = [
  'AccessControlManager',
  'TestToken',
  'TokenRegistry',
  'EscrowUser',
  'ProviderRegistry',
  'OrderRequest',
  'ComputeLease',
  'Bid',
  'Multicall3',
] as const;

/** Name of a devnet contract artifact. */
export type ContractName = (typeof CONTRACT_NAMES)[number];

/** A compiled contract: its ABI and creation bytecode (0x-prefixed). */
export interface ContractArtifact {
  readonly abi: InterfaceAbi;
  readonly bytecode: string;
}

const cache = new Map<ContractName, ContractArtifact>();

/** Loads a compiled contract from artifacts/ (written by scripts/compile-contracts.mjs in the build). */
export function loadArtifact(name: ContractName): ContractArtifact {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const file = join(packageRoot(), 'artifacts', 'contracts', `${name}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new LeaseholdError({
      code: 'devnet/artifact-missing',
      summary: 'Contract artifact not found',
      detail: `No compiled artifact for "${name}" at ${file}; the devnet contracts are compiled by the build.`,
      hint: 'Run `npm run build`.',
      cause,
    });
  }
  const artifact = parseArtifact(name, text);
  cache.set(name, artifact);
  return artifact;
}

function parseArtifact(name: ContractName, text: string): ContractArtifact {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null) {
    const { abi, bytecode } = parsed as { abi?: unknown; bytecode?: unknown };
    if (Array.isArray(abi) && typeof bytecode === 'string' && bytecode.startsWith('0x')) {
      return { abi: abi as InterfaceAbi, bytecode };
    }
  }
  throw new LeaseholdError({
    code: 'devnet/artifact-invalid',
    summary: 'Contract artifact is malformed',
    detail: `The artifact for "${name}" lacks an ABI array or a 0x bytecode string.`,
    hint: 'Run `npm run build` to recompile the contracts.',
  });
}
