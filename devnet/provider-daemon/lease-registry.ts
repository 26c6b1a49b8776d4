/**
 * The leases a provider serves, without any chain: their order specs, what they reserve, their
 * workloads and persisted manifests. The daemon feeds it from chain events; unit tests feed it by
 * hand. A manifest is accepted only if it fits the order (or the pending update) and capacity, and
 * the manifest of an update runs only once the update is committed on chain (`commitUpdate`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorDiag } from '../../common/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../common/diag/index.js';
import type { ProviderConfig } from '../config/load-provider-config.js';
import { checkManifestAgainstOrder } from '../../wire/check-manifest-against-order.js';
import { parseManifest } from '../../wire/manifest.js';
import type { Manifest } from '../../wire/manifest.js';
import type { OrderSpec } from '../../wire/order-spec.js';
import { Workload } from '../workload/workload.js';
import { addUsage, NO_USAGE } from './decide-can-serve.js';
import type { ProviderUsage } from './decide-can-serve.js';
import type { FaultBoard } from './fault-board.js';
import { manifestDemand } from './manifest-demand.js';

/** A lease the provider serves. */
export interface TrackedLease {
  readonly leaseId: bigint;
  readonly tenant: string;
  spec: OrderSpec;
  /** The spec of an accepted update waiting for its manifest. */
  pendingSpec: OrderSpec | null;
  demand: ProviderUsage;
  workload: Workload | null;
}

/** Options of {@link LeaseRegistry}. */
export interface LeaseRegistryOptions {
  readonly config: ProviderConfig;
  /** Manifests are kept in `<dataDir>/manifests/<leaseId>.json`. */
  readonly dataDir: string;
  readonly startDelayMs: number;
  readonly faults: FaultBoard;
  /**
   * Commits a lease's accepted update on chain before its manifest runs; null once committed,
   * else why not (the PUT is refused with it and the current manifest keeps running). Without it
   * an update is taken as committed.
   */
  readonly commitUpdate?: ((lease: TrackedLease) => Promise<Diagnostic | null>) | undefined;
  /** Called after a manifest is running (the daemon stops the watchdog). */
  readonly onManifest?: ((lease: TrackedLease) => void) | undefined;
}

/** The provider's leases and their workloads. */
export class LeaseRegistry {
  private readonly leases = new Map<string, TrackedLease>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: LeaseRegistryOptions) {}

  /** Starts serving a lease (idempotent: a known lease is returned as is). */
  track(lease: {
    leaseId: bigint;
    tenant: string;
    spec: OrderSpec;
    demand: ProviderUsage;
  }): TrackedLease {
    const known = this.leases.get(lease.leaseId.toString());
    if (known !== undefined) return known;
    const t: TrackedLease = { ...lease, pendingSpec: null, workload: null };
    this.leases.set(lease.leaseId.toString(), t);
    return t;
  }

  /** A tracked lease, or undefined. */
  get(leaseId: bigint): TrackedLease | undefined {
    return this.leases.get(leaseId.toString());
  }

  /** Every tracked lease. */
  all(): TrackedLease[] {
    return [...this.leases.values()];
  }

  /** What all tracked leases reserve. */
  used(): ProviderUsage {
    return this.all().reduce((sum, l) => addUsage(sum, l.demand), NO_USAGE);
  }

  /**
   * Parses, checks, commits (an update) and runs a manifest; diagnostics mean nothing changed.
   * One manifest at a time per lease: an update's commit waits for a block, and a second PUT must
   * see its outcome rather than race it.
   */
  applyManifest(leaseId: bigint, body: unknown): Promise<Diagnostics> {
    const key = leaseId.toString();
    const run = (this.inFlight.get(key) ?? Promise.resolve()).then(() =>
      this.applyNow(leaseId, body),
    );
    const settled = run.catch(() => undefined);
    this.inFlight.set(key, settled);
    void settled.then(() => {
      if (this.inFlight.get(key) === settled) this.inFlight.delete(key);
    });
    return run;
  }

  private async applyNow(leaseId: bigint, body: unknown): Promise<Diagnostics> {
    const lease = this.get(leaseId);
    if (lease === undefined) throw new Error(`lease ${leaseId} is not tracked`);
    const parsed = parseManifest(body);
    if (parsed.manifest === null) return parsed.diagnostics;
    const update = lease.pendingSpec;
    const misfit = checkManifestAgainstOrder(parsed.manifest, update ?? lease.spec);
    if (misfit.length > 0) return misfit;
    const demand = manifestDemand(parsed.manifest, this.ownedModels());
    const others = addUsage(this.used(), lease.demand, -1);
    const short = this.shortage(addUsage(others, demand));
    if (short !== null) return [short];
    if (update !== null) {
      // The chain first: a provider never runs a manifest the chain has not accepted.
      const refused = (await this.opts.commitUpdate?.(lease)) ?? null;
      if (refused !== null) return [refused];
      lease.spec = update;
      if (lease.pendingSpec === update) lease.pendingSpec = null;
    }
    await this.run(lease, parsed.manifest);
    lease.demand = demand;
    this.persist(leaseId, parsed.manifest);
    this.opts.onManifest?.(lease);
    return [];
  }

  /** Restarts a lease's workload from its persisted manifest; false when none was kept. */
  async restore(leaseId: bigint): Promise<boolean> {
    const lease = this.get(leaseId);
    const file = this.manifestPath(leaseId);
    if (lease === undefined || !existsSync(file)) return false;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    await this.run(lease, manifest);
    lease.demand = manifestDemand(manifest, this.ownedModels());
    return true;
  }

  /** Stops serving a lease: tears its workload down and forgets its manifest. */
  async remove(leaseId: bigint): Promise<void> {
    const lease = this.get(leaseId);
    this.leases.delete(leaseId.toString());
    rmSync(this.manifestPath(leaseId), { force: true });
    await lease?.workload?.stop();
  }

  /** Lease ids with a persisted manifest (to clean up after closes that happened while down). */
  persistedLeaseIds(): bigint[] {
    const dir = join(this.opts.dataDir, 'manifests');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /^\d+\.json$/.test(f))
      .map((f) => BigInt(f.replace('.json', '')));
  }

  /** Forgets a persisted manifest of a lease that is no longer active. */
  forgetManifest(leaseId: bigint): void {
    rmSync(this.manifestPath(leaseId), { force: true });
  }

  /** Stops every workload (daemon shutdown); manifests stay for the next start. */
  async stopAll(): Promise<void> {
    await Promise.all(this.all().map((l) => l.workload?.stop()));
  }

  private async run(lease: TrackedLease, manifest: Manifest): Promise<void> {
    if (lease.workload === null) {
      const id = lease.leaseId;
      lease.workload = new Workload({
        leaseId: id.toString(),
        startDelayMs: this.opts.startDelayMs,
        capacityRps: this.opts.config.capacityRps,
        faults: () => ({
          unhealthy: this.opts.faults.has('unhealthy', id),
          slow: this.opts.faults.has('slow', id),
          crash: this.opts.faults.has('crash', id),
        }),
      });
    }
    await lease.workload.apply(manifest);
  }

  private shortage(total: ProviderUsage): Diagnostics[number] | null {
    const cap = this.opts.config.capacity;
    const GiB = 2 ** 30;
    const over: string[] = [];
    if (total.cpuMillis > cap.cpuCores * 1000)
      over.push(`cpu ${total.cpuMillis / 1000} > ${cap.cpuCores} cores`);
    if (total.memoryBytes > cap.memoryGiB * GiB) over.push(`memory > ${cap.memoryGiB} GiB`);
    if (total.storageBytes > cap.storageGiB * GiB) over.push(`storage > ${cap.storageGiB} GiB`);
    for (const [model, n] of Object.entries(total.gpus)) {
      const have = this.opts.config.gpus.find((g) => g.model.toLowerCase() === model)?.count ?? 0;
      if (n > have) over.push(`gpu ${model} ${n} > ${have}`);
    }
    if (over.length === 0) return null;
    return errorDiag({
      code: 'devnet-provider/insufficient-capacity',
      summary: 'Provider lacks the capacity for this manifest',
      detail: `With this manifest the provider would need ${over.join(', ')}.`,
      hint: 'Lower the replica count or resources, or order from another provider.',
    });
  }

  private ownedModels(): string[] {
    return this.opts.config.gpus.map((g) => g.model.toLowerCase());
  }

  private persist(leaseId: bigint, manifest: Manifest): void {
    mkdirSync(join(this.opts.dataDir, 'manifests'), { recursive: true });
    writeFileSync(this.manifestPath(leaseId), JSON.stringify(manifest), { mode: 0o600 });
  }

  private manifestPath(leaseId: bigint): string {
    return join(this.opts.dataDir, 'manifests', `${leaseId}.json`);
  }
}
