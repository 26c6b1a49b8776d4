import { basename, extname } from 'node:path';

/**
 * A stack name from a file name: `My_App.deploy.yaml` → `my-app-deploy`. Stack names are
 * lowercase letters, digits and dashes, 1–40 characters.
 */
export function stackNameFromFile(file: string): string {
  const name = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'converted' : name;
}
