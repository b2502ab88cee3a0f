// test(1) / [ expression evaluation, a port of dash's bltin/test.c (POSIX's argument-count rules,
// then oexpr/aexpr/nexpr/primary with its operand-vs-operator lookahead). File tests go through
// stat/lstat/access; -t through the TCGETS ioctl. Shared by the shell builtins and /usr/bin/test;
// the callers choose the error wording (dash: "Illegal number: x", "missing ]").
import type { UserGen } from '../../uapi/syscalls.ts';
import { R_OK, S_IFMT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID,
  S_ISVTX, W_OK, X_OK } from '../../uapi/fcntl.ts';
import type { Stat } from '../../uapi/fcntl.ts';
import { access, getegid, geteuid, lstat, stat, tcgetattr } from './sys.ts';

/** An error test reports on stderr with status 2. */
export class TestError extends Error {}

export interface TestOptions {
  /** Convert an integer operand or throw TestError (dash: "Illegal number: %s"). */
  number(s: string): bigint;
}

const enum Tk {
  EOI, FILRD, FILWR, FILEX, FILEXIST, FILREG, FILDIR, FILCDEV, FILBDEV, FILFIFO, FILSOCK, FILSYM,
  FILGZ, FILTT, FILSUID, FILSGID, FILSTCK, FILNT, FILOT, FILEQ, FILUID, FILGID, STREZ, STRNZ,
  STREQ, STRNE, STRLT, STRGT, INTEQ, INTNE, INTGE, INTGT, INTLE, INTLT, UNOT, BAND, BOR, LPAREN,
  RPAREN, OPERAND,
}
const enum Ty { UNOP, BINOP, BUNOP, BBINOP, PAREN }

const OPS: Record<string, [Tk, Ty]> = {
  '-r': [Tk.FILRD, Ty.UNOP], '-w': [Tk.FILWR, Ty.UNOP], '-x': [Tk.FILEX, Ty.UNOP],
  '-e': [Tk.FILEXIST, Ty.UNOP], '-f': [Tk.FILREG, Ty.UNOP], '-d': [Tk.FILDIR, Ty.UNOP],
  '-c': [Tk.FILCDEV, Ty.UNOP], '-b': [Tk.FILBDEV, Ty.UNOP], '-p': [Tk.FILFIFO, Ty.UNOP],
  '-u': [Tk.FILSUID, Ty.UNOP], '-g': [Tk.FILSGID, Ty.UNOP], '-k': [Tk.FILSTCK, Ty.UNOP],
  '-s': [Tk.FILGZ, Ty.UNOP], '-t': [Tk.FILTT, Ty.UNOP], '-z': [Tk.STREZ, Ty.UNOP],
  '-n': [Tk.STRNZ, Ty.UNOP], '-h': [Tk.FILSYM, Ty.UNOP], '-O': [Tk.FILUID, Ty.UNOP],
  '-G': [Tk.FILGID, Ty.UNOP], '-L': [Tk.FILSYM, Ty.UNOP], '-S': [Tk.FILSOCK, Ty.UNOP],
  '=': [Tk.STREQ, Ty.BINOP], '!=': [Tk.STRNE, Ty.BINOP], '<': [Tk.STRLT, Ty.BINOP],
  '>': [Tk.STRGT, Ty.BINOP], '-eq': [Tk.INTEQ, Ty.BINOP], '-ne': [Tk.INTNE, Ty.BINOP],
  '-ge': [Tk.INTGE, Ty.BINOP], '-gt': [Tk.INTGT, Ty.BINOP], '-le': [Tk.INTLE, Ty.BINOP],
  '-lt': [Tk.INTLT, Ty.BINOP], '-nt': [Tk.FILNT, Ty.BINOP], '-ot': [Tk.FILOT, Ty.BINOP],
  '-ef': [Tk.FILEQ, Ty.BINOP], '!': [Tk.UNOT, Ty.BUNOP], '-a': [Tk.BAND, Ty.BBINOP],
  '-o': [Tk.BOR, Ty.BBINOP], '(': [Tk.LPAREN, Ty.PAREN], ')': [Tk.RPAREN, Ty.PAREN],
};
const getop = (s: string): [Tk, Ty] | undefined => (Object.prototype.hasOwnProperty.call(OPS, s) ? OPS[s] : undefined);

class Test {
  wp = 0;
  op: [Tk, Ty] | undefined;
  constructor(private readonly a: (string | undefined)[], private readonly o: TestOptions) {}

  syntax(op: string | undefined, msg: string): never {
    throw new TestError(op ? `${op}: ${msg}` : msg);
  }

  lex(i: number): Tk {
    const s = this.a[i];
    if (s === undefined) {
      this.op = undefined;
      return Tk.EOI;
    }
    const op = getop(s);
    if (op && !(op[1] === Ty.UNOP && this.isoperand(i)) && !(op[0] === Tk.LPAREN && this.a[i + 1] === undefined)) {
      this.op = op;
      return op[0];
    }
    this.op = undefined;
    return Tk.OPERAND;
  }

  isoperand(i: number): boolean {
    const s = this.a[i + 1];
    if (s === undefined) return true;
    if (this.a[i + 2] === undefined) return false;
    const op = getop(s);
    return !!op && op[1] === Ty.BINOP;
  }

  *oexpr(n: Tk): UserGen<boolean> {
    let res = false;
    for (;;) {
      if (yield* this.aexpr(n)) res = true;
      n = this.lex(this.wp + 1);
      if (n !== Tk.BOR) break;
      this.wp += 2;
      n = this.lex(this.wp);
    }
    return res;
  }

  *aexpr(n: Tk): UserGen<boolean> {
    let res = true;
    for (;;) {
      if (!(yield* this.nexpr(n))) res = false;
      n = this.lex(this.wp + 1);
      if (n !== Tk.BAND) break;
      this.wp += 2;
      n = this.lex(this.wp);
    }
    return res;
  }

  *nexpr(n: Tk): UserGen<boolean> {
    if (n !== Tk.UNOT) return yield* this.primary(n);
    n = this.lex(this.wp + 1);
    if (n !== Tk.EOI) this.wp++;
    return !(yield* this.nexpr(n));
  }

  *primary(n: Tk): UserGen<boolean> {
    if (n === Tk.EOI) return false;
    if (n === Tk.LPAREN) {
      const nn = this.lex(++this.wp);
      if (nn === Tk.RPAREN) return false;
      const res = yield* this.oexpr(nn);
      if (this.lex(++this.wp) !== Tk.RPAREN) this.syntax(undefined, 'closing paren expected');
      return res;
    }
    if (this.op && this.op[1] === Ty.UNOP) {
      const opText = this.a[this.wp];
      const arg = this.a[++this.wp];
      if (arg === undefined) this.syntax(opText, 'argument expected');
      switch (n) {
        case Tk.STREZ: return arg.length === 0;
        case Tk.STRNZ: return arg.length !== 0;
        case Tk.FILTT: return typeof (yield* tcgetattr(Number(this.o.number(arg)))) !== 'number';
        case Tk.FILRD: return (yield* access(arg, R_OK)) === 0;
        case Tk.FILWR: return (yield* access(arg, W_OK)) === 0;
        case Tk.FILEX: return (yield* access(arg, X_OK)) === 0;
        default: return yield* filstat(arg, n);
      }
    }
    this.lex(this.wp + 1);
    if (this.op && this.op[1] === Ty.BINOP) return yield* this.binop();
    return (this.a[this.wp] ?? '').length > 0;
  }

  *binop(): UserGen<boolean> {
    const opnd1 = this.a[this.wp]!;
    this.lex(++this.wp);
    const op = this.op!;
    const opText = this.a[this.wp];
    const opnd2 = this.a[++this.wp];
    if (opnd2 === undefined) this.syntax(opText, 'argument expected');
    const num = (s: string): bigint => this.o.number(s);
    switch (op[0]) {
      case Tk.STREQ: return opnd1 === opnd2;
      case Tk.STRNE: return opnd1 !== opnd2;
      case Tk.STRLT: return opnd1 < opnd2;
      case Tk.STRGT: return opnd1 > opnd2;
      case Tk.INTEQ: return num(opnd1) === num(opnd2);
      case Tk.INTNE: return num(opnd1) !== num(opnd2);
      case Tk.INTGE: return num(opnd1) >= num(opnd2);
      case Tk.INTGT: return num(opnd1) > num(opnd2);
      case Tk.INTLE: return num(opnd1) <= num(opnd2);
      case Tk.INTLT: return num(opnd1) < num(opnd2);
      default: {
        const s1 = yield* stat(opnd1);
        const s2 = yield* stat(opnd2);
        if (typeof s1 === 'number' || typeof s2 === 'number') return false;
        if (op[0] === Tk.FILNT) return s1.mtime > s2.mtime;
        if (op[0] === Tk.FILOT) return s1.mtime < s2.mtime;
        return s1.dev === s2.dev && s1.ino === s2.ino;
      }
    }
  }
}

function* filstat(nm: string, mode: Tk): UserGen<boolean> {
  const r = mode === Tk.FILSYM ? yield* lstat(nm) : yield* stat(nm);
  if (typeof r === 'number') return false;
  const s: Stat = r;
  const type = s.mode & S_IFMT;
  switch (mode) {
    case Tk.FILEXIST: return true;
    case Tk.FILREG: return type === S_IFREG;
    case Tk.FILDIR: return type === S_IFDIR;
    case Tk.FILCDEV: return type === S_IFCHR;
    case Tk.FILBDEV: return type === S_IFBLK;
    case Tk.FILFIFO: return type === S_IFIFO;
    case Tk.FILSOCK: return type === S_IFSOCK;
    case Tk.FILSYM: return type === S_IFLNK;
    case Tk.FILSUID: return (s.mode & S_ISUID) !== 0;
    case Tk.FILSGID: return (s.mode & S_ISGID) !== 0;
    case Tk.FILSTCK: return (s.mode & S_ISVTX) !== 0;
    case Tk.FILGZ: return s.size > 0;
    case Tk.FILUID: return s.uid === (yield* geteuid());
    case Tk.FILGID: return s.gid === (yield* getegid());
    default: return true;
  }
}

/**
 * Evaluate `test args...` (args without the command name; for `[`, the caller strips the `]`).
 * Returns the exit status (0 true, 1 false); throws TestError for a syntax error (status 2).
 */
export function* testExpr(args: readonly string[], o: TestOptions): UserGen<number> {
  let argv: (string | undefined)[] = [...args];
  let res = 1;
  for (;;) {
    const argc = argv.length;
    if (argc < 1) return res;
    if (argc === 3) {
      const op = getop(argv[1]!);
      if (op && op[1] === Ty.BINOP) {
        const t = new Test([...argv], o);
        t.wp = 0;
        t.op = undefined;
        const r = (yield* t.binop()) ? 1 : 0;
        return res ^ r;
      }
    }
    if (argc === 3 || argc === 4) {
      if (argv[0] === '(' && argv[argc - 1] === ')') {
        argv = argv.slice(1, argc - 1);
      } else if (argv[0] === '!') {
        res = 0;
        argv = argv.slice(1);
        continue;
      }
    }
    const t = new Test([...argv], o);
    const n = t.lex(0);
    const r = (yield* t.oexpr(n)) ? 1 : 0;
    res ^= r;
    if (argv[t.wp] !== undefined && argv[t.wp + 1] !== undefined) t.syntax(argv[t.wp], 'unexpected operator');
    return res;
  }
}

/** dash's getn(): atomax10 with "Illegal number" for anything but a decimal integer. */
export function dashNumber(s: string): bigint {
  const m = /^\s*([+-]?\d+)\s*$/.exec(s);
  if (!m) throw new TestError(`Illegal number: ${s}`);
  const v = BigInt(m[1]);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) throw new TestError(`Illegal number: ${s}`);
  return v;
}
