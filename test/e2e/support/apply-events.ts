import type { E2eDevnet } from './e2e-devnet.js';

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
 * Runs `apply --auto-approve --json` and, the moment a line matches `at`, calls `onReached`
 * (awaited) then kills the process with SIGKILL — no chance to finish or save anything. Resolves
 * with the lines seen and whether the kill happened (false: apply ended before the point).
 */
export async function applyKilledAt(
  devnet: E2eDevnet,
  cwd: string,
  at: (line: ApplyLine) => boolean,
  onReached: (line: ApplyLine) => Promise<void> = async () => undefined,
): Promise<{ lines: ApplyLine[]; killed: boolean; exitCode: number | undefined }> {
  const child = devnet.spawn(['apply', '--auto-approve', '--json'], cwd);
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
        reached = onReached(line).then(() => {
          killed = child.kill('SIGKILL');
        });
      }
    }
  });
  const res = await child;
  if (reached !== null) await reached;
  return { lines, killed: killed && res.signal === 'SIGKILL', exitCode: res.exitCode };
}
