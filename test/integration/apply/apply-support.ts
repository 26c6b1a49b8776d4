// Drives the provider's applySlot through a real ProviderSession on the devnet: the plan comes
// from the provider's planResource, records and journal entries go to an in-memory state through
// the core's pure state mutations (what the executor's StateWriter does, without the file).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitResource, setSlotLeases } from '../../../cli/engine/apply-state-mutations.js';
import type { Diagnostics } from '../../../cli/diag/index.js';
import type { Change } from '../../../cli/plan/plan-types.js';
import type {
  ApplyEvent,
  ApplySlotResponse,
  ModelView,
  ProviderSession,
} from '../../../cli/provider-api.js';
import type { JournalEntry, StackState } from '../../../cli/state/state-types.js';
import { createProvider } from '../../../provider/index.js';

/** A fresh temp dir. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** An empty state of `stack`. */
export function emptyState(stack: string, tenant: string | null): StackState {
  return {
    formatVersion: 1,
    stack,
    lineage: 'test-lineage',
    serial: 0,
    network: { name: 'local', chainId: 31337 },
    tenant,
    resources: [],
    outputs: {},
    journal: [],
  };
}

/** Loads a YAML spec into the model. */
export async function loadModel(dir: string, yaml: string): Promise<ModelView> {
  const file = `spec-${Math.random().toString(36).slice(2)}.yaml`;
  writeFileSync(join(dir, file), yaml);
  const res = await createProvider().loadStack({ file, cwd: dir });
  if (res.model === null) throw new Error(JSON.stringify(res.diagnostics));
  return res.model;
}

/** What one apply of a model did. */
export interface ApplyRun {
  readonly changes: readonly Change[];
  readonly results: readonly ApplySlotResponse[];
  readonly events: readonly ApplyEvent[];
  readonly diagnostics: Diagnostics;
}

/** Timeouts short enough for tests, long enough for the devnet. */
export const TIMEOUTS = { matchMs: 30_000, manifestMs: 20_000, readyMs: 30_000 };

/** A stack's state held in memory, applied to slot by slot. */
export class Harness {
  state: StackState;
  readonly journalLog: JournalEntry[] = [];

  constructor(
    readonly session: ProviderSession,
    stack: string,
  ) {
    this.state = emptyState(stack, session.tenant);
  }

  /** Plans every resource of `model` (null = destroy all) and applies the non-no-op changes. */
  async apply(
    model: ModelView | null,
    opts: {
      timeouts?: typeof TIMEOUTS;
      secrets?: ReadonlyMap<string, string>;
      signal?: AbortSignal;
    } = {},
  ): Promise<ApplyRun> {
    const changes = this.plan(model).filter((c) => c.action !== 'no-op');
    const events: ApplyEvent[] = [];
    const results = await Promise.all(changes.map((c) => this.applyOne(model, c, events, opts)));
    const failed = new Set(
      changes
        .filter((_, i) => results[i]?.diagnostics.some((d) => d.severity === 'error'))
        .map((c) => c.resource),
    );
    for (const address of new Set(changes.map((c) => c.resource))) {
      if (failed.has(address)) continue;
      const desired = model?.resources.find((r) => r.address === address) ?? null;
      this.state = commitResource(this.state, address, desired);
    }
    return { changes, results, events, diagnostics: results.flatMap((r) => r.diagnostics) };
  }

  /** The provider's plan of every resource in the model or the state. */
  plan(model: ModelView | null): Change[] {
    const addresses = new Set([
      ...(model?.resources ?? []).map((r) => r.address),
      ...this.state.resources.map((r) => r.address),
    ]);
    return [...addresses].flatMap(
      (address) =>
        this.session.planResource({
          desired: model?.resources.find((r) => r.address === address) ?? null,
          prior: this.state.resources.find((r) => r.address === address) ?? null,
          model,
          options: { replace: [], ignoreCount: false },
        }).changes,
    );
  }

  private applyOne(
    model: ModelView | null,
    change: Change,
    events: ApplyEvent[],
    opts: {
      timeouts?: typeof TIMEOUTS;
      secrets?: ReadonlyMap<string, string>;
      signal?: AbortSignal;
    },
  ): Promise<ApplySlotResponse> {
    return this.session.applySlot({
      change,
      prior: this.state.resources.find((r) => r.address === change.resource) ?? null,
      model,
      secrets: opts.secrets ?? new Map(),
      recordLeases: async (leases) => {
        this.state = setSlotLeases(this.state, change, leases);
      },
      journal: async (entry) => {
        let current: JournalEntry = { ...entry, id: `j${this.journalLog.length}`, createdAt: '' };
        this.journalLog.push(current);
        this.state = { ...this.state, journal: [...this.state.journal, current] };
        const replace = (next: JournalEntry | null): void => {
          this.state = {
            ...this.state,
            journal: this.state.journal.flatMap((j) =>
              j.id !== current.id ? [j] : next === null ? [] : [next],
            ),
          };
        };
        return {
          update: async (patch) => {
            current = {
              ...current,
              ...(patch.txHash === undefined ? {} : { txHash: patch.txHash }),
              ...(patch.orderId === undefined ? {} : { orderId: patch.orderId }),
            };
            this.journalLog.push(current);
            replace(current);
          },
          clear: async () => replace(null),
        };
      },
      emit: (e) => events.push(e),
      signal: opts.signal ?? new AbortController().signal,
      timeouts: opts.timeouts ?? TIMEOUTS,
    });
  }

  /** Lease records of one resource. */
  leases(resource: string) {
    return this.state.resources.find((r) => r.address === resource)?.leases ?? [];
  }
}

/** GET `url`, returning the status and body. */
export async function httpGet(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}
