import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { StateCodec } from './crypto/state-codec.js';
import { isSealedText } from './crypto/seal.js';
import type { LocalStatePaths } from './local-backend.js';
import type { StackState, StateVersion } from './state-types.js';
import { summarizeStateChange } from './summarize-state-change.js';
import { isCode } from './write-file-atomic.js';

/** The local backend's history: the state and its backup (it keeps no more), newest first. */
export async function localHistory(
  paths: LocalStatePaths,
  stack: string,
  codec: StateCodec,
): Promise<readonly StateVersion[]> {
  const found: { state: StackState; text: string; mtime: Date }[] = [];
  for (const file of [paths.state, paths.backup]) {
    try {
      const text = await readFile(file, 'utf8');
      const { mtime } = await stat(file);
      found.push({ state: codec.decode(text, { where: file, stack }), text, mtime });
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err;
    }
  }
  return found.map((f, i) => ({
    serial: f.state.serial,
    lineage: f.state.lineage,
    writer: 'local',
    writtenAt: f.mtime.toISOString(),
    contentHash: `sha256:${createHash('sha256').update(f.text).digest('hex')}`,
    encrypted: isSealedText(f.text),
    summary: summarizeStateChange(found[i + 1]?.state ?? null, f.state),
  }));
}
