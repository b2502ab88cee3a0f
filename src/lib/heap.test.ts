import { describe, expect, it } from 'vitest';
import { Heap } from './heap.ts';

/** A small deterministic generator (xorshift32): the test needs no Math.random. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

interface Item { key: number; seq: number }
const less = (a: Item, b: Item): boolean => a.key < b.key || (a.key === b.key && a.seq < b.seq);

describe('Heap', () => {
  it('pops in order, ties broken by the caller, through interleaved pushes and pops', () => {
    const next = rng(42);
    const h = new Heap<Item>(less);
    const model: Item[] = [];
    let seq = 0;
    const popped: Item[] = [];
    const expected: Item[] = [];
    for (let step = 0; step < 20_000; step++) {
      if (next() % 3 !== 0 || model.length === 0) {
        const it: Item = { key: next() % 50, seq: seq++ };
        h.push(it);
        model.push(it);
      } else {
        model.sort((a, b) => (less(a, b) ? -1 : 1));
        expected.push(model.shift()!);
        popped.push(h.pop()!);
      }
      expect(h.size).toBe(model.length);
    }
    model.sort((a, b) => (less(a, b) ? -1 : 1));
    while (h.size) popped.push(h.pop()!);
    expected.push(...model);
    expect(popped).toEqual(expected);
    expect(h.pop()).toBeUndefined();
    expect(h.peek()).toBeUndefined();
  });

  it('peeks at the least item without removing it', () => {
    const h = new Heap<Item>(less);
    for (const key of [5, 3, 9, 3, 1]) h.push({ key, seq: key * 10 });
    expect(h.peek()).toEqual({ key: 1, seq: 10 });
    expect(h.size).toBe(5);
    expect([h.pop(), h.pop(), h.pop()].map((x) => x!.key)).toEqual([1, 3, 3]);
  });
});
