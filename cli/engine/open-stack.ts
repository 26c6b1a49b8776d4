import { resolve } from 'node:path';
import { registerEnvSecrets } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import type { ModelView, ProviderSession, SignerNeed } from '../provider-api.js';
import { loadProvider } from '../providers.js';
import { resolveBackendConfig } from '../state/backend-config.js';
import { createStateBackend } from '../state/create-state-backend.js';
import { lockWaitLine } from '../state/lock-wait-line.js';
import { loadStackModel } from './load-stack-model.js';
import type { StateBackend } from '../state/state-types.js';

/** Where a command finds its stack, state and network (its flags and environment). */
export interface OpenStackRequest {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  /** `--state PATH`. */
  readonly statePath?: string | undefined;
  /** `--backend-config KEY=VALUE` pairs (over LEASEHOLD_BACKEND, over the spec's `backend`). */
  readonly backendConfig?: readonly string[] | undefined;
  /** `--network`; otherwise LEASEHOLD_NETWORK, then the spec's network (resolved in connect). */
  readonly network?: string | undefined;
  readonly signer: SignerNeed;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

/** A loaded stack with its state backend and a session on its network. Close the session. */
export interface OpenStack {
  readonly model: ModelView;
  readonly file: string;
  /** Absolute directory of the stack (its spec's, or its cdktf.json's). */
  readonly dir: string;
  /** Warnings from loading (errors throw). */
  readonly warnings: Diagnostics;
  readonly backend: StateBackend;
  readonly session: ProviderSession;
}

/**
 * The edge every state-and-chain command starts from: register the wallet's secrets for redact(),
 * load the stack (errors throw a DiagnosticsError), open its state backend (the spec's `backend`, LEASEHOLD_BACKEND,
 * `--backend-config`; local beside the spec or `--state` by default), and connect.
 */
export async function openStack(req: OpenStackRequest): Promise<OpenStack> {
  // The library enters here without the CLI's command start: its wallet secrets are known first.
  registerEnvSecrets(req.env);
  const { model, file, dir, warnings } = await loadStackModel(req);
  const backend = await createStateBackend({
    config: resolveBackendConfig({
      spec: model.backend,
      env: req.env,
      overrides: req.backendConfig,
    }),
    dir,
    stack: model.stack,
    statePath: req.statePath === undefined ? undefined : resolve(req.cwd, req.statePath),
    env: req.env,
    onLockWait: (holder, timeoutMs) => req.log(lockWaitLine(holder, timeoutMs)),
  });
  const provider = await loadProvider();
  const session = await provider.connect({
    network: req.network ?? model.network,
    signer: req.signer,
    cwd: req.cwd,
    env: req.env,
    log: req.log,
    promptPassword: req.promptPassword,
  });
  return { model, file, dir, warnings, backend, session };
}
