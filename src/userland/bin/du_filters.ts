// du 9.1's selections: --exclude/-X patterns as gnulib exclude.c matches them (EXCLUDE_WILDCARDS,
// not anchored: fnmatch(pattern, path, 0) or on any part after a '/'), -t/--threshold's
// xstrtoimax argument, and --time-style's formats.
import { fnmatch } from '../../lib/fnmatch.ts';

/** excluded_file_name() for unanchored wildcard patterns. */
export function excluded(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => {
    if (fnmatch(p, path)) return true;
    for (let i = 0; i < path.length; i++) if (path[i] === '/' && path[i + 1] !== '/' && fnmatch(p, path.slice(i + 1))) return true;
    return false;
  });
}

/** add_exclude_fp() with '\n': lines without trailing white space; blank ones dropped. */
export function excludeLines(data: string): string[] {
  return data.split('\n').map((l) => l.replace(/[ \t\n\v\f\r]+$/, '')).filter((l) => l !== '');
}

const POW: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/** xstrtoimax(arg, "kKmMGTPEZY0") for -t: the number, or the xstrtol_fatal() message start. */
export function threshold(arg: string): number | 'invalid' | 'invalid suffix in' {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(.*)$/.exec(arg);
  if (!m) return 'invalid';
  let n = /^0[xX]/.test(m[2]) ? parseInt(m[2], 16) : m[2].length > 1 && m[2][0] === '0' ? parseInt(m[2], 8) : Number(m[2]);
  const suf = m[3];
  if (suf !== '') {
    const pow = POW[suf[0]];
    const tail = suf.slice(1);
    if (pow === undefined || !(tail === '' || tail === 'B' || tail === 'iB')) return 'invalid suffix in';
    n *= (tail === 'B' ? 1000 : 1024) ** pow;
  }
  return m[1] === '-' ? -n : n;
}

export const DU_TIME_STYLES = [['full-iso'], ['long-iso'], ['iso']];
export const DU_TIME_FORMATS = ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M', '%Y-%m-%d'];

/** One --files0-from entry: a name, or the diagnostic du.c prints in its place. */
export type Files0Entry = { name: string } | { error: string };

/** The entries of a --files0-from list (read whole; du walks each as it comes). */
export function files0Entries(from: string, data: string): Files0Entry[] {
  const names = data.split('\0');
  if (names[names.length - 1] === '') names.pop();
  return names.map((n, i) => (from === '-' && n === '-' ? { error: "when reading file names from stdin, no file name of '-' allowed" }
    : n === '' ? { error: `${from}:${i + 1}: invalid zero-length file name` } : { name: n }));
}
