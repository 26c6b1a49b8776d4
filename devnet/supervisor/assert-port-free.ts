import { createServer } from 'node:net';
import { devnetPortBusy } from './devnet-errors.js';

/**
 * Throws `devnet/port-busy` when something already listens on host:port. Checked before anvil
 * starts because anvil's own bind failure reaches us only as an opaque exit.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? devnetPortBusy(host, port) : err),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
