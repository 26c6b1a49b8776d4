import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Copies a finished synthesis from its private scratch directory into the app's output directory
 * (`cdktf.out/`, cdktf's convention), one atomic rename per file: an `apply` and a controller that
 * synthesize the same app at once never read each other's half-written cdk.tf.json. Throws on I/O
 * failure (a read-only project directory); the caller decides what that costs.
 */
export async function publishSynthOutput(from: string, to: string): Promise<void> {
  for (const rel of await filesUnder(from, '')) {
    const dest = join(to, rel);
    await mkdir(dirname(dest), { recursive: true });
    const tmp = `${dest}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await copyFile(join(from, rel), tmp);
      await rename(tmp, dest);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}

async function filesUnder(root: string, rel: string): Promise<string[]> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(rel, e.name);
      if (e.isDirectory()) return filesUnder(root, path);
      return e.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}
