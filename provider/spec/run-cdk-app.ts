import { execa } from 'execa';
import { redact } from '../../cli/diag/index.js';

/** How to run a CDK app: its command, where, and where it must synthesize to. */
export interface RunCdkAppRequest {
  /** Shell command, the `app` of cdktf.json: `node main.js`. */
  readonly command: string;
  readonly cwd: string;
  /** Passed as `CDKTF_OUTDIR`, which cdktf's `App` writes `manifest.json` and the stacks to. */
  readonly outdir: string;
  readonly timeoutMs: number;
}

/** How the app ended; `stderr` is already cleaned of stack frames and redacted. */
export interface RunCdkAppResult {
  readonly ok: boolean;
  readonly exitCode: number | undefined;
  readonly timedOut: boolean;
  readonly stderr: string;
}

const MAX_STDERR_LINES = 20;

/** Runs the user's CDK app in a shell, as `cdktf synth` does, capturing its output. */
export async function runCdkApp(req: RunCdkAppRequest): Promise<RunCdkAppResult> {
  const result = await execa(req.command, {
    shell: true,
    cwd: req.cwd,
    env: { CDKTF_OUTDIR: req.outdir },
    timeout: req.timeoutMs,
    reject: false,
    stdin: 'ignore',
  });
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  // A spawn failure (missing cwd, no shell) has no stderr of its own: its message stands in.
  const text = stderr.trim() === '' && result.failed ? (result.shortMessage ?? '') : stderr;
  return {
    ok: !result.failed,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    stderr: cleanStderr(text),
  };
}

/**
 * Keeps what a user needs from a failed app: the error message and the source line, not the
 * JavaScript stack frames (STYLE §17: no stack traces), capped, with secrets masked.
 */
export function cleanStderr(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((l) => !/^\s+at\s/.test(l) && !/^Node\.js v\d/.test(l))
    .join('\n')
    .trim()
    .split('\n');
  return redact(lines.slice(-MAX_STDERR_LINES).join('\n'));
}
