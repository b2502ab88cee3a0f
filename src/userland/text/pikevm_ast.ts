// The subset of JavaScript RegExp source that translate() (regex.ts) and its callers (grep -x/-w,
// expr's anchor) emit, read back into a small tree for the linear matcher (pikevm.ts): literals,
// \xHH and escaped punctuation, classes over bytes, (?:..), (..), |, * + ? {m} {m,} {m,n} (greedy
// only), ^ $ \b \B, one-character lookarounds ((?=C) (?!C) (?<=C) (?<!C)) and back-references.
// Anything else throws PikeUnsupported and the caller keeps JavaScript's RegExp.

export class PikeUnsupported extends Error {}

/** A set of UTF-16 code units: the bytes in `bytes`, and every unit >= 256 when `high`. */
export interface CharSet {
  bytes: Uint8Array;
  high: boolean;
}

export type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  /** `group` is the capture number, 0 for (?:..). */
  | { t: 'group'; group: number; body: Node }
  /** Groups firstGroup..lastGroup (inclusive; none when last < first) lie inside the body. */
  | { t: 'rep'; body: Node; min: number; max: number; firstGroup: number; lastGroup: number }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'look'; behind: boolean; negate: boolean; set: CharSet }
  | { t: 'backref'; group: number };

export interface Parsed {
  node: Node;
  /** Number of capturing groups. */
  ngroups: number;
  backrefs: boolean;
}

/** Bytes only: translate() never names a code unit above 0xff (text is binary strings). */
function setOf(codes: number[], negate = false): CharSet {
  const bytes = new Uint8Array(256);
  for (const c of codes) {
    if (c > 255) throw new PikeUnsupported('code unit above 0xff');
    bytes[c] = 1;
  }
  if (negate) for (let c = 0; c < 256; c++) bytes[c] ^= 1;
  return { bytes, high: negate };
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };

/** Parse JavaScript RegExp source (no flags) of the subset above. */
export function parseJsRegex(src: string): Parsed {
  let i = 0;
  let ngroups = 0;
  let backrefs = false;
  const fail = (): never => {
    throw new PikeUnsupported(`unsupported regex construct at ${i} in ${src}`);
  };

  /** One character after a backslash outside a class (i is past the backslash). */
  const escapeCode = (): number => {
    const d = src[i++];
    if (d === undefined) fail();
    if (d === 'x' && /^[0-9a-fA-F]{2}/.test(src.slice(i, i + 2))) {
      i += 2;
      return parseInt(src.slice(i - 2, i), 16);
    }
    if (d in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[d];
    if (/[\\^$.|?*+()[\]{}/-]/.test(d)) return d.charCodeAt(0);
    return fail();
  };

  const parseClass = (): CharSet => {
    i++; // '['
    const negate = src[i] === '^';
    if (negate) i++;
    const codes: number[] = [];
    const one = (): number => {
      const ch = src[i];
      if (ch === undefined) fail();
      if (ch !== '\\') {
        i++;
        return ch.charCodeAt(0);
      }
      i++;
      if (src[i] === 'b') return fail(); // [\b] is backspace in JS; translate never emits it
      return escapeCode();
    };
    while (src[i] !== ']') {
      const lo = one();
      if (src[i] === '-' && src[i + 1] !== ']' && src[i + 1] !== undefined) {
        i++;
        const hi = one();
        if (hi < lo) fail();
        for (let c = lo; c <= Math.min(hi, 256); c++) codes.push(c); // > 255 is refused by setOf
      } else codes.push(lo);
    }
    i++; // ']'
    return setOf(codes, negate);
  };

  /** A single-character atom inside a lookaround. */
  const lookSet = (): CharSet => {
    if (src[i] === '[') return parseClass();
    if (src[i] === '\\') {
      i++;
      return setOf([escapeCode()]);
    }
    if (src[i] === undefined || '()|?*+{^$.'.includes(src[i])) return fail();
    return setOf([src.charCodeAt(i++)]);
  };

  const disjunction = (): Node => {
    const alts: Node[] = [alternative()];
    while (src[i] === '|') {
      i++;
      alts.push(alternative());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  };

  const alternative = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(term());
    return items.length === 1 ? items[0] : { t: 'cat', items };
  };

  const term = (): Node => {
    const groupsBefore = ngroups;
    const a = atom();
    const q = quantifier();
    if (!q) return a;
    if (a.t === 'assert' || a.t === 'look') fail(); // JS refuses most of these; translate wraps them
    return { t: 'rep', body: a, min: q[0], max: q[1], firstGroup: groupsBefore + 1, lastGroup: ngroups };
  };

  const quantifier = (): [number, number] | null => {
    const c = src[i];
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q) i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return fail(); // a literal '{' is always escaped by translate
      i += m[0].length;
      const lo = Number(m[1]);
      q = [lo, m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3])];
      if (q[1] < q[0]) fail();
    }
    if (q && (src[i] === '?' || src[i] === '*' || src[i] === '+' || src[i] === '{')) fail(); // lazy / stacked
    return q;
  };

  const atom = (): Node => {
    const c = src[i];
    if (c === '(') {
      i++;
      let group = 0;
      let look: { behind: boolean; negate: boolean } | null = null;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        look = { behind: false, negate: src[i + 1] === '!' };
        i += 2;
      } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
        look = { behind: true, negate: src[i + 2] === '!' };
        i += 3;
      } else if (src[i] === '?') fail();
      else group = ++ngroups;
      if (look) {
        const set = lookSet();
        if (src[i++] !== ')') fail();
        return { t: 'look', ...look, set };
      }
      const body = disjunction();
      if (src[i++] !== ')') fail();
      return { t: 'group', group, body };
    }
    if (c === '[') return { t: 'set', set: parseClass() };
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert', kind: c };
    }
    if (c === '\\') {
      const d = src[i + 1];
      if (d === 'b' || d === 'B') {
        i += 2;
        return { t: 'assert', kind: d };
      }
      if (d >= '1' && d <= '9') {
        // translate checks a reference names an earlier group; a multi-digit one never occurs.
        i += 2;
        if (/[0-9]/.test(src[i] ?? '')) fail();
        backrefs = true;
        return { t: 'backref', group: Number(d) };
      }
      i++;
      return { t: 'set', set: setOf([escapeCode()]) };
    }
    if ('*+?{.'.includes(c)) fail(); // translate writes any byte as [^], never '.'
    i++;
    return { t: 'set', set: setOf([c.charCodeAt(0)]) };
  };

  const node = disjunction();
  if (i !== src.length) fail();
  return { node, ngroups, backrefs };
}

/**
 * Whether V8's backtracking can take more than polynomial-of-low-degree time on this tree: a
 * repetition whose body (more than one character) itself repeats or alternates, as `(a*)*`,
 * `(a|a)*`, or a counted repetition of such a body (`(ab|a){1,30}`), whose copies multiply the
 * ways to split the text.
 */
export function isRisky(n: Node): boolean {
  switch (n.t) {
    case 'cat': return n.items.some(isRisky);
    case 'alt': return n.alts.some(isRisky);
    case 'group': return isRisky(n.body);
    case 'rep': {
      if (n.body.t === 'set') return false;
      const counted = n.min > 1 || (n.max !== Infinity && n.max > 1);
      return counted || branches(n.body) || isRisky(n.body);
    }
    default: return false;
  }
}

/** The tree holds a repetition or an alternation. */
function branches(n: Node): boolean {
  switch (n.t) {
    case 'rep': case 'alt': return true;
    case 'cat': return n.items.some(branches);
    case 'group': return branches(n.body);
    default: return false;
  }
}
