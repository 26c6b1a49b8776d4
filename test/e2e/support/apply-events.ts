import type { E2eDevnet } from './e2e-devnet.js';
import { waitFor } from '../../support/wait-for.js';

/** One `apply --json` line: an ApplyEvent, a slot event, or the closing summary. */
export interface ApplyLine {
  readonly type: string;
  readonly address?: string;
  readonly leaseId?: string;
  readonly orderId?: string;
  readonly [k: string]: unknown;
}

/** Parses `apply --json` stdout into its lines (every line must be JSON: that is the contract). */
export function parseApplyLines(stdout: string): ApplyLine[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ApplyLine);
}

/** The closing summary line of `apply --json`. */
export function summaryOf(lines: readonly ApplyLine[]): ApplyLine {
  const last = lines.at(-1);
  if (last?.type !== 'summary') throw new Error(`no summary line: ${JSON.stringify(last)}`);
  return last;
}

/**
 * Runs `apply --auto-approve --json` and, the moment a line matches `at`, kills the process with
 * SIGKILL — no chance to finish or save anything. Resolves with the lines seen and whether the
 * kill happened (false: apply ended before the point).
 */
export async function applyKilledAt(
  devnet: E2eDevnet,
  cwd: string,
  at: (line: ApplyLine) => boolean,
): Promise<{ lines: ApplyLine[]; killed: boolean; exitCode: number | undefined }> {
  return applyWithHook(devnet, cwd, at, async () => 'kill');
}

/**
 * Runs `apply --auto-approve --json`; when a line first matches `at`, the process is frozen
 * (SIGSTOP) so it cannot take its next step, `onReached` runs, and then the process is either
 * killed (SIGKILL) or resumed (SIGCONT), as `onReached` answers.
 */
export async function applyWithHook(
  devnet: E2eDevnet,
  cwd: string,
  at: (line: ApplyLine) => boolean,
  onReached: (line: ApplyLine) => Promise<'kill' | 'resume'>,
  extra: Record<string, string> = {},
): Promise<{ lines: ApplyLine[]; killed: boolean; exitCode: number | undefined }> {
  const child = devnet.spawn(['apply', '--auto-approve', '--json'], cwd, extra);
  const lines: ApplyLine[] = [];
  let killed = false;
  let buffer = '';
  let reached: Promise<void> | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const text of parts.filter((p) => p.trim() !== '')) {
      const line = JSON.parse(text) as ApplyLine;
      lines.push(line);
      if (reached === null && at(line)) {
        child.kill('SIGSTOP');
        reached = onReached(line).then((next) => {
          if (next === 'kill') killed = child.kill('SIGKILL');
          else child.kill('SIGCONT');
        });
      }
    }
  });
  // A stopped child never exits: wait for the hook before the process.
  await waitFor('the kill hook or the exit', () => reached !== null || child.exitCode !== null);
  await reached;
  const res = await child;
  return { lines, killed: killed && res.signal === 'SIGKILL', exitCode: res.exitCode };
}
