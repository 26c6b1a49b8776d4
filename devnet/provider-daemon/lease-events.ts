/**
 * The events a lease's `/events` route reports, derived from its replicas as a Kubernetes cluster
 * would record them (Scheduled, Pulled, Started; BackOff after restarts). Frame shape as the
 * provider writes it (reference §2.6 kubeevents): `{type, reportingController, reportingInstance,
 * reason, note, object{kind, namespace, name}}`. Pure.
 */
import type { ServiceSnapshot } from '../workload/workload.js';

/** One event frame. */
export interface LeaseEventFrame {
  readonly type: 'Normal' | 'Warning';
  readonly reportingController: string;
  readonly reportingInstance: string;
  readonly reason: string;
  readonly note: string;
  readonly object: { readonly kind: string; readonly namespace: string; readonly name: string };
}

/** An event and the service it belongs to (for the `service` filter). */
export interface LeaseEvent {
  readonly service: string;
  readonly frame: LeaseEventFrame;
}

/** Every event of the lease, oldest first, per replica. */
export function toLeaseEvents(services: readonly ServiceSnapshot[]): LeaseEvent[] {
  return services.flatMap((svc) =>
    svc.replicas.flatMap((r) => {
      const ev = (type: LeaseEventFrame['type'], reason: string, note: string): LeaseEvent => ({
        service: svc.name,
        frame: {
          type,
          reportingController: reason === 'Scheduled' ? 'default-scheduler' : 'kubelet',
          reportingInstance: 'devnet',
          reason,
          note,
          object: { kind: 'Pod', namespace: 'lease', name: r.name },
        },
      });
      const out = [ev('Normal', 'Scheduled', `Successfully assigned lease/${r.name}`)];
      if (r.state === 'waiting') out.push(ev('Normal', 'Pulling', `Pulling image "${svc.image}"`));
      else out.push(ev('Normal', 'Pulled', `Container image "${svc.image}" ready`));
      if (r.restartCount > 0)
        out.push(ev('Warning', 'BackOff', `Restarted ${r.restartCount} time(s)`));
      if (r.state === 'running') out.push(ev('Normal', 'Started', `Started container ${svc.name}`));
      if (r.state === 'terminated')
        out.push(ev('Normal', 'Killing', `Stopping container ${svc.name}`));
      return out;
    }),
  );
}
