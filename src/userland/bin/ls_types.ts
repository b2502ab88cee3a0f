// What ls knows about each file and how it was asked to print them.
import { S_IFBLK, S_IFCHR, S_IFMT } from '../../uapi/fcntl.ts';
import type { Stat } from '../../uapi/syscalls.ts';

export { S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK, major, minor } from '../../uapi/fcntl.ts';

export const S_ISBLK_OR_CHR = (m: number): boolean => (m & S_IFMT) === S_IFCHR || (m & S_IFMT) === S_IFBLK;

export interface Entry {
  /** The name as given (operand) or the directory entry's name. */
  name: string;
  /** The path to reach it. */
  path: string;
  /** lstat (or stat when following); null when it could not be read. */
  st: Stat | null;
  /** For a symlink in long format: readlink(). */
  linkTarget?: string;
  owner: string;
  group: string;
}

export interface LsOpts {
  all: 'none' | 'almost' | 'all';
  directory: boolean;
  recursive: boolean;
  format: 'long' | 'one' | 'columns' | 'across' | 'commas';
  indicator: 'none' | 'slash' | 'classify';
  inode: boolean;
  size: boolean;
  human: boolean;
  numeric: boolean;
  owner: boolean;
  group: boolean;
  sort: 'name' | 'time' | 'size' | 'none' | 'extension';
  reverse: boolean;
  time: 'mtime' | 'atime' | 'ctime';
  dereference: boolean;
  /** Quote names with the shell-escape style (on a terminal, unless -N). */
  shellQuote: boolean;
  /** -Q (c) or -b (escape) quoting style: backslash escapes, -Q inside double quotes. */
  cStyle?: 'c' | 'escape';
  /** Boot's epoch second: stat times are ns since boot. */
  bootSec: number;
}
