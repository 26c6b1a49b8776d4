#!/usr/bin/env node
// The `leasehold` binary. Kept tiny so `--help` stays fast: oclif loads commands lazily from its
// manifest. What oclif prints itself (an unknown command, an error before a command runs) goes
// through redact() like every other error text.
import { flush, handle, run } from '@oclif/core';

try {
  await run(process.argv.slice(2), import.meta.url);
  await flush();
} catch (err) {
  const { redactError, registerEnvSecrets } = await import('../dist/cli/diag/index.js');
  registerEnvSecrets(process.env);
  await handle(redactError(err));
}
