import { createServer } from 'node:net';
import { devnetPortBusy } from './devnet-errors.js';

/**
 * Throws `devnet/port-busy` when something already listens on host:port. Checked before anvil
 * starts because anvil's own bind failure reaches us only as an opaque exit.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (!(await isPortFree(host, port))) throw devnetPortBusy(host, port);
}

/** Whether nothing listens on host:port (a listen probe, closed at once). */
export async function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EADDRINUSE' ? resolve(false) : reject(err),
    );
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
