// bash 5.2's test and [ builtins: a port of test.c's test_command() and posixtest() (POSIX's
// rules for 0-4 arguments), then the recursive expr/or/and/term grammar for longer expressions,
// with test.c's messages. dash mode keeps dash's evaluator (lib/testexpr.ts).
import type { UserGen } from '../../uapi/syscalls.ts';
import { TestError } from '../lib/testexpr.ts';
import type { ShState } from './state.ts';
import { binaryTest, legalNumber, testBinop, testUnop, unaryTest } from './bashtestops.ts';

/** arithcomp() without TEST_ARITHEXP: a legal_number() or the error. */
function integer(s: string): bigint {
  const n = legalNumber(s);
  if (n === null) throw new TestError(`${s}: integer expression expected`);
  return n;
}

/** ANDOR(): -a or -o as the middle of three arguments. */
const andor = (s: string): boolean => s === '-a' || s === '-o';
/** ONE_ARG_TEST(): a non-empty string. */
const oneArg = (s: string): boolean => s !== '';

class BashTest {
  pos = 1;
  /**
   * ARGV as test.c sees it: argv[0] is the command name, and for `[` argv[argc] is the "]"
   * (only the paren check in term() looks there, and reports "found ]").
   */
  constructor(private readonly sh: ShState, private readonly argv: readonly string[], private readonly argc: number) {}

  /** beyond(): ran out of arguments. */
  beyond(): never {
    throw new TestError('argument expected');
  }

  /** advance(f): step to the next argument; with f, there must be one. */
  advance(f: boolean): void {
    ++this.pos;
    if (f && this.pos >= this.argc) this.beyond();
  }

  at(i: number): string {
    return this.argv[i];
  }

  *expr(): UserGen<boolean> {
    if (this.pos >= this.argc) this.beyond();
    return yield* this.or();
  }

  /** or: and | and '-o' or (right-recursive, both sides evaluated). */
  *or(): UserGen<boolean> {
    const value = yield* this.and();
    if (this.pos < this.argc && this.at(this.pos) === '-o') {
      this.advance(false);
      const v2 = yield* this.or();
      return value || v2;
    }
    return value;
  }

  /** and: term | term '-a' and. */
  *and(): UserGen<boolean> {
    const value = yield* this.term();
    if (this.pos < this.argc && this.at(this.pos) === '-a') {
      this.advance(false);
      const v2 = yield* this.and();
      return value && v2;
    }
    return value;
  }

  *term(): UserGen<boolean> {
    if (this.pos >= this.argc) this.beyond();
    if (this.at(this.pos) === '!') {
      let neg = false;
      while (this.pos < this.argc && this.at(this.pos) === '!') {
        this.advance(true);
        neg = !neg;
      }
      const v = yield* this.term();
      return neg ? !v : v;
    }
    if (this.at(this.pos) === '(') {
      this.advance(true);
      const value = yield* this.expr();
      const w = this.argv[this.pos] as string | undefined;
      if (w === undefined) throw new TestError("`)' expected");
      if (w !== ')') throw new TestError(`\`)' expected, found ${w}`);
      this.advance(false);
      return value;
    }
    // Enough arguments left for a binary operator? Then a unary one, then a plain string.
    if (this.pos + 3 <= this.argc && testBinop(this.at(this.pos + 1))) return yield* this.binaryOperator();
    if (this.pos + 2 <= this.argc && testUnop(this.at(this.pos))) return yield* this.unaryOperator();
    const value = oneArg(this.at(this.pos));
    this.advance(false);
    return value;
  }

  *binaryOperator(): UserGen<boolean> {
    const w = this.at(this.pos + 1);
    if (!testBinop(w)) throw new TestError(`${w}: binary operator expected`);
    const value = yield* binaryTest(w, this.at(this.pos), this.at(this.pos + 2), integer);
    this.pos += 3;
    return value;
  }

  *unaryOperator(): UserGen<boolean> {
    const op = this.at(this.pos);
    if (!testUnop(op)) return false;
    if (op === '-t') {
      // -t takes its argument only when that is a number; alone it means -t 1.
      this.advance(false);
      if (this.pos < this.argc) {
        if (legalNumber(this.at(this.pos)) === null) return false;
        this.advance(false);
        return yield* unaryTest(this.sh, op, this.at(this.pos - 1));
      }
      return yield* unaryTest(this.sh, op, '1');
    }
    // unary_advance(): there must be an argument; step past it.
    this.advance(true);
    ++this.pos;
    return yield* unaryTest(this.sh, op, this.at(this.pos - 1));
  }

  *twoArguments(): UserGen<boolean> {
    const a = this.at(this.pos);
    if (a === '!') return this.at(this.pos + 1) === '';
    if (a.length === 2 && a[0] === '-' && testUnop(a)) return yield* this.unaryOperator();
    throw new TestError(`${a}: unary operator expected`);
  }

  *threeArguments(): UserGen<boolean> {
    let value: boolean;
    const a = this.at(this.pos);
    const b = this.at(this.pos + 1);
    if (testBinop(b)) {
      value = yield* this.binaryOperator();
    } else if (andor(b)) {
      value = b === '-a' ? oneArg(a) && oneArg(this.at(this.pos + 2)) : oneArg(a) || oneArg(this.at(this.pos + 2));
    } else if (a === '!') {
      this.advance(true);
      value = !(yield* this.twoArguments());
    } else if (a[0] === '(' && this.at(this.pos + 2)[0] === ')') {
      // Only the first characters are looked at here.
      value = oneArg(b);
    } else {
      throw new TestError(`${b}: binary operator expected`);
    }
    this.pos = this.argc;
    return value;
  }

  /** posixtest(): David Korn's argument-count rules, then the full grammar. */
  *posixtest(): UserGen<boolean> {
    let value: boolean;
    switch (this.argc - 1) {
      case 0:
        value = false;
        this.pos = this.argc;
        return value;
      case 1:
        value = oneArg(this.at(1));
        this.pos = this.argc;
        return value;
      case 2:
        value = yield* this.twoArguments();
        this.pos = this.argc;
        return value;
      case 3:
        return yield* this.threeArguments();
      case 4:
        if (this.at(this.pos) === '!') {
          this.advance(true);
          return !(yield* this.threeArguments());
        }
        if (this.at(this.pos) === '(' && this.at(this.argc - 1) === ')') {
          this.advance(true);
          value = yield* this.twoArguments();
          this.pos = this.argc;
          return value;
        }
        return yield* this.expr();
      default:
        return yield* this.expr();
    }
  }
}

/**
 * test_builtin() + test_command(): ARGV with the command name ("test" or "["). Returns the exit
 * status; a syntax error throws TestError (the caller prints "NAME: MSG" and returns 2).
 */
export function* bashTest(sh: ShState, argv: readonly string[]): UserGen<number> {
  let argc = argv.length;
  if (argv[0] === '[') {
    if (argc === 1) throw new TestError("missing `]'");
    --argc;
    if (argv[argc] !== ']') throw new TestError("missing `]'");
    if (argc < 2) return 1;
  }
  if (argc < 2) return 1;
  const t = new BashTest(sh, argv, argc);
  const value = yield* t.posixtest();
  if (t.pos !== argc) {
    if (t.pos < argc && argv[t.pos][0] === '-') throw new TestError(`syntax error: \`${argv[t.pos]}' unexpected`);
    throw new TestError('too many arguments');
  }
  return value ? 0 : 1;
}
