// kernfs (fs/kernfs/dir.c, Linux 6.6) keeps a directory's children in an rbtree ordered by
// kernfs_name_hash() and then by name, and readdir walks that tree: `ls -f /sys/module`, and
// libkmod's readdir of /sys/module/NAME/holders (lsmod's "Used by", rmmod's "in use by"), list
// entries in this order, not in the order they were made. 2.6.20's sysfs kept a list instead.

const GOLDEN_RATIO_64 = 0x61c8864680b583ebn;
const U64 = (1n << 64n) - 1n;
const INT_MAX = 0x7fffffff;

/** kernfs_name_hash(name, NULL): partial_name_hash() per byte, end_name_hash() = hash_long(h, 32). */
export function kernfsNameHash(name: string): number {
  let hash = 0n;
  for (let i = 0; i < name.length; i++) {
    // *name++ is a (signed) char widened to unsigned long.
    const code = name.charCodeAt(i) & 0xff;
    const c = BigInt(code < 0x80 ? code : code - 0x100) & U64;
    hash = ((hash + ((c << 4n) & U64) + (c >> 4n)) * 11n) & U64;
  }
  let h = Number(((hash * GOLDEN_RATIO_64) & U64) >> 32n) & INT_MAX;
  // Hash numbers 0, 1 and INT_MAX are reserved for the magic entries ("." and "..", the end).
  if (h < 2) h += 2;
  if (h >= INT_MAX) h = INT_MAX - 1;
  return h;
}

/** Entries in kernfs readdir order: by hash, then strcmp() of the names. */
export function kernfsOrder<T>(entries: [string, T][]): [string, T][] {
  const keyed = entries.map((e) => ({ e, h: kernfsNameHash(e[0]) }));
  keyed.sort((a, b) => a.h - b.h || (a.e[0] < b.e[0] ? -1 : a.e[0] > b.e[0] ? 1 : 0));
  return keyed.map((x) => x.e);
}
