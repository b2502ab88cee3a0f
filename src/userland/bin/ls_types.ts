// What ls knows about each file and how it was asked to print them.
import { S_IFBLK, S_IFCHR, S_IFMT } from '../../uapi/fcntl.ts';
import type { Stat } from '../../uapi/syscalls.ts';
import type { Units } from './df_table.ts';

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
  /** The target's mode, for -F after " -> " and --group-directories-first (ls's linkmode). */
  linkMode?: number;
  /** --hyperlink: canonicalize_filename_mode() of the path. */
  absolute?: string;
  owner: string;
  group: string;
}

export interface LsOpts {
  all: 'none' | 'almost' | 'all';
  directory: boolean;
  recursive: boolean;
  format: 'long' | 'one' | 'columns' | 'across' | 'commas';
  indicator: 'none' | 'slash' | 'file-type' | 'classify';
  inode: boolean;
  size: boolean;
  /** -s and "total": ST_NBLOCKS (512-byte units) shown in these units (output_block_size). */
  blocks: Units;
  /** The -l size column: bytes in these units (file_output_block_size). */
  fileSize: Units;
  numeric: boolean;
  owner: boolean;
  group: boolean;
  /** --author: st_author, which is st_uid on Linux. */
  author: boolean;
  /** -Z: the security context column, '?' without SELinux. */
  context: boolean;
  sort: 'name' | 'time' | 'size' | 'none' | 'extension' | 'version' | 'width';
  dirsFirst: boolean;
  reverse: boolean;
  time: 'mtime' | 'atime' | 'ctime' | 'birth';
  dereference: boolean;
  /** -H / --dereference-command-line-symlink-to-dir. */
  derefArgs: 'default' | 'all' | 'dirs';
  /** A quoting style asked for (-N -Q -b --quoting-style --zero), else the terminal decides. */
  quoting: 'literal' | 'shell' | 'c' | 'escape' | null;
  /** -q: nonprinting bytes as '?' (the default on a terminal). */
  qmark: boolean | null;
  /** -I and -B patterns (always), --hide patterns (only without -a/-A). */
  ignore: string[];
  hide: string[];
  /** The byte that ends each entry: '\0' with --zero. */
  eol: string;
  /** --hyperlink: the host name for file:// links, or null for none. */
  hyperlink: string | null;
  /** -T: tab stops for -C/-x alignment (0: spaces only). */
  tabsize: number;
  /** The long format's time formats: [older than six months or future, recent]. */
  timeFormats: [string, string];
  /** -D with -l: Emacs dired's indented lines and byte offsets. */
  dired: boolean;
  /** The quoting style's name, for //DIRED-OPTIONS//. */
  quotingName: string;
  /** Quote names with the shell-escape style (on a terminal, unless -N). */
  shellQuote: boolean;
  /** -Q (c) or -b (escape) quoting style: backslash escapes, -Q inside double quotes. */
  cStyle?: 'c' | 'escape';
  /** Boot's epoch second: stat times are ns since boot. */
  bootSec: number;
}
