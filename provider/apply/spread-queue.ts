/**
 * Under `spread: provider` every slot must land on a different provider, but slots created in
 * parallel cannot see each other's providers until they match: left alone, every order would go
 * to the same cheapest provider. The queue serialises only the order → match part of one
 * resource's new slots and hands each the providers its predecessors in this run matched, to
 * exclude; manifests and readiness still proceed in parallel.
 */
export interface SpreadQueue {
  /** Runs `fn` after the resource's earlier placements; `claimed` holds their providers. */
  run<T>(
    resource: string,
    fn: (claimed: ReadonlySet<string>) => Promise<{ result: T; provider: string | null }>,
  ): Promise<T>;
}

/** A queue per session: one chain of placements per resource address. */
export function createSpreadQueue(): SpreadQueue {
  const tails = new Map<string, Promise<unknown>>();
  const claimed = new Map<string, Set<string>>();
  return {
    run(resource, fn) {
      const mine = claimed.get(resource) ?? new Set<string>();
      claimed.set(resource, mine);
      const prev = tails.get(resource) ?? Promise.resolve();
      const next = prev.then(async () => {
        const { result, provider } = await fn(mine);
        if (provider !== null) mine.add(provider.toLowerCase());
        return result;
      });
      // A failed placement must not stop the slots queued behind it.
      tails.set(
        resource,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}
