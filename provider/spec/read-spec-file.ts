import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { fileTooLargeDiag } from './spec-limits.js';
import type { SpecLimits } from './spec-limits.js';

/** A spec file's text, or why it was not read. */
export type ReadSpecFileResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly diagnostic: Diagnostic };

const CHUNK = 1 << 16;

/**
 * Reads a spec file as UTF-8, never more than `limits.maxBytes`: a regular file over the limit is
 * refused from its size alone, before a byte is read, and anything else (a pipe, a device such as
 * /dev/zero, a file still growing) is read in chunks until the limit is passed. `file` is the
 * path as the user typed it, for messages.
 */
export async function readSpecFile(
  abs: string,
  file: string,
  limits: SpecLimits,
): Promise<ReadSpecFileResult> {
  let handle: FileHandle;
  try {
    handle = await open(abs, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'missing' } : refused(unreadable(file, String(code)));
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return refused(unreadable(file, 'EISDIR'));
    if (st.isFile() && st.size > limits.maxBytes)
      return refused(fileTooLargeDiag(file, st.size, limits));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK), 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limits.maxBytes) return refused(fileTooLargeDiag(file, undefined, limits));
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (e) {
    return refused(unreadable(file, String((e as NodeJS.ErrnoException).code)));
  } finally {
    await handle.close();
  }
}

function refused(diagnostic: Diagnostic): ReadSpecFileResult {
  return { kind: 'refused', diagnostic };
}

function unreadable(file: string, code: string): Diagnostic {
  const why =
    code === 'EISDIR'
      ? 'is a directory, not a spec file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read: permission denied'
        : `cannot be read (${code})`;
  return errorDiag({
    code: 'spec/file-unreadable',
    summary: 'Stack file cannot be read',
    detail: `\`${file}\` ${why}.`,
    hint: 'Pass the YAML spec file itself with -f, and check that you may read it.',
  });
}
