#!/usr/bin/env node
// The `leasehold` binary. Kept tiny so `--help` stays fast: oclif loads commands lazily from its manifest.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
