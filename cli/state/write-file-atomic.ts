import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of writeFileAtomic. */
export interface WriteFileAtomicOptions {
  /** When set and the file exists, its previous content is kept here (itself written atomically). */
  readonly backupPath?: string | undefined;
}

/**
 * Replaces `path` with `text` so that a crash at any instant leaves either the old or the new
 * content, never a mix: a temp file in the same directory (same filesystem, so rename is atomic),
 * fsync, rename over the target, then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  opts: WriteFileAtomicOptions = {},
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  if (opts.backupPath !== undefined) {
    const previous = await readIfExists(path);
    if (previous !== null) await replaceDurably(opts.backupPath, previous);
  }
  await replaceDurably(path, text);
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if (isCode(err, 'ENOENT')) return null;
    throw err;
  }
}

async function replaceDurably(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (err) {
    // Some filesystems refuse fsync on a directory; the rename is still atomic there.
    if (!isCode(err, 'EISDIR') && !isCode(err, 'EINVAL') && !isCode(err, 'EPERM')) throw err;
  } finally {
    await fh?.close();
  }
}

/** Whether an unknown error is a Node system error with this code. */
export function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}
