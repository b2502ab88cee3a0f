// kmod's shared/hash.c: the order in which hash_iter_next() walks a table. depmod writes
// modules.symbols by iterating its symbol hash (output_symbols()), so the text file lists the
// symbols in bucket order, not in module order. A bucket keeps its entries sorted by strcmp()
// (hash_add() inserts in place), and the bucket is hash_superfast(key) & (n_buckets - 1).

/** hash_superfast() (Paul Hsieh's SuperFastHash) over a binary string, as unsigned 32-bit. */
export function hashSuperfast(key: string): number {
  let len = key.length;
  let hash = len >>> 0;
  const rem = len & 3;
  const u16 = (i: number): number => (key.charCodeAt(i) & 0xff) | ((key.charCodeAt(i + 1) & 0xff) << 8);
  let p = 0;
  for (len >>>= 2; len > 0; len--) {
    hash = (hash + u16(p)) >>> 0;
    const tmp = ((u16(p + 2) << 11) ^ hash) >>> 0;
    hash = ((hash << 16) ^ tmp) >>> 0;
    p += 4;
    hash = (hash + (hash >>> 11)) >>> 0;
  }
  switch (rem) {
    case 3:
      hash = (hash + u16(p)) >>> 0;
      hash = (hash ^ (hash << 16)) >>> 0;
      hash = (hash ^ ((key.charCodeAt(p + 2) & 0xff) << 18)) >>> 0;
      hash = (hash + (hash >>> 11)) >>> 0;
      break;
    case 2:
      hash = (hash + u16(p)) >>> 0;
      hash = (hash ^ (hash << 11)) >>> 0;
      hash = (hash + (hash >>> 17)) >>> 0;
      break;
    case 1:
      hash = (hash + (key.charCodeAt(p) & 0xff)) >>> 0;
      hash = (hash ^ (hash << 10)) >>> 0;
      hash = (hash + (hash >>> 1)) >>> 0;
  }
  hash = (hash ^ (hash << 3)) >>> 0;
  hash = (hash + (hash >>> 5)) >>> 0;
  hash = (hash ^ (hash << 4)) >>> 0;
  hash = (hash + (hash >>> 17)) >>> 0;
  hash = (hash ^ (hash << 25)) >>> 0;
  hash = (hash + (hash >>> 6)) >>> 0;
  return hash;
}

/** The keys in hash_iter order for a table of nBuckets (a power of two) buckets. */
export function hashIterOrder(keys: Iterable<string>, nBuckets: number): string[] {
  const bucket = (k: string): number => hashSuperfast(k) & (nBuckets - 1);
  return [...keys]
    .map((k) => ({ k, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
    .map((e) => e.k);
}
