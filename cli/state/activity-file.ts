import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isRecord } from '../../common/index.js';
import type { ActivityEntry, ActivityFilter } from './state-types.js';
import { isCode } from './write-file-atomic.js';

/** Appends one entry as a JSON line (O_APPEND: concurrent writers never interleave a line). */
export async function appendActivityLine(file: string, entry: ActivityEntry): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, JSON.stringify(entry) + '\n', 'utf8');
}

/** The entries of a JSON-lines activity log at or after `since`; a torn last line is skipped. */
export async function readActivityLines(
  file: string,
  filter: ActivityFilter,
): Promise<readonly ActivityEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) return [];
    throw err;
  }
  const out: ActivityEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isRecord(v) || typeof v['at'] !== 'string') continue;
    if (filter.since !== undefined && v['at'] < filter.since) continue;
    out.push(v as unknown as ActivityEntry);
  }
  return out;
}
