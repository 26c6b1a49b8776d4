/**
 * The stack tag Leasehold writes as the order spec's name (`n`): `lh1.<stack>.<instance>.<key>`,
 * so refresh and import find a stack's leases from the chain alone. Every part is `[a-z0-9-]`, so
 * the dots are unambiguous.
 */

/** The parts of a stack tag. */
export interface StackTag {
  readonly stack: string;
  readonly instance: string;
  /** Slot key: `"0"`, `"1"` … or a region name. */
  readonly key: string;
}

const PART = /^[a-z0-9-]+$/;
const PREFIX = 'lh1';

/** True when `text` may be one part of a tag. */
export function isTagPart(text: string): boolean {
  return PART.test(text);
}

/**
 * Encodes a tag; throws a RangeError for a part outside `[a-z0-9-]` (the spec loader already
 * enforces this for names, so a throw here is a bug, not user input).
 * @example encodeStackTag({ stack: 'shop', instance: 'web', key: '0' }) // "lh1.shop.web.0"
 */
export function encodeStackTag(tag: StackTag): string {
  for (const [what, part] of Object.entries(tag)) {
    if (!isTagPart(part)) {
      throw new RangeError(`stack tag ${what} must match [a-z0-9-]+, got ${JSON.stringify(part)}`);
    }
  }
  return `${PREFIX}.${tag.stack}.${tag.instance}.${tag.key}`;
}

/** Decodes a spec name; null for anything that is not a version-1 Leasehold tag. */
export function decodeStackTag(name: string): StackTag | null {
  const parts = name.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, stack, instance, key] = parts;
  if (stack === undefined || instance === undefined || key === undefined) return null;
  if (![stack, instance, key].every(isTagPart)) return null;
  return { stack, instance, key };
}
