/**
 * The lease status JSON a provider answers on `GET /lease/{id}/status` (v2) and
 * `GET /lease/{id}/1/1/status` (v1), snake_case keys as the Akash provider writes them (reference §5).
 * The devnet provider builds it (devnet/provider-daemon/to-lease-status.ts); the client decodes it
 * tolerantly (provider/marketplace/to-lease-status.ts).
 */

/** One container status (a Spheron addition to Akash's ServiceStatus). */
export interface ContainerStatus {
  readonly name: string;
  readonly state: Record<string, Record<string, unknown>>;
  readonly lastState: Record<string, Record<string, unknown>>;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly image: string;
  readonly imageID: string;
  readonly containerID: string;
  readonly started: boolean;
}

/** The status of one service. */
export interface ServiceStatus {
  readonly name: string;
  readonly available: number;
  readonly total: number;
  readonly uris: readonly string[] | null;
  readonly observed_generation: number;
  readonly replicas: number;
  readonly updated_replicas: number;
  readonly ready_replicas: number;
  readonly available_replicas: number;
  readonly container_statuses: readonly ContainerStatus[];
  readonly creationTimestamp: string;
}

/** A forwarded port: connect to `host:externalPort` to reach container port `port`. */
export interface ForwardedPort {
  readonly host: string;
  readonly port: number;
  readonly externalPort: number;
  readonly proto: string;
  readonly name: string;
}

/** The whole lease status. */
export interface LeaseStatus {
  readonly services: Record<string, ServiceStatus>;
  readonly forwarded_ports: Record<string, ForwardedPort[]> | null;
  readonly ips: null;
}
