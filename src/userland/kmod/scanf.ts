// sscanf()'s %u, for the two places kmod parses numbers with it (static-nodes' modules.devname
// lines and depmod's char-/block-major aliases): blanks are skipped, a sign is taken, the digits
// go through strtoul() (too big: ULONG_MAX; negative: wrapped), and the unsigned int keeps the
// low 32 bits.

const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);

/** %u at s[i]: the value and the index after it, or null when no digit follows. */
export function scanU32(s: string, i: number): [number, number] | null {
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  const at = i;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  if (i === at) return null;
  let v = BigInt(s.slice(at, i));
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  else if (neg) v = (1n << 64n) - v;
  return [Number(v & 0xffffffffn), i];
}

/** sscanf(s, "<literal>%u-%u", &a, &b) == 2. */
export function scanMajorMinor(s: string, literal: string): [number, number] | null {
  if (!s.startsWith(literal)) return null;
  const a = scanU32(s, literal.length);
  if (a === null || s[a[1]] !== '-') return null;
  const b = scanU32(s, a[1] + 1);
  return b === null ? null : [a[0], b[0]];
}
