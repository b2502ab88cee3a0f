// uid/gid -> name from /etc/passwd and /etc/group, as getpwuid()/getgrgid() answer for ls, stat,
// ps and id: the first line with the id wins; a missing file means no names (numbers are shown).
import type { UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';

export interface IdNames {
  users: Map<number, string>;
  groups: Map<number, string>;
}

/** id -> name of one passwd/group file (its text, or the -errno of reading it). */
export function parseIdFile(t: string | number): Map<number, string> {
  const m = new Map<number, string>();
  if (typeof t === 'number') return m;
  for (const l of t.split('\n')) {
    const f = l.split(':');
    if (f.length >= 3 && !m.has(Number(f[2]))) m.set(Number(f[2]), f[0]);
  }
  return m;
}

export function* readIdNames(): UserGen<IdNames> {
  return { users: parseIdFile(yield* readFile('/etc/passwd')), groups: parseIdFile(yield* readFile('/etc/group')) };
}
