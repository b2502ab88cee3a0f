// File modes: gnulib modechange (chmod/mkdir -m symbolic and octal modes) and filemodestring
// (ls -l and stat's "-rwxr-xr-x").
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX } from '../../uapi/fcntl.ts';

interface Change {
  op: '+' | '-' | '=';
  flag: 'ordinary' | 'copy' | 'x-if-any-x';
  /** Bits the "who" letters select; 0 when none were given (the umask applies instead). */
  affected: number;
  value: number;
  /** Bits the change names: a directory keeps set-id bits it does not name. */
  mentioned: number;
}

export type ModeSpec = Change[];

const ALL = 0o7777;
const S_IRWXUGO = 0o777;
const WHO_BITS: Record<string, number> = { u: S_ISUID | 0o700, g: S_ISGID | 0o070, o: S_ISVTX | 0o007, a: ALL };
const COPY_BITS: Record<string, number> = { u: 0o700, g: 0o070, o: 0o007 };

/** gnulib mode_compile(): null when the mode string is invalid. */
export function compileMode(s: string): ModeSpec | null {
  if (/^[0-7]+$/.test(s)) {
    const n = parseInt(s, 8);
    if (n > ALL) return null;
    const mentioned = s.length < 5 ? (n & (S_ISUID | S_ISGID)) | S_ISVTX | S_IRWXUGO : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: n, mentioned }];
  }
  const changes: Change[] = [];
  for (const clause of s.split(',')) {
    let i = 0;
    let affected = 0;
    while (i < clause.length && 'ugoa'.includes(clause[i])) affected |= WHO_BITS[clause[i++]];
    if (i >= clause.length) return null;
    while (i < clause.length) {
      const op = clause[i++];
      if (op !== '+' && op !== '-' && op !== '=') return null;
      let value = 0;
      let flag: Change['flag'] = 'ordinary';
      if (i < clause.length && 'ugo'.includes(clause[i])) {
        value = COPY_BITS[clause[i++]];
        flag = 'copy';
      } else {
        while (i < clause.length && 'rwxXst'.includes(clause[i])) {
          switch (clause[i++]) {
            case 'r': value |= 0o444; break;
            case 'w': value |= 0o222; break;
            case 'x': value |= 0o111; break;
            case 'X': flag = 'x-if-any-x'; break;
            case 's': value |= S_ISUID | S_ISGID; break;
            case 't': value |= S_ISVTX; break;
          }
        }
      }
      changes.push({ op, flag, affected, value, mentioned: affected ? affected & value : value });
      if (i < clause.length && !'+-='.includes(clause[i])) return null;
    }
  }
  return changes;
}

/** gnulib mode_adjust(): the new permission bits for a file of `oldMode`. */
export function adjustMode(oldMode: number, isDir: boolean, spec: ModeSpec, umask: number): number {
  let mode = oldMode & ALL;
  for (const c of spec) {
    const omit = isDir ? (S_ISUID | S_ISGID) & ~c.mentioned : 0;
    let value = c.value;
    if (c.flag === 'copy') {
      value &= mode;
      value |= (value & 0o444 ? 0o444 : 0) | (value & 0o222 ? 0o222 : 0) | (value & 0o111 ? 0o111 : 0);
    } else if (c.flag === 'x-if-any-x' && ((mode & 0o111) || isDir)) value |= 0o111;
    value &= (c.affected ? c.affected : ~umask) & ~omit;
    if (c.op === '=') {
      const preserved = (c.affected ? ~c.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (c.op === '+') mode |= value;
    else mode &= ~value;
  }
  return mode & ALL;
}

function typeLetter(mode: number): string {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '-';
  }
}

/** The nine rwx letters with s/S/t/T. */
export function permString(mode: number): string {
  const rwx = (bits: number, special: boolean, ch: string): string =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return rwx((mode >> 6) & 7, (mode & S_ISUID) !== 0, 's') + rwx((mode >> 3) & 7, (mode & S_ISGID) !== 0, 's') +
    rwx(mode & 7, (mode & S_ISVTX) !== 0, 't');
}

/** filemodestring(): "drwxr-xr-x". */
export function modeString(mode: number): string {
  return typeLetter(mode) + permString(mode);
}
