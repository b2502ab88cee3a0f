// GNU coreutils 9.1 test and [ (src/test.c): POSIX's argument-count rules (posixtest), then
// or/and/term with -a/-o, "invalid integer", "missing ']'", "extra argument", status 2 on a
// syntax error. The shell has its own builtin (dash's); this is /usr/bin/test.
// Note: src/userland/lib/testexpr.ts ports dash's test.c, whose grammar and messages differ
// (e.g. "unexpected operator"), so GNU's is ported here.
import { R_OK, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX, W_OK, X_OK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, Stat, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { access, getegid, geteuid, lstat, stat, tcgetattr } from '../lib/sys.ts';
import { helpText, versionText } from './opts.ts';
import { quoteC as quote } from './quote.ts';

class SyntaxError_ extends Error {}

const BINOPS = new Set(['=', '!=', '==', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** find_int(): the integer text (blanks and a leading '+' dropped), or a syntax error. */
function findInt(s: string): bigint {
  const m = /^[ \t]*\+?(-?\d+)[ \t]*$/.exec(s);
  if (!m || /^[ \t]*\+-/.test(s)) throw new SyntaxError_(`invalid integer ${quote(s)}`);
  return BigInt(m[1]);
}

class Test {
  pos = 1;
  constructor(private readonly argv: string[], private readonly argc: number) {}

  private beyond(): never {
    throw new SyntaxError_(`missing argument after ${quote(this.argv[this.argc - 1])}`);
  }
  private advance(f: boolean): void {
    this.pos++;
    if (f && this.pos >= this.argc) this.beyond();
  }
  private unaryAdvance(): void {
    this.advance(true);
    this.pos++;
  }

  *statOf(path: string, link = false): UserGen<Stat | null> {
    const st = link ? yield* lstat(path) : yield* stat(path);
    return typeof st === 'number' ? null : st;
  }

  *unary(): UserGen<boolean> {
    const op = this.argv[this.pos];
    const fileTest = function* (t: Test, pred: (s: Stat) => boolean, link = false): UserGen<boolean> {
      t.unaryAdvance();
      const s = yield* t.statOf(t.argv[t.pos - 1], link);
      return s !== null && pred(s);
    };
    const type = (bits: number) => (s: Stat): boolean => (s.mode & S_IFMT) === bits;
    switch (op[1]) {
      case 'e': return yield* fileTest(this, () => true);
      case 'r': case 'w': case 'x': {
        this.unaryAdvance();
        return (yield* access(this.argv[this.pos - 1], op[1] === 'r' ? R_OK : op[1] === 'w' ? W_OK : X_OK)) === 0;
      }
      case 'N': return yield* fileTest(this, (s) => s.mtime > s.atime);
      case 'O': { const u = yield* geteuid(); return yield* fileTest(this, (s) => s.uid === u); }
      case 'G': { const g = yield* getegid(); return yield* fileTest(this, (s) => s.gid === g); }
      case 'f': return yield* fileTest(this, type(S_IFREG));
      case 'd': return yield* fileTest(this, type(S_IFDIR));
      case 's': return yield* fileTest(this, (s) => s.size > 0);
      case 'S': return yield* fileTest(this, type(S_IFSOCK));
      case 'c': return yield* fileTest(this, type(S_IFCHR));
      case 'b': return yield* fileTest(this, type(S_IFBLK));
      case 'p': return yield* fileTest(this, type(S_IFIFO));
      case 'L': case 'h': return yield* fileTest(this, type(S_IFLNK), true);
      case 'u': return yield* fileTest(this, (s) => (s.mode & S_ISUID) !== 0);
      case 'g': return yield* fileTest(this, (s) => (s.mode & S_ISGID) !== 0);
      case 'k': return yield* fileTest(this, (s) => (s.mode & S_ISVTX) !== 0);
      case 't': {
        this.unaryAdvance();
        const fd = findInt(this.argv[this.pos - 1]);
        if (fd < 0n || fd > 2147483647n) return false;
        return typeof (yield* tcgetattr(Number(fd))) !== 'number';
      }
      case 'n': this.unaryAdvance(); return this.argv[this.pos - 1] !== '';
      case 'z': this.unaryAdvance(); return this.argv[this.pos - 1] === '';
      default: throw new SyntaxError_(`${quote(op)}: unary operator expected`);
    }
  }

  *binary(lIsL: boolean): UserGen<boolean> {
    const a = this.argv;
    if (lIsL) this.advance(false);
    const op = this.pos + 1;
    let rIsL = false;
    if (op < this.argc - 2 && a[op + 1] === '-l') {
      rIsL = true;
      this.advance(false);
    }
    const o = a[op];
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(o)) {
      const l = lIsL ? BigInt(a[op - 1].length) : findInt(a[op - 1]);
      const r = rIsL ? BigInt(a[op + 2].length) : findInt(a[op + 1]);
      this.pos += 3;
      switch (o) {
        case '-eq': return l === r;
        case '-ne': return l !== r;
        case '-lt': return l < r;
        case '-le': return l <= r;
        case '-gt': return l > r;
        default: return l >= r;
      }
    }
    if (o === '-nt' || o === '-ot' || o === '-ef') {
      this.pos += 3;
      if (lIsL || rIsL) throw new SyntaxError_(`${o} does not accept -l`);
      const ls = yield* this.statOf(a[op - 1]);
      const rs = yield* this.statOf(a[op + 1]);
      if (o === '-nt') return ls !== null && (rs === null || ls.mtime > rs.mtime);
      if (o === '-ot') return rs !== null && (ls === null || ls.mtime < rs.mtime);
      return ls !== null && rs !== null && ls.dev === rs.dev && ls.ino === rs.ino;
    }
    if (o.startsWith('-')) throw new SyntaxError_(`${quote(o)}: unknown binary operator`);
    const v = o === '!=' ? a[this.pos] !== a[this.pos + 2] : a[this.pos] === a[this.pos + 2];
    this.pos += 3;
    return v;
  }

  *term(): UserGen<boolean> {
    const a = this.argv;
    let negated = false;
    while (this.pos < this.argc && a[this.pos] === '!') {
      this.advance(true);
      negated = !negated;
    }
    if (this.pos >= this.argc) this.beyond();
    let value: boolean;
    if (a[this.pos] === '(') {
      this.advance(true);
      let nargs = 1;
      for (; this.pos + nargs < this.argc && a[this.pos + nargs] !== ')'; nargs++) {
        if (nargs === 4) {
          nargs = this.argc - this.pos;
          break;
        }
      }
      value = yield* this.posix(nargs);
      if (this.pos >= this.argc) throw new SyntaxError_(`${quote(')')} expected`);
      if (a[this.pos] !== ')') throw new SyntaxError_(`${quote(')')} expected, found ${quote(a[this.pos])}`);
      this.advance(false);
    } else if (this.argc - this.pos >= 4 && a[this.pos] === '-l' && BINOPS.has(a[this.pos + 2])) value = yield* this.binary(true);
    else if (this.argc - this.pos >= 3 && BINOPS.has(a[this.pos + 1])) value = yield* this.binary(false);
    else if (a[this.pos][0] === '-' && a[this.pos].length === 2) value = yield* this.unary();
    else {
      value = a[this.pos] !== '';
      this.advance(false);
    }
    return negated !== value;
  }

  *and(): UserGen<boolean> {
    let value = true;
    for (;;) {
      value = (yield* this.term()) && value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-a')) return value;
      this.advance(false);
    }
  }

  *or(): UserGen<boolean> {
    let value = false;
    for (;;) {
      value = (yield* this.and()) || value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-o')) return value;
      this.advance(false);
    }
  }

  *expr(): UserGen<boolean> {
    if (this.pos >= this.argc) this.beyond();
    return yield* this.or();
  }

  private one(): boolean {
    return this.argv[this.pos++] !== '';
  }

  *two(): UserGen<boolean> {
    const a = this.argv[this.pos];
    if (a === '!') {
      this.advance(false);
      return !this.one();
    }
    if (a[0] === '-' && a.length === 2) return yield* this.unary();
    return this.beyond();
  }

  *three(): UserGen<boolean> {
    const a = this.argv;
    if (BINOPS.has(a[this.pos + 1])) return yield* this.binary(false);
    if (a[this.pos] === '!') {
      this.advance(true);
      return !(yield* this.two());
    }
    if (a[this.pos] === '(' && a[this.pos + 2] === ')') {
      this.advance(false);
      const v = this.one();
      this.advance(false);
      return v;
    }
    if (a[this.pos + 1] === '-a' || a[this.pos + 1] === '-o') return yield* this.expr();
    throw new SyntaxError_(`${quote(a[this.pos + 1])}: binary operator expected`);
  }

  *posix(nargs: number): UserGen<boolean> {
    const a = this.argv;
    switch (nargs) {
      case 1: return this.one();
      case 2: return yield* this.two();
      case 3: return yield* this.three();
      case 4:
        if (a[this.pos] === '!') {
          this.advance(true);
          return !(yield* this.three());
        }
        if (a[this.pos] === '(' && a[this.pos + 3] === ')') {
          this.advance(false);
          const v = yield* this.two();
          this.advance(false);
          return v;
        }
        return yield* this.expr();
      default: return yield* this.expr();
    }
  }
}

function run(bracket: boolean) {
  return function* ({ argv }: ProgramArgs): UserGen {
    const args = [...argv];
    try {
      if (bracket) {
        if (args.length === 2 && args[1] === '--help') {
          yield* writeAll(1, helpText('[', argv[0]));
          return 0;
        }
        if (args.length === 2 && args[1] === '--version') {
          yield* writeAll(1, versionText('['));
          return 0;
        }
        if (args.length < 2 || args[args.length - 1] !== ']') throw new SyntaxError_(`missing ${quote(']')}`);
        args.pop();
      }
      if (args.length <= 1) return 1;
      const t = new Test(args, args.length);
      const value = yield* t.posix(args.length - 1);
      if (t.pos !== args.length) throw new SyntaxError_(`extra argument ${quote(args[t.pos])}`);
      return value ? 0 : 1;
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      yield* writeAll(2, `${argv[0]}: ${e.message}\n`);
      return 2;
    }
  };
}

export const test = run(false);
export const lbracket = run(true);
