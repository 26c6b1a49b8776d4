/** `"us-east;us-west"` → `["us-east", "us-west"]`: ICL packs lists into `;`-separated strings. */
export function splitList(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  return raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
