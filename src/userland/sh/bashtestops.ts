// The primaries of bash 5.2's test builtin and [[ ]]: test.c's test_unop()/test_binop() (which
// words are operators), unary_test() and binary_test() (what they compute), and legal_number()
// from general.c (bash's integer operands). The argument-count rules and expr/term grammar that
// call these live in bashtest.ts.
import type { UserGen } from '../../uapi/syscalls.ts';
import type { Stat } from '../../uapi/fcntl.ts';
import { R_OK, S_IFMT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID,
  S_ISVTX, W_OK, X_OK } from '../../uapi/fcntl.ts';
import { access, getegid, geteuid, lstat, stat, tcgetattr } from '../lib/sys.ts';
import type { ShState } from './state.ts';
import { VNAMEREF } from './state.ts';
import { arrayValues, getElement } from './basharray.ts';
import { lookupvar } from './vars.ts';
import { BASH_SET_O } from './builtins/set.ts';

const INTMAX = (1n << 63n) - 1n;
const INTMIN = -(1n << 63n);

/**
 * general.c legal_number(): strtoimax(s, &ep, 10) (leading isspace, an optional sign, digits;
 * overflow is an error), then only blanks (space, tab) may follow. null when not a number.
 */
export function legalNumber(s: string): bigint | null {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i])) i++;
  let j = i;
  if (s[j] === '+' || s[j] === '-') j++;
  const digits = j;
  while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
  if (j === digits) return null;
  const v = BigInt(s.slice(i, j));
  if (v > INTMAX || v < INTMIN) return null;
  while (s[j] === ' ' || s[j] === '\t') j++;
  return j === s.length ? v : null;
}

/** test_unop(): `-` and one of bash's unary operator letters. */
export function testUnop(op: string): boolean {
  return op.length === 2 && op[0] === '-' && 'abcdefghknoprstuvwxzGLOSNR'.includes(op[1]);
}

/** test_binop(): = == != < > and the three-letter -nt -ot -lt -gt -eq -ef -ne -ge -le. */
export function testBinop(op: string): boolean {
  if (op === '=' || op === '<' || op === '>' || op === '==' || op === '!=') return true;
  return /^-(?:[nolg]t|e[qf]|[ngl]e)$/.test(op);
}

/** A failed lookup is -errno; sh_stat() also fails on "" (ENOENT). */
function* shStat(path: string): UserGen<Stat | null> {
  if (path === '') return null;
  const r = yield* stat(path);
  return typeof r === 'number' ? null : r;
}

/** path_is_devfd(): /dev/fd/N and /dev/std{in,out,err}, which sh_eaccess() checks by stat. */
function isDevFd(path: string): boolean {
  if (path.startsWith('/dev/fd/')) return legalNumber(path.slice(8)) !== null;
  return path === '/dev/stdin' || path === '/dev/stdout' || path === '/dev/stderr';
}

/** sh_eaccess(): faccessat(AT_EACCESS), except sh_stataccess() for the /dev/fd names. */
function* shEaccess(path: string, mode: number): UserGen<boolean> {
  if (!isDevFd(path)) return (yield* access(path, mode)) === 0;
  const st = yield* shStat(path);
  if (!st) return false;
  const euid = yield* geteuid();
  if (euid === 0) {
    // Root reads and writes anything, and executes what has any execute bit.
    if (!(mode & X_OK) || st.mode & 0o111) return true;
  }
  // group_member() also looks at the supplementary groups; we check the effective gid only.
  if (st.uid === euid) mode <<= 6;
  else if (st.gid === (yield* getegid())) mode <<= 3;
  return (st.mode & mode) !== 0;
}

/**
 * -v: NAME[SUB] is a set element (SUB @ or *: any), a number N is a set positional parameter
 * ($0 always is), else NAME is set (an array: its element 0, as lookupvar gives).
 */
function varIsSet(sh: ShState, arg: string): boolean {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(arg);
  if (m) {
    if (m[2] === '@' || m[2] === '*') return arrayValues(sh, m[1]).length > 0;
    return getElement(sh, m[1], m[2]) !== null;
  }
  const n = legalNumber(arg);
  if (n !== null) return n >= 0n && n <= BigInt(sh.params.length);
  return lookupvar(sh, arg) !== null;
}

/** minus_o_option_value() == 1: `set -o NAME` is on; an unknown NAME is simply false. */
function optionIsOn(sh: ShState, name: string): boolean {
  const row = BASH_SET_O.find(([n]) => n === name);
  return !!row && !!sh.opts[row[1]];
}

/** unary_test(): OP is one test_unop() accepts. */
export function* unaryTest(sh: ShState, op: string, arg: string): UserGen<boolean> {
  const fileType = function* (type: number): UserGen<boolean> {
    const st = yield* shStat(arg);
    return !!st && (st.mode & S_IFMT) === type;
  };
  const modeBit = function* (bit: number): UserGen<boolean> {
    const st = yield* shStat(arg);
    return !!st && (st.mode & bit) !== 0;
  };
  switch (op[1]) {
    case 'a': case 'e': return (yield* shStat(arg)) !== null;
    case 'r': return yield* shEaccess(arg, R_OK);
    case 'w': return yield* shEaccess(arg, W_OK);
    case 'x': return yield* shEaccess(arg, X_OK);
    case 'O': {
      const st = yield* shStat(arg);
      return !!st && st.uid === (yield* geteuid());
    }
    case 'G': {
      const st = yield* shStat(arg);
      return !!st && st.gid === (yield* getegid());
    }
    case 'N': {
      const st = yield* shStat(arg);
      return !!st && st.mtime > st.atime;
    }
    case 'f': {
      // A mode without a file type counts as a regular file too.
      const st = yield* shStat(arg);
      return !!st && ((st.mode & S_IFMT) === S_IFREG || (st.mode & S_IFMT) === 0);
    }
    case 'd': return yield* fileType(S_IFDIR);
    case 's': {
      const st = yield* shStat(arg);
      return !!st && st.size > 0;
    }
    case 'S': return yield* fileType(S_IFSOCK);
    case 'c': return yield* fileType(S_IFCHR);
    case 'b': return yield* fileType(S_IFBLK);
    case 'p': return yield* fileType(S_IFIFO);
    case 'L': case 'h': {
      if (arg === '') return false;
      const st = yield* lstat(arg);
      return typeof st !== 'number' && (st.mode & S_IFMT) === S_IFLNK;
    }
    case 'u': return yield* modeBit(S_ISUID);
    case 'g': return yield* modeBit(S_ISGID);
    case 'k': return yield* modeBit(S_ISVTX);
    case 't': {
      // isatty((int)r), and r must fit an int.
      const r = legalNumber(arg);
      if (r === null || r < 0n || r > 0x7fffffffn) return false;
      return typeof (yield* tcgetattr(Number(r))) !== 'number';
    }
    case 'n': return arg !== '';
    case 'z': return arg === '';
    case 'o': return optionIsOn(sh, arg);
    case 'v': return varIsSet(sh, arg);
    case 'R': {
      // find_variable_noref(): the variable itself, set and a nameref.
      const v = sh.vars.get(arg);
      return !!v && !v.invisible && v.v !== null && (v.flags & VNAMEREF) !== 0;
    }
    default: return false;
  }
}

/** filecomp(): -nt/-ot count a missing file as older than any existing one; -ef needs both. */
function* filecomp(s: string, t: string, op: string): UserGen<boolean> {
  const st1 = yield* shStat(s);
  const st2 = yield* shStat(t);
  if (op === '-ef') return !!st1 && !!st2 && st1.dev === st2.dev && st1.ino === st2.ino;
  if (op === '-nt') return st1 !== null && (st2 === null || st1.mtime > st2.mtime);
  return st2 !== null && (st1 === null || st1.mtime < st2.mtime);
}

/**
 * binary_test() for test(1): OP is one test_binop() accepts. `num` converts an integer operand
 * (test: legal_number() or "integer expression expected"; [[ ]]: arithmetic evaluation).
 */
export function* binaryTest(op: string, a: string, b: string, num: (s: string) => bigint): UserGen<boolean> {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    // strcmp(): bytes, not the locale's collation (test passes no TEST_LOCALE).
    case '<': return a < b;
    case '>': return a > b;
    case '-nt': case '-ot': case '-ef': return yield* filecomp(a, b, op);
    default: {
      // arithcomp() converts the left operand first, so its error wins.
      const l = num(a);
      const r = num(b);
      switch (op) {
        case '-eq': return l === r;
        case '-ne': return l !== r;
        case '-lt': return l < r;
        case '-gt': return l > r;
        case '-le': return l <= r;
        default: return l >= r;
      }
    }
  }
}
