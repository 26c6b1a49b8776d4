/**
 * The stand-in for one lease's deployment: every service of the manifest, `count` replicas each.
 * A new manifest is diffed against what runs ({@link diffReplicas}): a count change keeps the
 * replicas that exist and adds or removes the difference, a changed service replaces its replicas.
 * The lease's logs outlive replacements.
 */
import { createHash } from 'node:crypto';
import type { Manifest, ManifestService } from '../../wire/manifest.js';
import { envKeys, envValue } from '../../wire/manifest.js';
import { diffReplicas, replicaTemplate } from './diff-replicas.js';
import { LogBuffer } from './log-buffer.js';
import { Replica } from './replica.js';
import type { ReplicaFaults, ReplicaListener, ReplicaState } from './replica.js';

/** Options of {@link Workload}. */
export interface WorkloadOptions {
  readonly leaseId: string;
  readonly startDelayMs: number;
  /** Default requests per second at 100 % CPU; the manifest env `LEASEHOLD_CAPACITY_RPS` overrides. */
  readonly capacityRps: number;
  readonly faults: () => ReplicaFaults;
  readonly slowDelayMs?: number | undefined;
  readonly crashAfterMs?: number | undefined;
}

/** One replica as the status routes report it. */
export interface ReplicaSnapshot {
  readonly name: string;
  readonly state: ReplicaState;
  readonly waitingReason: string;
  readonly restartCount: number;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly listeners: readonly ReplicaListener[];
}

/** One service as the status routes report it. */
export interface ServiceSnapshot {
  readonly name: string;
  readonly image: string;
  readonly count: number;
  readonly generation: number;
  readonly createdAt: Date;
  readonly replicas: readonly ReplicaSnapshot[];
}

/** A lease's running stand-in. */
export class Workload {
  readonly logs = new LogBuffer();
  private replicas = new Map<string, Replica[]>();
  private services: readonly ManifestService[] = [];
  private generation = 0;
  private createdAt = new Date();

  constructor(private readonly opts: WorkloadOptions) {}

  /**
   * Runs `manifest`: replicas it still wants unchanged keep running (same listeners, same
   * counters); the others stop, then the missing ones start.
   */
  async apply(manifest: Manifest): Promise<void> {
    const services = manifest.flatMap((g) => g.services);
    const next = new Map<string, Replica[]>();
    const stopping: Replica[] = [];
    const starting: Replica[] = [];
    for (const svc of services) {
      const prior = this.services.find((s) => s.name === svc.name);
      const running = this.replicas.get(svc.name) ?? [];
      const diff = diffReplicas(
        prior === undefined ? null : { template: replicaTemplate(prior), count: running.length },
        { template: replicaTemplate(svc), count: svc.count },
      );
      const fresh = diff.start.map((i) => this.replica(svc, i));
      stopping.push(...diff.stop.flatMap((i) => running[i] ?? []));
      starting.push(...fresh);
      next.set(svc.name, [...running.slice(0, diff.keep), ...fresh]);
    }
    const wanted = new Set(services.map((s) => s.name));
    for (const [name, list] of this.replicas) if (!wanted.has(name)) stopping.push(...list);
    this.replicas = next;
    this.services = services;
    this.generation += 1;
    this.createdAt = new Date();
    await Promise.all(stopping.map((r) => r.stop()));
    starting.forEach((r) => r.start());
  }

  /** Crashes every running replica now (the `crash` fault). */
  async crashAll(): Promise<void> {
    await Promise.all([...this.replicas.values()].flat().map((r) => r.crash()));
  }

  /** Tears everything down; listeners are gone when this resolves. */
  async stop(): Promise<void> {
    const all = [...this.replicas.values()].flat();
    this.replicas = new Map();
    await Promise.all(all.map((r) => r.stop()));
  }

  /** Replicas currently running, over all services. */
  get runningReplicas(): number {
    return [...this.replicas.values()].flat().filter((r) => r.state === 'running').length;
  }

  /** The status of every service. */
  snapshot(): ServiceSnapshot[] {
    return this.services.map((svc) => ({
      name: svc.name,
      image: svc.image,
      count: svc.count,
      generation: this.generation,
      createdAt: this.createdAt,
      replicas: (this.replicas.get(svc.name) ?? []).map((r) => ({
        name: r.name,
        state: r.state,
        waitingReason: r.waitingReason,
        restartCount: r.restartCount,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        listeners: r.listeners,
      })),
    }));
  }

  private replica(svc: ManifestService, index: number): Replica {
    const override = Number(envValue(svc, 'LEASEHOLD_CAPACITY_RPS'));
    const name = `${svc.name}-${index}`;
    return new Replica({
      leaseId: this.opts.leaseId,
      service: svc.name,
      index,
      image: svc.image,
      envKeys: envKeys(svc),
      envSha256: Object.fromEntries(
        envKeys(svc).map((k) => [k, sha256Hex(envValue(svc, k) ?? '')]),
      ),
      ports: svc.expose.map((e) => ({
        port: e.port,
        externalPort: e.externalPort ?? e.port,
        proto: e.proto,
      })),
      // Replicas come up one after another, so ready_replicas visibly rises.
      startDelayMs: this.opts.startDelayMs + index * Math.min(250, this.opts.startDelayMs),
      capacityRps: Number.isFinite(override) && override > 0 ? override : this.opts.capacityRps,
      slowDelayMs: this.opts.slowDelayMs,
      crashAfterMs: this.opts.crashAfterMs,
      faults: this.opts.faults,
      log: (message) => this.logs.push({ name, service: svc.name, message }),
    });
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
