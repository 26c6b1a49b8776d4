/**
 * The one wallet's nonces, assigned locally and in order so a burst of transactions can be signed
 * and sent without waiting for each other's receipts. A nonce taken for a transaction that is then
 * never broadcast (its journal write failed, the node refused it outright) is given back: the
 * highest one simply rolls back, a lower one becomes a hole that the next transaction fills — a
 * hole left open would hold every later transaction out of a block forever.
 */
export class NonceBook {
  #next: number | null = null;
  readonly #holes = new Set<number>();

  /** True once the book knows where the wallet's nonces stand. */
  get started(): boolean {
    return this.#next !== null;
  }

  /** Starts (or moves forward) from the node's pending transaction count; never moves back. */
  sync(pendingCount: number): void {
    if (this.#next === null || pendingCount > this.#next) {
      this.#next = pendingCount;
      this.#holes.clear();
    }
  }

  /** The next nonce: the lowest hole, else one past the last. Call `sync` first. */
  take(): number {
    if (this.#next === null) throw new Error('NonceBook.take before sync');
    if (this.#holes.size > 0) {
      const lowest = Math.min(...this.#holes);
      this.#holes.delete(lowest);
      return lowest;
    }
    return this.#next++;
  }

  /** Gives back a nonce whose transaction was never broadcast. */
  release(nonce: number): void {
    if (this.#next === null || nonce >= this.#next) return;
    if (nonce !== this.#next - 1) {
      this.#holes.add(nonce);
      return;
    }
    this.#next = nonce;
    while (this.#holes.has(this.#next - 1)) {
      this.#holes.delete(this.#next - 1);
      this.#next -= 1;
    }
  }

  /** Forgets everything: the next `sync` starts from the node again. */
  reset(): void {
    this.#next = null;
    this.#holes.clear();
  }
}
