/**
 * A hidden password prompt on the terminal, or none: without a TTY on stdin (CI, pipes) commands
 * must not block waiting for input, so callers get `undefined` and report `wallet/password-required`.
 */
import { createInterface } from 'node:readline';

/** The prompt when stdin and stderr are terminals, else undefined. */
export function passwordPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return (question) =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      let muted = false;
      // readline echoes through _writeToOutput; once the question is shown, echo nothing typed.
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      const write = out._writeToOutput.bind(rl);
      out._writeToOutput = (s: string) => {
        if (!muted) write(s);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      muted = true;
    });
}

/** Reads all of stdin (for a key piped in), or undefined on a terminal. */
export async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
