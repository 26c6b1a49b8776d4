import type { TierName } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { iclTierToSpecTiers } from '../icl/icl-tiers.js';
import type { ConvertContext } from './convert-context.js';
import { scalarText, toList } from './yaml-values.js';

/**
 * An ICL tier list (`tier:` or `tiers:`, one name or a list) → spec tiers. A name Spheron does
 * not know is an error: the SDK reads an unknown key as "every tier", which would silently widen
 * placement to tiers the author never chose. The SDK reads only the first name of a list; the
 * union of all names is kept (what the author wrote) and the difference is warned about.
 */
export function readIclTiers(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): TierName[] | undefined {
  const out = new Set<TierName>();
  const list = toList(raw);
  list.forEach((t, i) => {
    const here = Array.isArray(raw) ? [...at, i] : at;
    const names = iclTierToSpecTiers(scalarText(t) ?? '');
    if (names === null) {
      ctx.error({
        code: 'convert/unknown-tier',
        summary: 'Tier is not a Spheron tier',
        detail: `Tier \`${String(t)}\` is not one of secured, community, community-default, secured1…3 or community1…4; the SDK would read it as "every tier".`,
        hint: 'Write one of the tier names Spheron knows, such as `community` or `secured1`.',
        at: here,
      });
    } else names.forEach((n) => out.add(n));
  });
  if (list.length > 1 && out.size > 0) {
    ctx.warn({
      code: 'convert/icl-tiers-first-only',
      summary: 'The SDK reads only the first tier',
      detail: `The ICL lists ${list.length} tiers; the official SDK orders only the first (\`${String(list[0])}\`), while the converted spec accepts all of them.`,
      hint: 'Keep the tiers you mean in `placement.tiers`.',
      at,
    });
  }
  return out.size > 0 ? [...out] : undefined;
}
