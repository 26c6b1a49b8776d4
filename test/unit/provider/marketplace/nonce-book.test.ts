import { describe, expect, it } from '@jest/globals';
import { NonceBook } from '../../../../provider/marketplace/nonce-book.js';

describe('NonceBook', () => {
  it('GIVEN a synced book WHEN a burst takes nonces THEN they are consecutive, in order, without asking the node again', () => {
    const book = new NonceBook();
    book.sync(5);
    expect(Array.from({ length: 5 }, () => book.take())).toEqual([5, 6, 7, 8, 9]);
  });

  it('GIVEN the last nonce given back WHEN the next is taken THEN it is reused (no gap)', () => {
    const book = new NonceBook();
    book.sync(0);
    book.take();
    const second = book.take();
    book.release(second);
    expect(book.take()).toBe(second);
  });

  it('GIVEN a middle nonce given back WHEN the next is taken THEN the hole is filled first, then the count goes on', () => {
    const book = new NonceBook();
    book.sync(10);
    const [a, b, c] = [book.take(), book.take(), book.take()];
    book.release(b);
    expect([a, c]).toEqual([10, 12]);
    expect(book.take()).toBe(11);
    expect(book.take()).toBe(13);
  });

  it('GIVEN holes below the released top WHEN the top is released THEN the count rolls back over them', () => {
    const book = new NonceBook();
    book.sync(0);
    [0, 1, 2, 3].forEach(() => book.take());
    book.release(2);
    book.release(1);
    book.release(3);
    expect(book.take()).toBe(1);
  });

  it('GIVEN a node count behind the local one WHEN synced THEN the book never moves back', () => {
    const book = new NonceBook();
    book.sync(3);
    book.take();
    book.sync(2);
    expect(book.take()).toBe(4);
    book.sync(9);
    expect(book.take()).toBe(9);
  });

  it('GIVEN a reset WHEN used again THEN it must be synced from the node first', () => {
    const book = new NonceBook();
    book.sync(1);
    book.reset();
    expect(book.started).toBe(false);
    expect(() => book.take()).toThrow('before sync');
  });
});
