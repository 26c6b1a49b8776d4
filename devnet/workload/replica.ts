/**
 * One replica of a workload stand-in: a real HTTP listener on 127.0.0.1 per exposed TCP port, in
 * place of the container there is no engine to run. It answers `/` with who it is, every other
 * path with 200 (the health path included), and `/metrics` with Prometheus text; faults make it
 * answer 500, answer late, or crash and restart.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderMetrics } from './render-metrics.js';
import { RequestMeter } from './request-meter.js';

/** The faults that act on a replica, read at each request. */
export interface ReplicaFaults {
  readonly unhealthy: boolean;
  readonly slow: boolean;
  readonly crash: boolean;
}

/** A container port of the service. */
export interface ReplicaPort {
  readonly port: number;
  readonly externalPort: number;
  readonly proto: 'TCP' | 'UDP';
}

/** Options of a {@link Replica}. */
export interface ReplicaOptions {
  readonly leaseId: string;
  readonly service: string;
  readonly index: number;
  readonly image: string;
  /** Env keys only: values may be secrets and are never shown. */
  readonly envKeys: readonly string[];
  /**
   * sha256 (hex) of each env value by key: a fingerprint that lets a test tell which value of a
   * secret a replica received (a rotation reached it) without the value ever being served. A
   * real container holds the value itself; this exists on the devnet only. @default {}
   */
  readonly envSha256?: Readonly<Record<string, string>> | undefined;
  readonly ports: readonly ReplicaPort[];
  /** Image pull + start time before the replica listens. */
  readonly startDelayMs: number;
  readonly capacityRps: number;
  /** Delay of every response under the `slow` fault. @default 3000 */
  readonly slowDelayMs?: number | undefined;
  /** How long a replica runs before crashing again while `crash` is set. @default 1000 */
  readonly crashAfterMs?: number | undefined;
  readonly faults: () => ReplicaFaults;
  readonly log: (message: string) => void;
}

/** A listener standing in for one container port. */
export interface ReplicaListener {
  readonly containerPort: number;
  readonly externalPort: number;
  readonly hostPort: number;
  readonly proto: 'TCP';
}

/** The lifecycle state of a replica, as the container status reports it. */
export type ReplicaState = 'waiting' | 'running' | 'terminated';

/** One running (or starting) replica. */
export class Replica {
  readonly name: string;
  state: ReplicaState = 'waiting';
  restartCount = 0;
  startedAt: Date | null = null;
  finishedAt: Date | null = null;
  waitingReason = 'ContainerCreating';
  private servers: { server: Server; port: ReplicaPort; hostPort: number }[] = [];
  private readonly meter = new RequestMeter();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private hostPorts = new Map<number, number>();

  constructor(private readonly opts: ReplicaOptions) {
    this.name = `${opts.service}-${opts.index}`;
  }

  /** The listeners of a running replica; empty while it starts or restarts. */
  get listeners(): ReplicaListener[] {
    if (this.state !== 'running') return [];
    return this.servers.map((s) => ({
      containerPort: s.port.port,
      externalPort: s.port.externalPort,
      hostPort: s.hostPort,
      proto: 'TCP',
    }));
  }

  /** Schedules the start after the pull/start delay. */
  start(): void {
    this.opts.log(`Pulling image "${this.opts.image}"`);
    this.timer = setTimeout(() => void this.listen(), this.opts.startDelayMs);
  }

  /** Kills the replica now; it restarts after the start delay (CrashLoopBackOff without backoff). */
  async crash(): Promise<void> {
    if (this.stopped || this.state !== 'running') return;
    this.opts.log('Container crashed (fault injected); restarting');
    await this.closeServers();
    this.state = 'waiting';
    this.waitingReason = 'CrashLoopBackOff';
    this.restartCount += 1;
    this.timer = setTimeout(() => void this.listen(), this.opts.startDelayMs);
  }

  /** Stops for good: closes every listener and drops open connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.closeServers();
    this.state = 'terminated';
    this.finishedAt = new Date();
    this.opts.log('Container stopped');
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const port of this.opts.ports.filter((p) => p.proto === 'TCP')) {
        const server = createServer((req, res) => void this.handle(req, res, port));
        const hostPort = await listenOn(server, this.hostPorts.get(port.port) ?? 0);
        this.hostPorts.set(port.port, hostPort);
        this.servers.push({ server, port, hostPort });
      }
    } catch (err) {
      this.opts.log(`Start failed: ${err instanceof Error ? err.message : String(err)}`);
      await this.closeServers();
      // The old port may be taken now: take any free one on the next try.
      this.hostPorts.clear();
      this.timer = setTimeout(() => void this.listen(), this.opts.startDelayMs);
      return;
    }
    if (this.stopped) return void (await this.closeServers());
    this.state = 'running';
    this.startedAt = new Date();
    const where = this.servers.map((s) => `${s.port.port}→127.0.0.1:${s.hostPort}`).join(', ');
    this.opts.log(`Started container ${this.opts.image}${where === '' ? '' : ` on ${where}`}`);
    if (this.opts.faults().crash) {
      this.timer = setTimeout(() => void this.crash(), this.opts.crashAfterMs ?? 1000);
    }
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
    port: ReplicaPort,
  ): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const now = Date.now();
    if (path === '/metrics') return this.metrics(res, now);
    this.meter.record(now);
    const faults = this.opts.faults();
    if (faults.slow) await delay(this.opts.slowDelayMs ?? 3000);
    const status = faults.unhealthy ? 500 : 200;
    const body =
      path === '/'
        ? {
            lease: this.opts.leaseId,
            service: this.opts.service,
            replica: this.opts.index,
            image: this.opts.image,
            env: this.opts.envKeys,
            envSha256: this.opts.envSha256 ?? {},
            port: port.port,
          }
        : { ok: !faults.unhealthy, path };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    this.opts.log(`${req.method ?? 'GET'} ${path} ${status}`);
  }

  private metrics(res: ServerResponse, now: number): void {
    const text = renderMetrics({
      requestsTotal: this.meter.count,
      recentRps: this.meter.rate(now),
      capacityRps: this.opts.capacityRps,
      startTimeSeconds: Math.floor((this.startedAt?.getTime() ?? now) / 1000),
      labels: {
        lease: this.opts.leaseId,
        service: this.opts.service,
        replica: String(this.opts.index),
      },
    });
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(text);
  }

  private async closeServers(): Promise<void> {
    const servers = this.servers;
    this.servers = [];
    await Promise.all(
      servers.map(
        ({ server }) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
