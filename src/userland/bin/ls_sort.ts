// ls 9.1 sort_files(): the comparison functions (name by strcmp in the C locale; time, size,
// extension, version and width with the name breaking ties), -r swapping the arguments, and
// --group-directories-first (DIRFIRST_CHECK) put before the swap.
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { Entry, LsOpts } from './ls_types.ts';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

/** gnulib filevercmp.c order(): letters first, then '~' lowest, other bytes after letters. */
function order(s: string, pos: number, len: number): number {
  if (pos === len) return -1;
  const c = s[pos];
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -2;
  return c.charCodeAt(0) + 256;
}

/** verrevcmp(): non-digit runs by order(), digit runs as numbers (leading zeros skipped). */
function verrevcmp(a: string, alen: number, b: string, blen: number): number {
  let i = 0, j = 0;
  while (i < alen || j < blen) {
    let firstDiff = 0;
    while ((i < alen && !isDigit(a[i])) || (j < blen && !isDigit(b[j]))) {
      const ac = order(a, i, alen), bc = order(b, j, blen);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (i < alen && a[i] === '0') i++;
    while (j < blen && b[j] === '0') j++;
    while (i < alen && j < blen && isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < alen && isDigit(a[i])) return 1;
    if (j < blen && isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** file_prefixlen(): the length without the suffix, a run of (\.[A-Za-z~][A-Za-z0-9~]*)* at the end. */
function prefixLen(s: string): number {
  let prefix = 0;
  for (let i = 0; ;) {
    if (i === s.length) return prefix;
    i++;
    prefix = i;
    while (i + 1 < s.length && s[i] === '.' && (isAlpha(s[i + 1]) || s[i + 1] === '~')) {
      for (i += 2; i < s.length && (isAlpha(s[i]) || isDigit(s[i]) || s[i] === '~'); i++) continue;
    }
  }
}

/** gnulib filevercmp() (2022): ".", "..", then hidden names first; suffixes compared last. */
export function filevercmp(a: string, b: string): number {
  if (!a.length) return b.length ? -1 : 0;
  if (!b.length) return 1;
  if (a[0] === '.') {
    if (b[0] !== '.') return -1;
    if (a === '.') return b === '.' ? 0 : -1;
    if (b === '.') return 1;
    if (a === '..') return b === '..' ? 0 : -1;
    if (b === '..') return 1;
  } else if (b[0] === '.') return 1;
  const ap = prefixLen(a), bp = prefixLen(b);
  const onePass = ap === a.length && bp === b.length;
  const r = verrevcmp(a, ap, b, bp);
  return r || onePass ? r : verrevcmp(a, a.length, b, b.length);
}

const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** is_linked_directory(): a directory, or a symlink whose target is one. */
const linkedDir = (e: Entry): boolean => !!e.st && (S_ISDIR(e.st.mode) || (e.linkMode !== undefined && S_ISDIR(e.linkMode)));

/** The comparison sort_files() uses; `nameWidth` is the printed width of a name (--sort=width). */
export function compareFor(o: LsOpts, nameWidth: (e: Entry) => number): (a: Entry, b: Entry) => number {
  const ext = (n: string): string => { const i = n.lastIndexOf('.'); return i > 0 ? n.slice(i) : ''; };
  const t = (e: Entry): number => (o.time === 'atime' ? e.st?.atime : o.time === 'ctime' ? e.st?.ctime : o.time === 'birth' ? 0 : e.st?.mtime) ?? 0;
  let cmp: (a: Entry, b: Entry) => number;
  switch (o.sort) {
    case 'time': cmp = (a, b) => t(b) - t(a) || byName(a, b); break;
    case 'size': cmp = (a, b) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || byName(a, b); break;
    case 'extension': cmp = (a, b) => (ext(a.name) < ext(b.name) ? -1 : ext(a.name) > ext(b.name) ? 1 : byName(a, b)); break;
    case 'version': cmp = (a, b) => filevercmp(a.name, b.name) || byName(a, b); break;
    case 'width': cmp = (a, b) => nameWidth(a) - nameWidth(b) || byName(a, b); break;
    default: cmp = byName;
  }
  const sorted = o.reverse ? (a: Entry, b: Entry) => cmp(b, a) : cmp;
  if (!o.dirsFirst) return sorted;
  return (a, b) => {
    const ad = linkedDir(a), bd = linkedDir(b);
    if (ad !== bd) return ad ? -1 : 1;
    return sorted(a, b);
  };
}
