// Field splitting, a port of dash's ifsbreakup() (expand.c) over expansion segments instead of a
// CTLESC-marked string. Only segments produced by unquoted expansions are split; IFS whitespace
// at the start of a field is skipped, one non-whitespace IFS character ends a field (possibly
// empty), and a trailing delimiter makes no empty last field. Unquoted $@/$* separate their
// parameters with NUL, which dash's strchr(ifs, c) treats as IFS whitespace even when IFS is
// empty; quoted "$@" separates them with hard breaks that always delimit a field.

/** One piece of an expanded word. */
export interface Seg {
  s: string;
  /** Quoted: never split, and its characters are literal for globbing. */
  q: boolean;
  /** From an unquoted expansion: subject to field splitting. */
  split: boolean;
  /** A hard field break between the parameters of "$@". */
  brk?: boolean;
  /** A "$@" parameter: makes its field exist even when empty. */
  keep?: boolean;
  /** An empty nulonly region left behind by ${v=word} (see evalvar's '=' case). */
  nul?: boolean;
}

/** A finished field: its pieces with their quoting (for globbing). */
export type Field = { s: string; q: boolean }[];

const DEFIFS = ' \t\n';

/** Split the segments of one word into fields; `ifs` is $IFS, or null when IFS is unset. */
export function ifsbreakup(segs: Seg[], ifs: string | null, split: boolean): Field[] {
  const realifs = ifs === null ? DEFIFS : ifs;
  const fields: Field[] = [];
  let cur: Field = [];
  // Whether the field has characters yet (dash's q == start): quoted text, even "", leaves its
  // CTLQUOTEMARKs there, but an empty "$@" parameter leaves nothing.
  let curChars = false;
  let lastWasKeep = false;
  // dash's afternul: the previous IFS region was a quoted "$@" (nulonly); in the region right
  // after it IFS whitespace is not whitespace (each character ends a field, none is skipped).
  let prevNul = false;
  for (const seg of segs) {
    if (seg.brk) {
      fields.push(cur);
      cur = [];
      curChars = false;
      lastWasKeep = true;
      prevNul = true;
      continue;
    }
    if (seg.nul) {
      lastWasKeep = true;
      prevNul = true;
      continue;
    }
    lastWasKeep = !!seg.keep;
    if (seg.keep) prevNul = true;
    if (!split || !seg.split) {
      if (seg.s !== '' || seg.q || seg.keep) cur.push({ s: seg.s, q: seg.q });
      if (seg.s !== '' || (seg.q && !seg.keep)) curChars = true;
      continue;
    }
    const afternul = prevNul;
    prevNul = false;
    let ifsspc = false;
    let pend = '';
    const s = seg.s;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      let isifs = c === '\0' || realifs.includes(c);
      const isdefifs = isifs && (c === '\0' || DEFIFS.includes(c));
      if (ifsspc) {
        if (isdefifs) continue;
        if (isifs) {
          // A non-whitespace delimiter right after whitespace that ended a field is absorbed.
          ifsspc = false;
          continue;
        }
        isifs = false;
      }
      if (isifs) {
        if (!afternul) ifsspc = isdefifs;
        if (ifsspc && !curChars && pend === '') {
          ifsspc = false;
          continue;
        }
        if (pend !== '') cur.push({ s: pend, q: false });
        pend = '';
        fields.push(cur);
        cur = [];
        curChars = false;
        continue;
      }
      ifsspc = false;
      pend += c;
    }
    if (pend !== '') {
      cur.push({ s: pend, q: false });
      curChars = true;
    }
  }
  if (curChars || lastWasKeep) fields.push(cur);
  return fields;
}

/** The field's text after quote removal. */
export function fieldText(f: Field): string {
  if (f.length === 1) return f[0].s;
  let s = '';
  for (const c of f) s += c.s;
  return s;
}

/** Does the field contain an unquoted glob character? */
export function fieldHasMeta(f: Field, ext = false): boolean {
  for (const c of f) {
    if (!c.q && (ext ? /[*?[]|[+@!]\(/ : /[*?[]/).test(c.s)) return true;
  }
  return false;
}

/** The field as a pmatch pattern: quoted characters backslash-escaped, the rest as is. */
export function fieldPattern(f: Field): string {
  let p = '';
  for (const c of f) p += c.q ? escapeGlob(c.s) : c.s;
  return p;
}

export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]\-!:()|@+]/g, '\\$&');
}
