import { hasErrors } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { checkBudget } from './check-budget.js';
import type { BudgetedInstance } from './check-budget.js';
import { contentHash } from './content-hash.js';
import { deepFreeze } from './canonical-json.js';
import type { TokenInfo } from './known-tokens.js';
import type { NetworkModel, ResourceModel, StackModel } from './model-types.js';
import { normalizeAutoscaling } from './normalize-autoscaling.js';
import { normalizeBudget } from './normalize-budget.js';
import type { NormalizeContext } from './normalize-context.js';
import { readUnit } from './normalize-context.js';
import { normalizeHealth } from './normalize-health.js';
import { normalizeInstance } from './normalize-instance.js';
import { normalizeOutputs } from './normalize-outputs.js';
import { sortedUnique } from './normalize-resources.js';
import { networkIdentity } from './network-identity.js';
import { parseBlockTime } from '../../common/units/index.js';
import type { NetworkSpec, StackSpec } from './spec-types.js';
import { isAbsolute, resolve } from 'node:path';

/** What normalization needs besides the spec: the network's tokens and the spec file's directory. */
export interface NormalizeStackContext {
  readonly tokens: readonly TokenInfo[];
  readonly baseDir: string;
  /** `contentHash` of a custom network's address book, read by the loader. */
  readonly addressBookHash?: string | undefined;
}

/** The model, or null with the errors that prevented it. */
export interface NormalizeStackResult {
  readonly model: StackModel | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * Turns a schema- and semantics-valid spec into the model: defaults applied, units parsed,
 * order-insensitive lists sorted, resources addressed, hashed and sorted by address. Pure.
 */
export function normalizeStack(spec: StackSpec, ctx: NormalizeStackContext): NormalizeStackResult {
  const nctx: NormalizeContext = { tokens: ctx.tokens, baseDir: ctx.baseDir, diagnostics: [] };
  const resources: ResourceModel[] = [];
  const budgeted: BudgetedInstance[] = [];
  for (const name of sortedUnique(Object.keys(spec.instances))) {
    const raw = spec.instances[name];
    if (raw === undefined) continue;
    const instance = normalizeInstance(nctx, name, raw, spec.defaults);
    budgeted.push({ name, instance });
    resources.push(resource('instance', name, instance));
    if (raw.health !== undefined)
      resources.push(resource('health_check', name, normalizeHealth(nctx, name, raw.health)));
    if (raw.autoscaling !== undefined) {
      resources.push(
        resource('autoscaling_policy', name, normalizeAutoscaling(nctx, name, raw.autoscaling)),
      );
    }
  }
  const network = normalizeNetwork(nctx, spec.network, ctx.addressBookHash);
  const budget = spec.budget === undefined ? null : normalizeBudget(nctx, spec.budget);
  // Prices that failed to parse would make the budget check report nonsense.
  if (budget !== null && !hasErrors(nctx.diagnostics))
    nctx.diagnostics.push(...checkBudget(budget, budgeted));
  if (hasErrors(nctx.diagnostics)) return { model: null, diagnostics: nctx.diagnostics };
  resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const body = {
    formatVersion: 1 as const,
    stack: spec.stack,
    network,
    budget,
    resources,
    outputs: normalizeOutputs(spec.outputs),
  };
  // Frozen: the model is immutable, and canonicalJson caches frozen values' text.
  deepFreeze(body);
  const hash = contentHash({ ...body, network: networkIdentity(network) });
  // Where the state lives does not change what is planned: the backend stays out of the hash.
  const backend = spec.backend === undefined ? {} : { backend: { ...spec.backend } };
  return { model: deepFreeze({ ...body, ...backend, hash }), diagnostics: nctx.diagnostics };
}

function resource<T extends ResourceModel['type']>(
  type: T,
  name: string,
  attributes: Extract<ResourceModel, { type: T }>['attributes'],
): ResourceModel {
  // The hash covers type, name and attributes; the address is derived from the first two.
  const hash = contentHash({ type, name, attributes: deepFreeze(attributes) });
  return { type, name, address: `${type}.${name}`, attributes, hash } as ResourceModel;
}

function normalizeNetwork(
  ctx: NormalizeContext,
  spec: NetworkSpec | undefined,
  addressBookHash: string | undefined,
): NetworkModel {
  if (spec === undefined) return { name: 'local' };
  if (typeof spec === 'string') return { name: spec };
  const book = spec.addressBook;
  const blockTime =
    spec.blockTime === undefined
      ? undefined
      : readUnit(ctx, spec.blockTime, {
          parse: parseBlockTime,
          what: 'block time',
          path: ['network', 'blockTime'],
          fallback: 1,
        });
  return {
    name: spec.name,
    // Only the variable's name: the URL itself is read when a command connects.
    rpcUrl: typeof spec.rpcUrl === 'string' ? spec.rpcUrl : { fromEnv: spec.rpcUrl.fromEnv },
    chainId: spec.chainId,
    addressBook: isAbsolute(book) ? book : resolve(ctx.baseDir, book),
    ...(addressBookHash === undefined ? {} : { addressBookHash }),
    ...(blockTime === undefined ? {} : { blockTime }),
  };
}
