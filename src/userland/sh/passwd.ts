// getpwnam() for ~user: the home directory field of /etc/passwd, read through the syscalls.
import type { UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';

export function* getpwdir(name: string): UserGen<string | null> {
  const text = yield* readFile('/etc/passwd');
  if (typeof text === 'number') return null;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && f[0] === name) return f[5];
  }
  return null;
}

/** getpwuid(uid)->pw_name. */
export function* getpwname(uid: number): UserGen<string | null> {
  const text = yield* readFile('/etc/passwd');
  if (typeof text === 'number') return null;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && Number(f[2]) === uid) return f[0];
  }
  return null;
}
